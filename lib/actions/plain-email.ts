// Control characters are exactly what this pattern must refuse; so are invisible format characters
// (\p{Cf}: direction overrides, zero-width spaces), which make one address look like another. The
// domain is a host name (IDN letters allowed): nothing a mail client would read as a query or path.
const PLAIN_EMAIL = /^[^\s\p{Cc}\p{Cf}\p{Z},;<>()"\\[\]:@]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)*$/u;

/**
 * Whether a value is one plain address, `local@domain`: no whitespace, control characters, or the
 * separators a mail client would read as another recipient or header (`,` `;` `<` `>` `(` `)` `"`
 * `\` `[` `]` `:`), and a domain of host-name labels. Okta profile attributes are free text
 * (okta-api.md §6.2).
 */
export function isPlainEmail(value: string): boolean {
  return value.length <= 254 && PLAIN_EMAIL.test(value);
}
