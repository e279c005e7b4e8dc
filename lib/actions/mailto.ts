import { isPlainEmail } from './plain-email';

/**
 * A `mailto:` URL for one plain address, encoded so no part of it can add headers or recipients;
 * undefined for anything that is not a plain address.
 */
export function mailtoUrl(email: string): string | undefined {
  const address = email.trim();
  if (!isPlainEmail(address)) return undefined;
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}`;
}
