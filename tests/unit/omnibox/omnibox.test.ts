import { describe, expect, it } from 'vitest';
import { escapeOmniboxXml } from '@/lib/omnibox/escape-omnibox-xml';
import { defaultDescription, describeResult, toSuggestions } from '@/lib/omnibox/suggestions';
import type { SearchResult } from '@/lib/search/search';

const app = (label: string, linkUrl: string): SearchResult => ({
  kind: 'app',
  app: { id: `0oa1 ${linkUrl}`, appInstanceId: '0oa1', label, linkUrl, appName: 'x', sortOrder: 0 },
  score: 1,
  highlights: [[0, 3]],
});

/** Parses a description as Chrome does: XML inside a wrapper element. */
function parsesAsXml(description: string): boolean {
  // A strict check without a DOM: every & starts an entity, and every < opens a known tag.
  const withoutTags = description.replace(/<\/?(match|dim|url)>/g, '');
  return !/[<>]/.test(withoutTags) && !/&(?!(amp|lt|gt|quot|apos);)/.test(withoutTags);
}

describe('omnibox descriptions', () => {
  it('escape every XML special character of a hostile label', () => {
    expect(escapeOmniboxXml(`Tom & Jerry's <Tools> "Beta"`)).toBe(
      'Tom &amp; Jerry&apos;s &lt;Tools&gt; &quot;Beta&quot;',
    );
    const description = describeResult(app(`Tom & Jerry's <Tools> "Beta"`, 'https://a.example/1'));
    expect(parsesAsXml(description)).toBe(true);
    expect(description).toContain('<match>Tom</match>');
  });

  it('say what Enter will do with the typed text', () => {
    expect(defaultDescription('sal', app('Salesforce', 'https://a.example/sf'))).toMatch(
      /^Open <match>Sal<\/match>esforce/,
    );
    expect(defaultDescription('zzz', undefined)).toContain('No app or person matches');
  });

  it('offer one row per distinct target, apps by link and people by mailto', () => {
    const person: SearchResult = {
      kind: 'person',
      person: { id: '00u1', displayName: 'Ada Lovelace', email: 'ada+x@acme.com', title: 'Engineer' },
      score: 1,
      highlights: [],
    };
    const noEmail: SearchResult = {
      kind: 'person',
      person: { id: '00u2', displayName: 'No Mail' },
      score: 1,
      highlights: [],
    };
    const rows = toSuggestions([
      app('Jira', 'https://a.example/j'),
      app('Jira', 'https://a.example/j'),
      person,
      noEmail,
    ]);
    expect(rows.map((row) => row.content)).toEqual(['https://a.example/j', 'mailto:ada%2Bx@acme.com']);
  });
});
