// Sync benchmark: `npm run bench:sync [-- people]` (default 50000).
// The background's real lib/ code in Node (the Workstation composition root, its session, sync runner
// and IndexedDB schema) on fake-indexeddb, against a seeded dev org of that size over loopback, signed
// in as the admin demo user (who reads people from Okta directly, 200 a page). Prints a full people
// sync — wall time, requests, records/s, IndexedDB bytes per person — and then an unchanged delta's
// requests (target ≤ 2). Figures only; nothing is asserted.
import 'fake-indexeddb/auto';
import { serialize } from 'node:v8';
import { startDevOrg } from '../dev/org/index';
import { EXTENSION_REDIRECT_URI } from '../dev/org/index';
import { Workstation } from '../lib/background/workstation';
import { INDEX_KEY } from '../lib/db/records-store';
import { openWorkstationDb } from '../lib/db/schema';
import { fakePlatform } from '../tests/fakes/fake-platform';
import { httpLoginFlow } from '../tests/fakes/http-login-flow';

const size = Number(process.argv[2] ?? 50_000);
const DB_NAME = 'bench-sync';

/** What a request was for, from its URL. */
function kindOf(url: string): string {
  const { pathname } = new URL(url);
  if (pathname === '/api/v1/users') return 'users pages';
  if (pathname === '/api/v1/users/me/appLinks') return 'appLinks';
  if (pathname === '/oauth2/v1/token') return 'token';
  if (pathname.startsWith('/.well-known/')) return 'discovery';
  return pathname;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const bytes = (value: number) => `${value.toFixed(0)} B`;

function breakdown(counts: Map<string, number>): string {
  return [...counts].map(([kind, count]) => `${kind} ${count}`).join(', ') || 'none';
}

async function main(): Promise<void> {
  let started = performance.now();
  const devOrg = await startDevOrg({ port: 0, people: size, apps: 40, quiet: true });
  const admin = devOrg.org.users.find((user) => user.id === devOrg.org.demo.admin)!;
  const active = devOrg.org.users.filter((user) => user.status === 'ACTIVE').length;
  console.log(
    `dev org: ${devOrg.org.users.length} people (${active} active), ${devOrg.org.apps.length} apps (${ms(performance.now() - started)} to seed and start)`,
  );

  const platform = fakePlatform(
    httpLoginFlow(EXTENSION_REDIRECT_URI, () => ({
      username: admin.profile.login,
      password: devOrg.org.password,
    })),
  );
  const requests = new Map<string, number>();
  const realFetch = platform.fetch;
  platform.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const kind = kindOf(url);
    requests.set(kind, (requests.get(kind) ?? 0) + 1);
    return realFetch(input, init);
  };
  const workstation = new Workstation(
    platform,
    { oktaDomain: devOrg.url, clientId: devOrg.clientId },
    DB_NAME,
  );

  // Sign-in starts a sync of its own; it is cancelled at once (the product's own cancel, as sign-out
  // uses) so that the full sync below is timed alone, from an empty database.
  const signedIn = await workstation.handlers.signIn({}, {});
  workstation.sync.cancel();
  if (!signedIn.session.signedIn)
    throw new Error(`Sign-in failed: ${signedIn.error?.message ?? 'no reason'}`);
  const db = await openWorkstationDb(DB_NAME);
  await db.clear('people');
  await db.clear('staging');
  await db.clear('meta');
  await platform.local.remove('sync.status');

  requests.clear();
  const clockBefore = platform.clockMs;
  started = performance.now();
  await workstation.startSync();
  const fullMs = performance.now() - started;
  const full = await workstation.viewState();
  if (full.sync.error) throw new Error(`The full sync failed: ${full.sync.error.message}`);
  const fullRequests = [...requests.values()].reduce((sum, count) => sum + count, 0);
  const waitedMs = platform.clockMs - clockBefore;

  // Stored bytes: each value as V8 serializes it for structured clone — the format Chromium's
  // IndexedDB writes (before its own compression) — and, for comparison, as UTF-8 JSON.
  const people = await db.getAll('people');
  let cloneBytes = 0;
  let jsonBytes = 0;
  for (const person of people) {
    cloneBytes += serialize(person).length;
    jsonBytes += Buffer.byteLength(JSON.stringify(person));
  }
  const index = await db.get('meta', INDEX_KEY);
  const indexBytes = index === undefined ? 0 : serialize(index).length;

  console.log(`\nfull sync of ${people.length} people (and ${full.sync.apps} apps)`);
  console.log(
    `  wall time        ${ms(fullMs)}${waitedMs > 0 ? ` (plus ${ms(waitedMs)} of rate-limit pauses, skipped by the fake clock)` : ''}`,
  );
  console.log(`  requests         ${fullRequests} (${breakdown(requests)})`);
  console.log(`  records/s        ${(people.length / (fullMs / 1000)).toFixed(0)}`);
  console.log(`  IndexedDB bytes per person (structured-clone size of the stored values):`);
  console.log(
    `    person record  ${bytes(cloneBytes / people.length)} (as JSON: ${bytes(jsonBytes / people.length)})`,
  );
  console.log(
    `    search index   ${bytes(indexBytes / people.length)} (the saved index, ${(indexBytes / 2 ** 20).toFixed(1)} MiB, shared with ${full.sync.apps} apps)`,
  );
  console.log(`    together       ${bytes((cloneBytes + indexBytes) / people.length)}`);

  requests.clear();
  started = performance.now();
  await workstation.startSync();
  const deltaMs = performance.now() - started;
  const delta = await workstation.viewState();
  const deltaRequests = [...requests.values()].reduce((sum, count) => sum + count, 0);
  console.log(`\nunchanged delta`);
  console.log(`  requests         ${deltaRequests} (${breakdown(requests)}); target ≤ 2`);
  console.log(
    `  wall time        ${ms(deltaMs)}${delta.sync.error ? `; failed: ${delta.sync.error.message}` : ''}`,
  );
  console.log(`  people after     ${delta.sync.people}`);

  db.close();
  await devOrg.close();
}

await main();
