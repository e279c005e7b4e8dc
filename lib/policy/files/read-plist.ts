/**
 * A small reader for XML property lists (`.plist`, `.mobileconfig`): dict, array, string, integer, real,
 * true, false, date and data, which is all a configuration profile holds. No DOCTYPE or entity
 * expansion beyond the five XML entities and numeric references.
 */
export function readPlist(xml: string): unknown {
  const tokens = [
    ...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)([a-zA-Z]+)(?:\s[^>]*?)?\s*(\/?)>|([^<]+)/g),
  ];
  let at = 0;
  const skipText = () => {
    while (tokens[at]?.[4] !== undefined && tokens[at]![4]!.trim() === '') at++;
  };
  const textUntil = (tag: string): string => {
    let text = '';
    while (tokens[at] && tokens[at]![4] !== undefined) text += tokens[at++]![4];
    expectClose(tag);
    return decode(text);
  };
  const expectClose = (tag: string) => {
    const token = tokens[at++];
    if (!token || token[1] !== '/' || token[2] !== tag) throw new Error(`plist: expected </${tag}>`);
  };
  const value = (): unknown => {
    skipText();
    const token = tokens[at++];
    if (!token || token[2] === undefined || token[1] === '/') throw new Error('plist: expected a value');
    const [, , tag, selfClosing] = token;
    if (tag === 'true' || tag === 'false') {
      if (!selfClosing) expectClose(tag);
      return tag === 'true';
    }
    if (tag === 'string' || tag === 'date' || tag === 'data') return selfClosing ? '' : textUntil(tag);
    if (tag === 'integer' || tag === 'real') return Number(textUntil(tag).trim());
    if (tag === 'array') {
      const items: unknown[] = [];
      if (selfClosing) return items;
      for (skipText(); !(tokens[at]?.[1] === '/' && tokens[at]?.[2] === 'array'); skipText())
        items.push(value());
      at++;
      return items;
    }
    if (tag === 'dict') {
      const dict: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      if (selfClosing) return dict;
      for (skipText(); !(tokens[at]?.[1] === '/' && tokens[at]?.[2] === 'dict'); skipText()) {
        const key = tokens[at++];
        if (!key || key[2] !== 'key') throw new Error('plist: expected <key> in <dict>');
        dict[textUntil('key')] = value();
      }
      at++;
      return dict;
    }
    throw new Error(`plist: unknown element <${tag}>`);
  };
  // Skip the XML declaration, DOCTYPE and the <plist> wrapper.
  const start = tokens.findIndex((token) => token[2] === 'plist' && token[1] !== '/');
  if (start === -1) throw new Error('plist: no <plist> element');
  at = start + 1;
  return value();
}

function decode(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return named[body] ?? whole;
  });
}
