/**
 * Finds the `rel="next"` target in a `link` header value. Okta sends `self` and `next` as separate
 * headers and `fetch` joins them with ", "; URLs may hold commas, so links are split only where a
 * comma is followed by `<` (RFC 8288; okta-api.md §6.1).
 */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,\s*(?=<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const [, target, params = ''] = match;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (rels.includes('next') && target) return target;
  }
  return undefined;
}
