/**
 * The scopes to ask for (DESIGN.md, "Sign-in details"): refresh tokens come from `offline_access`
 * alone, and `okta.users.read` only when people are read from Okta directly (it works only for users
 * with an admin role; okta-api.md §2.4).
 */
export function scopesFor(settings: { directoryUrl: string }): string {
  const scopes = ['openid', 'profile', 'email', 'groups', 'offline_access', 'okta.users.read.self'];
  if (!settings.directoryUrl) scopes.push('okta.users.read');
  return scopes.join(' ');
}
