import { describe, expect, it } from 'vitest';
import { escapeOmniboxXml } from '@/lib/omnibox/escape-omnibox-xml';
import { xmlProblems } from '../../integration/hostile/harness';

// JSON happily carries "\uD800" and "\uFFFE"; XML 1.0 (Chrome parses omnibox descriptions as XML)
// allows neither, so a label holding one drops or garbles the suggestion (pitfalls.md, "Omnibox").
describe('characters XML 1.0 forbids beyond C0 controls', () => {
  it('removes the non-characters U+FFFE and U+FFFF', () => {
    expect(xmlProblems(escapeOmniboxXml('Non \uFFFE char \uFFFF'))).toEqual([]);
  });

  it('removes lone surrogates but keeps real astral characters', () => {
    const escaped = escapeOmniboxXml('Bad \uD800 half \uDC00 and 😀 kept');
    expect(xmlProblems(escaped)).toEqual([]);
    expect(escaped).toContain('😀');
  });
});
