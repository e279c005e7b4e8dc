import { escapeHtml, page } from '../html';
import type { OrgIndex } from '../org-index';

/**
 * The page behind an app link, `/home/{appName}/{appInstanceId}/{linkId}`: where "opening an app" lands
 * in demos and tests. Null when no such link exists.
 */
export function appHomePage(index: OrgIndex, path: string): string | null {
  const [, appName, appInstanceId, linkId] = /^\/home\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path) ?? [];
  const app = appInstanceId ? index.appById.get(appInstanceId) : undefined;
  const link = app?.links.find((candidate) => candidate.linkId === linkId);
  if (!app || !link || app.appName !== appName) return null;
  return page(
    link.label,
    `<h1>${escapeHtml(link.label)}</h1><p>You opened ${escapeHtml(link.label)} from the dev org.</p>`,
  );
}
