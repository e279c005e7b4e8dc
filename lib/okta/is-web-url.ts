/**
 * Whether a string is an absolute `http:` or `https:` URL without user name or password — the only
 * kind the product ever opens (`https://acme.okta.com@evil.example/` reads as Okta and goes elsewhere).
 */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}
