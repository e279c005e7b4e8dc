import { AppError } from '../errors';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a URL's host is this machine (http: is allowed only there). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Turns an admin's `oktaDomain` (`acme.okta.com`, `https://acme.okta.com/`, `http://127.0.0.1:8417`)
 * into the org's base URL, which is also the issuer of the org authorization server.
 * Trailing slashes are dropped: a mismatch there fails the issuer check (oauth4webapi #226).
 */
export function normalizeOrgUrl(input: string): string {
  const trimmed = input.trim();
  if (!trimmed) throw new AppError('CONFIG_MISSING', 'No Okta domain is set.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new AppError('CONFIG_INVALID', `"${trimmed}" is not a valid Okta domain.`, { field: 'oktaDomain' });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new AppError('CONFIG_INVALID', `The Okta domain must use https: ("${trimmed}").`, {
      field: 'oktaDomain',
    });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new AppError('CONFIG_INVALID', `The Okta domain must be a plain address ("${trimmed}").`, {
      field: 'oktaDomain',
    });
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    // A custom authorization server (…/oauth2/default) cannot mint the okta.* scopes the product needs:
    // only the org authorization server can (okta-api.md §1.1).
    throw new AppError(
      'CONFIG_INVALID',
      `Use the org's address without a path ("${url.origin}"): Workstation signs in with the org authorization server.`,
      { field: 'oktaDomain' },
    );
  }
  // The Admin Console host (acme-admin.okta.com) is not an issuer; the org is acme.okta.com.
  const host = url.host.replace(/-admin(\.(okta|oktapreview|okta-emea|okta-gov)\.com)$/, '$1');
  return `${url.protocol}//${host}`;
}
