import type { IDToken } from 'oauth4webapi';

/** Who is signed in, from the validated ID token; what pages may see of the session. */
export interface Profile {
  sub: string;
  name: string;
  email?: string;
  /** Okta group names, present when the app's groups claim is configured (okta-api.md §7.1). */
  groups?: string[];
}

/** Reads the profile from validated ID-token claims. */
export function profileFromClaims(claims: IDToken): Profile {
  const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined);
  const email = text('email');
  const name = text('name') ?? text('preferred_username') ?? email ?? claims.sub;
  const groups = Array.isArray(claims.groups)
    ? (claims.groups as unknown[]).filter((group): group is string => typeof group === 'string')
    : undefined;
  return { sub: claims.sub, name, ...(email ? { email } : {}), ...(groups ? { groups } : {}) };
}
