/**
 * Escapes data for a Chrome omnibox description, which Chrome parses as XML: an unescaped `&`, `<`
 * or quote drops or garbles the suggestion (pitfalls.md, "Omnibox"). Characters XML 1.0 forbids —
 * control characters, U+FFFE, U+FFFF and unpaired surrogates — are removed.
 */
export function escapeOmniboxXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
