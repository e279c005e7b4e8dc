import { mailtoUrl } from '../actions/mailto';
import { messages } from '../i18n/messages';
import type { SearchResult } from '../search/search';
import { escapeOmniboxXml } from './escape-omnibox-xml';

/** One omnibox suggestion: `content` is what `onInputEntered` receives when the user picks it. */
export interface Suggestion {
  content: string;
  description: string;
}

/** Chrome shows about eight rows and the first is the default suggestion (pitfalls.md). */
export const OMNIBOX_ROWS = 6;

/** What picking a result does: an app opens its link, a person gets an email. */
export function resultTarget(result: SearchResult): string | undefined {
  if (result.kind === 'app') return result.app.linkUrl;
  return result.person.email ? mailtoUrl(result.person.email) : undefined;
}

/** A result's name with the matched parts in `<match>`, everything escaped. */
function marked(text: string, highlights: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start || end > text.length) continue;
    out +=
      escapeOmniboxXml(text.slice(at, start)) + `<match>${escapeOmniboxXml(text.slice(start, end))}</match>`;
    at = end;
  }
  return out + escapeOmniboxXml(text.slice(at));
}

/** A result as an omnibox row. */
export function describeResult(result: SearchResult): string {
  if (result.kind === 'app') {
    return `${marked(result.app.label, result.highlights)} <dim>— ${escapeOmniboxXml(messages.omniboxAppTag)}</dim>`;
  }
  const { person } = result;
  const facts = [person.title, person.department, person.email].filter(Boolean).join(' · ');
  return `${marked(person.displayName, result.highlights)}${facts ? ` <dim>— ${escapeOmniboxXml(facts)}</dim>` : ''}`;
}

/** The default row: what Enter does with the typed text (the top result, if any). */
export function defaultDescription(query: string, top: SearchResult | undefined): string {
  if (!query.trim()) return escapeOmniboxXml(messages.omniboxDefault);
  if (!top) return escapeOmniboxXml(messages.omniboxNoMatch(query));
  const verb = top.kind === 'app' ? messages.omniboxOpen : messages.omniboxEmail;
  return `${escapeOmniboxXml(verb)} ${describeResult(top)}`;
}

/**
 * The rows under the default one, each with a distinct target. The top result is listed too, so it
 * can be picked with the arrow keys like the others; the default row says Enter opens it.
 */
export function toSuggestions(results: readonly SearchResult[]): Suggestion[] {
  const seen = new Set<string>();
  const suggestions: Suggestion[] = [];
  for (const result of results) {
    const content = resultTarget(result);
    if (!content || seen.has(content)) continue;
    seen.add(content);
    suggestions.push({ content, description: describeResult(result) });
  }
  return suggestions.slice(0, OMNIBOX_ROWS);
}

/** Content of the "no match" row; `onInputEntered` ignores it. */
export const NO_MATCH_PREFIX = 'workstation:no-match:';

/** A row that says nothing matches the typed text. */
export function noMatchSuggestion(query: string): Suggestion {
  return {
    content: `${NO_MATCH_PREFIX}${query}`,
    description: escapeOmniboxXml(messages.omniboxNoMatch(query)),
  };
}
