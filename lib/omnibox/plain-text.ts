/** How a browser shows omnibox descriptions: Chrome parses XML markup, Firefox shows plain text. */
export type OmniboxMarkup = 'xml' | 'plain';

const MARKUP = /<\/?(?:match|dim|url)>/g;
const ENTITY = /&(?:amp|lt|gt|quot|apos);/g;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

/**
 * A description built for Chrome (data escaped by `escapeOmniboxXml`, then our own markup) as the
 * text Firefox should show: the markup removed and the data's entities decoded back, in one pass so
 * a label holding `&lt;match&gt;` stays that text.
 */
export function omniboxPlainText(description: string): string {
  return description.replace(MARKUP, '').replace(ENTITY, (entity) => ENTITIES[entity] ?? entity);
}

/** A description as the browser shows it. */
export function forOmnibox(description: string, markup: OmniboxMarkup): string {
  return markup === 'plain' ? omniboxPlainText(description) : description;
}
