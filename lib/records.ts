/** One launchable link of an Okta app, as the user sees it on their Okta dashboard. */
export interface App {
  /** `appInstanceId` + ' ' + `linkUrl`: one app instance can have several links (DESIGN.md, "Records"). */
  id: string;
  appInstanceId: string;
  label: string;
  linkUrl: string;
  logoUrl?: string;
  appName: string;
  sortOrder: number;
}

/** A colleague from the org's directory. Only `id` and `displayName` are always present. */
export interface Person {
  /** The Okta user id (`00u…`). */
  id: string;
  displayName: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  title?: string;
  department?: string;
  location?: string;
  managerId?: string;
}

/** Builds the stable key of an app link. */
export function appId(appInstanceId: string, linkUrl: string): string {
  return `${appInstanceId} ${linkUrl}`;
}
