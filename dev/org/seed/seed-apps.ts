import { APP_CATALOG, type CatalogApp } from './app-catalog';
import { oktaId, randomInt, type Random } from './prng';
import type { SeedApp } from './types';

/** Logo paths under this prefix answer 404, like a logo Okta's CDN lost. */
export const BROKEN_LOGO_PREFIX = '/img/logos/missing-';

/** Builds `count` app instances from the catalog (well-known ones first), padding with internal bookmarks. */
export function seedApps(random: Random, count: number): SeedApp[] {
  const apps: SeedApp[] = [];
  for (let index = 0; index < count; index++) {
    const entry: CatalogApp = APP_CATALOG[index] ?? {
      appName: 'bookmark',
      label: `Internal Tool ${index - APP_CATALOG.length + 1}`,
    };
    const appInstanceId = oktaId(random, '0oa');
    const labels = entry.links ?? [entry.label];
    // Okta link ids are small numbers per app (`/home/google/0oa…/50`, `/54`), see okta-api.md §5.
    const firstLinkId = 40 + randomInt(random, 20);
    apps.push({
      appInstanceId,
      appName: entry.appName,
      label: entry.label,
      core: entry.core ?? false,
      links: labels.map((label, linkIndex) => {
        const slug = `${entry.appName}-${index}-${linkIndex}`;
        return {
          linkId: String(firstLinkId + linkIndex * 4),
          label,
          logoPath:
            entry.logo === 'none'
              ? null
              : entry.logo === 'broken'
                ? `${BROKEN_LOGO_PREFIX}${slug}.svg`
                : `/img/logos/${slug}.svg`,
          hidden: entry.hidden ?? false,
        };
      }),
    });
  }
  return apps;
}
