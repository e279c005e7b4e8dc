import { generateOrg } from '../../../dev/org/seed/generate-org';
import type { SeedOrg } from '../../../dev/org/seed/types';
import { toPerson } from '../../../lib/okta/users';
import type { App, Person } from '../../../lib/records';
import { appId } from '../../../lib/records';

/** The seeded dev org's records as the extension stores them after a sync. */
export interface SeedRecords {
  org: SeedOrg;
  apps: App[];
  people: Person[];
}

/**
 * Generates the dev org and turns it into our records the way a sync does: every visible app link,
 * and every user through the real Okta users parser (suspended and deprovisioned users drop out).
 */
export function seedRecords(people: number, apps = 150, seed = 1): SeedRecords {
  const org = generateOrg({ people, apps, seed });
  const orgUrl = 'https://example.okta.com';
  const appRecords = org.apps.flatMap((app) =>
    app.links
      .filter((link) => !link.hidden)
      .map((link, i): App => {
        const linkUrl = `${orgUrl}/home/${app.appName}/${app.appInstanceId}/${link.linkId}`;
        return {
          id: appId(app.appInstanceId, linkUrl),
          appInstanceId: app.appInstanceId,
          label: link.label,
          linkUrl,
          appName: app.appName,
          sortOrder: i,
        };
      }),
  );
  const personRecords = org.users.flatMap((user) => {
    const person = toPerson({ id: user.id, status: user.status, profile: user.profile });
    return person === undefined ? [] : [person];
  });
  return { org, apps: appRecords, people: personRecords };
}
