/**
 * Whether a value is one plain address, `local@domain`: no whitespace, control characters, or the
 * separators a mail client would read as another recipient or header (`,` `;` `<` `>` `(` `)` `"`
 * `\` `[` `]` `:`). Okta profile attributes are free text (okta-api.md §6.2).
 */
export function isPlainEmail(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return (
    /^[^\s\u0000-\u001f\u007f,;<>()"\\[\]:@]+@[^\s\u0000-\u001f\u007f,;<>()"\\[\]:@]+$/.test(value) &&
    value.length <= 254
  );
}
