// Control characters are exactly what this pattern must refuse.
// eslint-disable-next-line no-control-regex
const PLAIN_EMAIL = /^[^\s\u0000-\u001f\u007f,;<>()"\\[\]:@]+@[^\s\u0000-\u001f\u007f,;<>()"\\[\]:@]+$/;

/**
 * Whether a value is one plain address, `local@domain`: no whitespace, control characters, or the
 * separators a mail client would read as another recipient or header (`,` `;` `<` `>` `(` `)` `"`
 * `\` `[` `]` `:`). Okta profile attributes are free text (okta-api.md §6.2).
 */
export function isPlainEmail(value: string): boolean {
  return value.length <= 254 && PLAIN_EMAIL.test(value);
}
