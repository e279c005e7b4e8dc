/**
 * Escapes data for a Chrome omnibox description, which Chrome parses as XML: an unescaped `&`, `<`
 * or quote drops or garbles the suggestion (pitfalls.md, "Omnibox"). Control characters are removed
 * because XML 1.0 forbids them.
 */
export function escapeOmniboxXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
