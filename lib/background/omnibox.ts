import { mailtoUrl } from '../actions/mailto';
import { messages } from '../i18n/messages';
import { escapeOmniboxXml } from '../omnibox/escape-omnibox-xml';
import type { OmniboxMarkup } from '../omnibox/plain-text';
import { forOmnibox } from '../omnibox/plain-text';
import type { Suggestion } from '../omnibox/suggestions';
import {
  defaultDescription,
  NO_MATCH_PREFIX,
  noMatchSuggestion,
  OMNIBOX_ROWS,
  resultTarget,
  toSuggestions,
} from '../omnibox/suggestions';
import { isWebUrl } from '../okta/is-web-url';
import type { Disposition } from '../platform/ports';
import type { Workstation } from './workstation';

/**
 * Answers a keystroke after the `ok` keyword: the default row says what Enter does, the rest are
 * results. Descriptions are XML for Chrome, plain text for Firefox (`markup`).
 */
export async function omniboxInputChanged(
  workstation: Workstation,
  text: string,
  setDefaultXml: (description: string) => void,
  markup: OmniboxMarkup = 'xml',
): Promise<Suggestion[]> {
  const setDefault = (description: string) => setDefaultXml(forOmnibox(description, markup));
  const shown = (rows: Suggestion[]) =>
    rows.map((row) => ({ ...row, description: forOmnibox(row.description, markup) }));
  if (!(await workstation.signedIn())) {
    setDefault(escapeOmniboxXml(messages.omniboxSignedOut));
    return [];
  }
  const results = await workstation.search(text, OMNIBOX_ROWS);
  setDefault(defaultDescription(text, results[0]));
  // Chrome does not redraw the default row when suggest() gets an empty list, so "no match" would
  // show one keystroke late; a row of its own, which Enter ignores, says it at once.
  if (results.length === 0 && text.trim()) return shown([noMatchSuggestion(text)]);
  return shown(toSuggestions(results));
}

/**
 * Acts on Enter. `content` is a picked suggestion's target, or the typed text when the user pressed
 * Enter on the default row. Only targets of synced records are ever opened — never a typed URL.
 */
export async function omniboxInputEntered(
  workstation: Workstation,
  content: string,
  disposition: Disposition,
  openMailto: (url: string, disposition: Disposition) => Promise<void>,
): Promise<void> {
  if (!(await workstation.signedIn()) || content.startsWith(NO_MATCH_PREFIX)) return;
  const known = await workstation.catalog.byTarget(content, mailtoUrl);
  if (known && 'linkUrl' in known) {
    await workstation.openApp(known.id, disposition);
    return;
  }
  const knownMailto = known?.email ? mailtoUrl(known.email) : undefined;
  if (knownMailto) {
    await openMailto(knownMailto, disposition);
    return;
  }
  if (content.startsWith('mailto:') || isWebUrl(content)) return;
  const [top] = await workstation.search(content, 1);
  if (!top) return;
  if (top.kind === 'app') {
    await workstation.openApp(top.app.id, disposition);
    return;
  }
  const target = resultTarget(top);
  if (target) await openMailto(target, disposition);
}
