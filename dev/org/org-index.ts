import { BROKEN_LOGO_PREFIX } from './seed/seed-apps';
import type { SeedApp, SeedAppLink, SeedGroup, SeedOrg, SeedUser } from './seed/types';

/** Lookups over a seeded org, built once when the dev org starts. */
export interface OrgIndex {
  org: SeedOrg;
  userById: ReadonlyMap<string, SeedUser>;
  /** Position of each user in `org.users`: the list order and the paging cursor. */
  positionById: ReadonlyMap<string, number>;
  userByLogin: ReadonlyMap<string, SeedUser>;
  appById: ReadonlyMap<string, SeedApp>;
  groupById: ReadonlyMap<string, SeedGroup>;
  /** Links by their logo path, to draw each logo. */
  linkByLogoPath: ReadonlyMap<string, SeedAppLink>;
}

/** Builds the lookups for a seeded org. */
export function indexOrg(org: SeedOrg): OrgIndex {
  const positionById = new Map<string, number>();
  const userById = new Map<string, SeedUser>();
  const userByLogin = new Map<string, SeedUser>();
  org.users.forEach((user, position) => {
    positionById.set(user.id, position);
    userById.set(user.id, user);
    userByLogin.set(user.profile.login.toLowerCase(), user);
  });
  const linkByLogoPath = new Map<string, SeedAppLink>();
  for (const app of org.apps) {
    for (const link of app.links) {
      if (link.logoPath && !link.logoPath.startsWith(BROKEN_LOGO_PREFIX))
        linkByLogoPath.set(link.logoPath, link);
    }
  }
  return {
    org,
    userById,
    positionById,
    userByLogin,
    appById: new Map(org.apps.map((app) => [app.appInstanceId, app])),
    groupById: new Map(org.groups.map((group) => [group.id, group])),
    linkByLogoPath,
  };
}

/** Whether the user holds an Okta admin role that can read users (okta-api.md §2.4). */
export function isUserAdmin(user: SeedUser): boolean {
  return user.adminRoles.length > 0;
}

/** Group names of a user, for the `groups` claim. */
export function groupNamesOf(index: OrgIndex, user: SeedUser): string[] {
  return user.groupIds.flatMap((id) => {
    const group = index.groupById.get(id);
    return group ? [group.name] : [];
  });
}
