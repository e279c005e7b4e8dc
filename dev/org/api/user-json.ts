import type { OrgIndex } from '../org-index';
import type { SeedGroup, SeedUser } from '../seed/types';

/** The Okta User object of a seeded user (okta-api.md §6.2). */
export function toOktaUser(user: SeedUser, orgUrl: string): Record<string, unknown> {
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastLogin: user.lastLogin,
    lastUpdated: user.lastUpdated,
    passwordChanged: user.passwordChanged,
    type: { id: 'otyDEVORGDEFAULT0001' },
    profile: { ...user.profile, secondEmail: null, primaryPhone: null },
    credentials: {
      password: {},
      provider: { type: 'OKTA', name: 'OKTA' },
    },
    _links: { self: { href: `${orgUrl}/api/v1/users/${user.id}` } },
  };
}

/** The Okta Group object of a seeded group (okta-api.md §7.2). */
export function toOktaGroup(group: SeedGroup, orgUrl: string): Record<string, unknown> {
  return {
    id: group.id,
    created: group.created,
    lastUpdated: group.lastUpdated,
    lastMembershipUpdated: group.lastUpdated,
    objectClass: ['okta:user_group'],
    type: group.type,
    profile: { name: group.name, description: group.description },
    _links: {
      logo: [{ name: 'medium', href: `${orgUrl}/img/logos/groups/okta-medium.png`, type: 'image/png' }],
      users: { href: `${orgUrl}/api/v1/groups/${group.id}/users` },
      apps: { href: `${orgUrl}/api/v1/groups/${group.id}/apps` },
    },
  };
}

/**
 * The AssignedAppLink array of a user (okta-api.md §5): `id` is the user's id on every entry, links of one
 * app instance share its `appInstanceId`, and `logoUrl` is left out where Okta has no logo.
 */
export function appLinksOf(index: OrgIndex, user: SeedUser, orgUrl: string): Record<string, unknown>[] {
  const links: Record<string, unknown>[] = [];
  for (const appInstanceId of user.appInstanceIds) {
    const app = index.appById.get(appInstanceId);
    if (!app) continue;
    for (const link of app.links) {
      links.push({
        id: user.id,
        label: link.label,
        linkUrl: `${orgUrl}/home/${app.appName}/${app.appInstanceId}/${link.linkId}`,
        ...(link.logoPath ? { logoUrl: `${orgUrl}${link.logoPath}` } : {}),
        appName: app.appName,
        appInstanceId: app.appInstanceId,
        appAssignmentId: `0ua${app.appInstanceId.slice(3, 10)}${user.id.slice(3, 13)}`,
        credentialsSetup: false,
        hidden: link.hidden,
        sortOrder: links.length,
      });
    }
  }
  return links;
}
