/**
 * Shared pieces of the hostile-input tests: a dev org, a Workstation signed in through the real login
 * page, and a fetch wrapper that lets a test answer chosen Okta calls with evil payloads while every
 * other request goes to the dev org.
 */
import { openDB } from 'idb';
import type { DevOrg } from '@/dev/org/index';
import { startDevOrg } from '@/dev/org/index';
import { resetFaults } from '@/dev/org/faults';
import { Workstation } from '@/lib/background/workstation';
import { fakePlatform, type FakePlatform } from '../../fakes/fake-platform';
import { httpLoginFlow, type LoginBehaviour } from '../../fakes/http-login-flow';

export const REDIRECT_URI = 'https://hoehbjejopceicelemflmpablooiofpi.chromiumapp.org/';

/** One request the product made. */
export interface SeenRequest {
  url: string;
  method: string;
  authorization: string | null;
  hasSignal: boolean;
}

/** Answers a request instead of the dev org; return undefined to let it through. */
export type Route = (
  url: URL,
  init: RequestInit | undefined,
) => Response | undefined | Promise<Response | undefined>;

export interface Harness {
  devOrg: DevOrg;
  platform: FakePlatform;
  workstation: Workstation;
  login: LoginBehaviour;
  dbName: string;
  /** Every request, in order. */
  seen: SeenRequest[];
  /** Checked in order, first answer wins; cleared by {@link Harness.clearRoutes}. */
  routes: Route[];
  clearRoutes(): void;
  /** Signs in the given seeded user (default: the demo admin, who may list users) and runs a first sync. */
  signInAndSync(userId?: string): Promise<void>;
  emailOf(userId: string): string;
  /** Counts the records stored in IndexedDB, bypassing the product. */
  storedCounts(): Promise<{ apps: number; people: number }>;
}

let dbCounter = 0;

/** Starts one dev org for a test file. */
export function startOrg(people = 120, apps = 30): Promise<DevOrg> {
  return startDevOrg({ port: 0, people, apps, seed: 11, quiet: true });
}

/** A fresh Workstation (own database, own storage) against the dev org, with a fetch a test can steer. */
export function makeHarness(
  devOrg: DevOrg,
  options: { policy?: unknown; buildDefaults?: Record<string, unknown> } = {},
): Harness {
  resetFaults(devOrg.faults);
  const emailOf = (userId: string) => {
    const user = devOrg.org.users.find((candidate) => candidate.id === userId);
    if (!user) throw new Error(`no seeded user ${userId}`);
    return user.profile.login;
  };
  const harness = {} as Harness;
  harness.devOrg = devOrg;
  harness.login = { username: emailOf(devOrg.org.demo.admin), password: devOrg.org.password };
  const platform = fakePlatform(
    httpLoginFlow(REDIRECT_URI, () => harness.login),
    { policy: options.policy ?? {} },
  );
  const realFetch = platform.fetch;
  harness.seen = [];
  harness.routes = [];
  harness.clearRoutes = () => {
    harness.routes.length = 0;
  };
  platform.fetch = async (input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    harness.seen.push({
      url: href,
      method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
      authorization: headers.get('authorization'),
      hasSignal: Boolean(init?.signal ?? (input instanceof Request ? input.signal : undefined)),
    });
    const url = new URL(href);
    for (const route of harness.routes) {
      const answer = await route(url, init);
      if (answer) return answer;
    }
    // A request to anything but the dev org must never leave the test machine.
    if (url.origin !== devOrg.url)
      throw new TypeError(`fetch failed (${url.origin} is not reachable in tests)`);
    return realFetch(input, init);
  };
  dbCounter += 1;
  harness.dbName = `hostile-${process.pid}-${dbCounter}`;
  harness.platform = platform;
  harness.workstation = new Workstation(
    platform,
    (options.buildDefaults as never) ?? { oktaDomain: devOrg.url, clientId: devOrg.clientId },
    harness.dbName,
  );
  harness.emailOf = emailOf;
  harness.signInAndSync = async (userId = devOrg.org.demo.admin) => {
    harness.login = { username: emailOf(userId), password: devOrg.org.password };
    const state = await harness.workstation.handlers.signIn({}, {});
    if (!state.session.signedIn) throw new Error(`sign-in failed: ${JSON.stringify(state.error)}`);
    await harness.workstation.startSync();
  };
  harness.storedCounts = async () => {
    const db = await openDB(harness.dbName);
    try {
      const count = async (store: string) =>
        db.objectStoreNames.contains(store) ? db.count(store as never) : 0;
      return { apps: await count('apps'), people: await count('people') };
    } finally {
      db.close();
    }
  };
  return harness;
}

/** A JSON answer as Okta sends it. */
export function json(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

/** Whether a URL is the appLinks endpoint. */
export const isAppLinks = (url: URL) => url.pathname === '/api/v1/users/me/appLinks';
/** Whether a URL is the users list (not /users/me). */
export const isUsersList = (url: URL) => url.pathname === '/api/v1/users';

/** An appLinks entry with Okta's shape; `id` is the user's id on every entry, as in Okta. */
export function appLink(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: '00uUSER',
    appName: 'bookmark',
    appAssignmentId: '0ua1',
    hidden: false,
    sortOrder: 0,
    logoUrl: 'https://ok12static.oktacdn.com/logo.png',
    ...fields,
  };
}

/** An Okta User object. */
export function oktaUser(
  id: string,
  profile: Record<string, unknown>,
  status = 'ACTIVE',
): Record<string, unknown> {
  return {
    id,
    status,
    lastUpdated: '2024-01-01T00:00:00.000Z',
    profile: { login: profile.email, ...profile },
  };
}

/**
 * A strict check of a Chrome omnibox description: XML 1.0 characters only, entities only the five
 * predefined ones (or numeric), and tags only `match`, `dim`, `url`, properly nested. Returns the
 * problems found (empty when well-formed).
 */
export function xmlProblems(description: string): string[] {
  const problems: string[] = [];
  for (let i = 0; i < description.length; i++) {
    const code = description.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = description.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      problems.push(`lone high surrogate at ${i}`);
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) problems.push(`lone low surrogate at ${i}`);
    else if (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd)
      problems.push(`control U+${code.toString(16)} at ${i}`);
    else if (code === 0xfffe || code === 0xffff)
      problems.push(`non-character U+${code.toString(16)} at ${i}`);
  }
  const stack: string[] = [];
  const token = /<(\/?)([^>\s/]*)[^>]*>|&([^;\s]*);|[<>&"']/g;
  for (const match of description.matchAll(token)) {
    const [whole, close, tag, entity] = match;
    if (whole === '<' || whole === '&') problems.push(`raw ${whole} at ${match.index}`);
    else if (whole.startsWith('<')) {
      if (!['match', 'dim', 'url'].includes(tag ?? '')) problems.push(`unknown tag ${whole}`);
      else if (close) {
        if (stack.pop() !== tag) problems.push(`misnested ${whole}`);
      } else stack.push(tag ?? '');
    } else if (whole.startsWith('&')) {
      if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+)$/i.test(entity ?? ''))
        problems.push(`bad entity ${whole}`);
    } else if (whole === '>') problems.push(`raw > at ${match.index}`);
  }
  if (stack.length) problems.push(`unclosed ${stack.join(',')}`);
  return problems;
}

/** Whether a URL is one the product may open: http(s) only. */
export function isHttp(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
