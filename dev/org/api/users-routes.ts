import type { Faults } from '../faults';
import { isUserAdmin, type OrgIndex } from '../org-index';
import type { SeedUser } from '../seed/types';
import { ok, oktaError, type ApiResponse } from './api-response';
import { insufficientScope, type Caller } from './authenticate';
import { parseScimFilter, ScimFilterError, type UserPredicate } from './scim-filter';
import { appLinksOf, toOktaGroup, toOktaUser } from './user-json';

/** Everything a users route needs to answer. */
export interface ApiContext {
  index: OrgIndex;
  orgUrl: string;
  faults: Faults;
  caller: Caller;
  path: string;
  query: URLSearchParams;
}

const READ = 'okta.users.read';
const READ_SELF = 'okta.users.read.self';
const MAX_LIMIT = 200;

/** Routes a GET under /api/v1/users to its handler. */
export function routeUsers(context: ApiContext): ApiResponse {
  const { path } = context;
  if (path === '/api/v1/users') return listUsers(context);
  const match = /^\/api\/v1\/users\/([^/]+)(\/appLinks|\/groups)?$/.exec(path);
  if (!match?.[1]) return oktaError('E0000007', `Resource not found: ${path}`);
  const target = resolveUser(context, decodeURIComponent(match[1]));
  const isSelf = target?.id === context.caller.user.id;
  const { scopes } = context.caller;
  if (!scopes.has(READ) && !(isSelf && scopes.has(READ_SELF)))
    return insufficientScope(context.orgUrl, READ, path);
  if (!isSelf && !isUserAdmin(context.caller.user)) return oktaError('E0000006');
  if (!target) return oktaError('E0000007', `Resource not found: ${match[1]} (User)`);
  if (match[2] === '/appLinks') return ok(appLinksOf(context.index, target, context.orgUrl));
  if (match[2] === '/groups') {
    if (!scopes.has(READ)) return insufficientScope(context.orgUrl, READ, path);
    return ok(
      target.groupIds.flatMap((id) => {
        const group = context.index.groupById.get(id);
        return group ? [toOktaGroup(group, context.orgUrl)] : [];
      }),
    );
  }
  return ok(toOktaUser(target, context.orgUrl));
}

function resolveUser(context: ApiContext, idOrLogin: string): SeedUser | undefined {
  if (idOrLogin === 'me') return context.caller.user;
  return context.index.userById.get(idOrLogin) ?? context.index.userByLogin.get(idOrLogin.toLowerCase());
}

// GET /api/v1/users: okta-api.md §6.1 (limit/after/search/filter/q) and §2.4 (who may list whom).
function listUsers(context: ApiContext): ApiResponse {
  const { caller, query, orgUrl, index } = context;
  let population: readonly SeedUser[];
  if (caller.scopes.has(READ)) {
    if (isUserAdmin(caller.user)) population = index.org.users;
    else if (context.faults.emptyUsersForNonAdmin) return ok([], links(orgUrl, query));
    else return oktaError('E0000006');
  } else if (caller.scopes.has(READ_SELF)) {
    population = [caller.user];
  } else {
    return insufficientScope(orgUrl, READ, context.path);
  }

  const q = query.get('q');
  if (q !== null) {
    const prefix = q.toLowerCase();
    const limit = parseLimit(query.get('limit'), 10);
    const found = population.filter(
      (user) =>
        user.status !== 'DEPROVISIONED' &&
        [user.profile.firstName, user.profile.lastName, user.profile.email].some((value) =>
          value.toLowerCase().startsWith(prefix),
        ),
    );
    return ok(
      found.slice(0, limit).map((user) => toOktaUser(user, orgUrl)),
      links(orgUrl, query),
    );
  }

  let predicate: UserPredicate = (user) => user.status !== 'DEPROVISIONED';
  for (const [name, code] of [
    ['search', 'E0000031'],
    ['filter', 'E0000053'],
  ] as const) {
    const expression = query.get(name);
    if (expression === null) continue;
    try {
      predicate = parseScimFilter(expression);
    } catch (error) {
      if (error instanceof ScimFilterError) return oktaError(code, '', [error.message]);
      throw error;
    }
  }

  const limit = parseLimit(query.get('limit'), MAX_LIMIT);
  const after = query.get('after');
  let start = 0;
  if (after !== null && population !== index.org.users)
    start = population.findIndex((user) => user.id === after) + 1;
  else if (after !== null) {
    const position = index.positionById.get(after);
    if (position === undefined) return oktaError('E0000001', 'after: The cursor is invalid.');
    start = position + 1;
  }
  const page: SeedUser[] = [];
  let more = false;
  for (let position = start; position < population.length; position++) {
    const user = population[position]!;
    if (!predicate(user)) continue;
    if (page.length === limit) {
      more = true;
      break;
    }
    page.push(user);
  }
  const last = page.at(-1);
  return ok(
    page.map((user) => toOktaUser(user, orgUrl)),
    links(orgUrl, query, more && last ? last.id : undefined),
  );
}

// Limits above 200 are served as 200 (okta-api.md §6.1).
function parseLimit(value: string | null, fallback: number): number {
  const limit = value === null ? fallback : Number.parseInt(value, 10);
  return Number.isFinite(limit) && limit > 0 ? Math.min(limit, MAX_LIMIT) : fallback;
}

// Okta sends self and next as two separate `link` headers (okta-api.md §6.1).
function links(orgUrl: string, query: URLSearchParams, nextAfter?: string): Record<string, string[]> {
  const href = (params: URLSearchParams): string => {
    const encoded = [...params].map(
      ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
    );
    return `${orgUrl}/api/v1/users${encoded.length ? `?${encoded.join('&')}` : ''}`;
  };
  const values = [`<${href(query)}>; rel="self"`];
  if (nextAfter) {
    const next = new URLSearchParams(query);
    next.set('after', nextAfter);
    values.push(`<${href(next)}>; rel="next"`);
  }
  return { link: values };
}
