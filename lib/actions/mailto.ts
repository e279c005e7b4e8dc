/** A `mailto:` URL for an address, encoded so no part of it can add headers or recipients. */
export function mailtoUrl(email: string): string {
  return `mailto:${encodeURIComponent(email.trim()).replace(/%40/g, '@')}`;
}
