import { describe, expect, it } from 'vitest';
import { escapeOmniboxXml } from '@/lib/omnibox/escape-omnibox-xml';
import { defaultDescription, describeResult, toSuggestions } from '@/lib/omnibox/suggestions';
import { buildSearchIndex } from '@/lib/search/search-index';
import { search } from '@/lib/search/search';
import type { App, Person } from '@/lib/records';
import { xmlProblems } from '../../integration/hostile/harness';

const LABELS: Array<[label: string, query: string]> = [
  ['Tom & Jerry <HR> "quotes" \'apos\'', 'tom'],
  ['</match><url>https://evil.example</url>', 'match'],
  ['&amp; &lt; &#x26; &bogus;', 'amp'],
  ['<![CDATA[ ]]> <!-- comment -->', 'cdata'],
  ['Ctrl\u0000\u0001\u0008\u000b\u000c\u001f Portal', 'portal'],
  ['𝔖𝔩𝔞𝔠𝔨 Chat', 'slack'],
  ['İstanbul Portal', 'istanbul'],
  ['ﬁnance ﬁles', 'fin'],
  ['Straße Maps', 'strasse'],
  ['😀Slack 👩‍💻', 'slack'],
  ['a😀b😀c Tool', 'tool'],
  ['x\u0301\u0301\u0301yz Accent', 'xyz'],
  ['ｓｌａｃｋ Fullwidth', 'slack'],
  ['Payroll \u202Egnp.exe\u202C', 'payroll'],
  [`Huge ${'&<'.repeat(5_000)}`, 'huge'],
];

function app(label: string, i: number): App {
  return {
    id: `0oa${i} https://a.example/${i}`,
    appInstanceId: `0oa${i}`,
    label,
    linkUrl: `https://a.example/${i}`,
    appName: 'x',
    sortOrder: i,
  };
}

describe('omnibox descriptions built from hostile labels and names', () => {
  const apps = LABELS.map(([label], i) => app(label, i));
  const people: Person[] = [
    {
      id: '00u1',
      displayName: '<img src=x onerror=alert(1)> & Co',
      title: '</dim><url>x</url>',
      department: 'R&D',
      email: 'a&b@acme.example',
    },
    { id: '00u2', displayName: 'Ctrl\u0007 Person', email: 'ctrl@acme.example' },
  ];
  const index = buildSearchIndex(apps, people);

  for (const [label, query] of LABELS) {
    it(`stays well-formed XML for the label ${JSON.stringify(label.slice(0, 40))}`, () => {
      const results = search(index, query, { people: true, limit: 6, frecency: new Map() });
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) {
        expect(xmlProblems(describeResult(result))).toEqual([]);
        expect(xmlProblems(defaultDescription(query, result))).toEqual([]);
      }
      for (const suggestion of toSuggestions(results))
        expect(xmlProblems(suggestion.description)).toEqual([]);
    });
  }

  it('stays well-formed XML for people with markup in name, title, department and email', () => {
    for (const query of ['img', 'co', 'ctrl', 'r&d']) {
      for (const result of search(index, query, { people: true, limit: 6, frecency: new Map() })) {
        expect(xmlProblems(describeResult(result))).toEqual([]);
      }
    }
  });

  it('escapes the typed text in the “no match” row', () => {
    for (const query of ['<dim>', '&', ']]>', '"\'', 'zzz\u0001<url>']) {
      expect(xmlProblems(defaultDescription(query, undefined))).toEqual([]);
    }
  });

  it('escapes every XML special character and drops C0 controls', () => {
    expect(escapeOmniboxXml('<a href="x">&\'\u0001</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
  });
});
