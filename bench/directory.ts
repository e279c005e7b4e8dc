// Directory service benchmark: `npm run bench:directory [-- people]` (default 50000).
// A seeded dev org of that size, the service on loopback with a fresh SQLite file, and one employee's
// token: the full sync, the gzip snapshot (bytes and time to serve), a delta of 100 changes, and the
// Okta calls an hour the service makes on its default schedule. Figures only; nothing is asserted.
import { get } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_LOGINS, DEMO_PASSWORD, EXTENSION_REDIRECT_URI, startDevOrg } from '../dev/org/index';
import { authorizeOverHttp, exchangeCode } from '../dev/org/testing/sign-in-over-http';
import { CONFIG_DEFAULTS, loadConfig, startDirectory } from '../server/index';

const size = Number(process.argv[2] ?? 50_000);

interface Raw {
  status: number;
  bytes: number;
  ms: number;
  headers: Record<string, string | string[] | undefined>;
}

// node:http, so the body is measured as sent (gzip), not as fetch would decompress it.
function raw(url: string, headers: Record<string, string>): Promise<Raw> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          bytes,
          ms: performance.now() - started,
          headers: response.headers,
        }),
      );
    }).on('error', reject);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  let started = performance.now();
  const devOrg = await startDevOrg({ port: 0, people: size, apps: 20, quiet: true });
  console.log(`dev org: ${size} people (${ms(performance.now() - started)} to seed and start)`);
  const dir = await mkdtemp(join(tmpdir(), 'bench-directory-'));
  let oktaCalls = 0;
  const countingFetch: typeof fetch = (input, init) => {
    if (String(input).includes('/api/v1/')) oktaCalls++;
    return fetch(input, init);
  };
  const directory = await startDirectory(
    loadConfig({
      OKTA_DOMAIN: devOrg.url,
      OKTA_CLIENT_ID: devOrg.clientId,
      OKTA_API_TOKEN: devOrg.service.apiToken,
      PORT: '0',
      DATABASE_PATH: join(dir, 'directory.sqlite'),
    }),
    { schedule: false, fetch: countingFetch, log: () => undefined },
  );
  try {
    const signedIn = await authorizeOverHttp({
      issuer: devOrg.url,
      clientId: devOrg.clientId,
      redirectUri: EXTENSION_REDIRECT_URI,
      username: DEMO_LOGINS.employee,
      password: DEMO_PASSWORD,
      scope: 'openid profile email groups offline_access okta.users.read.self',
    });
    const token = (await exchangeCode(signedIn, EXTENSION_REDIRECT_URI)).access_token;
    const auth = { authorization: `Bearer ${token}` };

    started = performance.now();
    const full = await directory.sync('full');
    const fullCalls = oktaCalls;
    console.log(
      `full sync: ${directory.store.count()} people served, ${full.pages} Okta calls, ${ms(performance.now() - started)}`,
    );

    const people = `${directory.url}/v1/people`;
    const cold = await raw(people, { ...auth, 'accept-encoding': 'gzip' });
    const plain = await raw(people, auth);
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) warm.push((await raw(people, { ...auth, 'accept-encoding': 'gzip' })).ms);
    const etag = String(cold.headers.etag);
    const notModified: number[] = [];
    for (let i = 0; i < 20; i++)
      notModified.push((await raw(people, { ...auth, 'accept-encoding': 'gzip', 'if-none-match': etag })).ms);
    console.log(
      `snapshot: ${kb(cold.bytes)} gzip (${kb(plain.bytes)} plain JSON); served in ${ms(cold.ms)} right after the sync (the service gzips it once per change), ${ms(median(warm))} median after; 304 in ${ms(median(notModified))}`,
    );

    const cursor = ((await (await fetch(people, { headers: auth })).json()) as { cursor: string }).cursor;
    const targets = devOrg.org.users.filter((user) => user.status === 'ACTIVE').slice(10, 110);
    targets.forEach((user, index) => {
      if (index % 10 === 9) devOrg.deactivateUser(user.id);
      else devOrg.updateUser(user.id, { title: `${user.profile.title} (bench)` });
    });
    const before = oktaCalls;
    started = performance.now();
    const delta = await directory.sync('delta');
    const deltaMs = performance.now() - started;
    const changes = await raw(`${directory.url}/v1/people/changes?since=${encodeURIComponent(cursor)}`, {
      ...auth,
      'accept-encoding': 'gzip',
    });
    console.log(
      `delta of 100 changes (90 updated, 10 deactivated): ${delta.changed} applied, ${oktaCalls - before} Okta call(s), ${ms(deltaMs)}; changes answer ${kb(changes.bytes)} gzip in ${ms(changes.ms)}`,
    );

    const deltasPerHour = 3600 / CONFIG_DEFAULTS.deltaIntervalSeconds;
    const fullPerHour = 3600 / CONFIG_DEFAULTS.fullSyncIntervalSeconds;
    const perHour = deltasPerHour * 1 + fullPerHour * fullCalls;
    console.log(
      `Okta calls an hour at the defaults: ${perHour.toFixed(1)} to /api/v1/users (${deltasPerHour} one-page deltas + a ${fullCalls}-call full pass every ${CONFIG_DEFAULTS.fullSyncIntervalSeconds / 3600} h), plus one introspection per employee per access token (an hour), and with ALLOWED_GROUPS one /users/{id}/groups call per token`,
    );
  } finally {
    await directory.close();
    await devOrg.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
