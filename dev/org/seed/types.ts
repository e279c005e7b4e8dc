/** Okta user lifecycle states the seed produces (https://developer.okta.com/docs/reference/api/users/#user-status). */
export type SeedUserStatus = 'ACTIVE' | 'SUSPENDED' | 'DEPROVISIONED';

/** The Okta base profile attributes the seed fills (okta-api.md §6.2). */
export interface SeedProfile {
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  title: string;
  department: string;
  division: string;
  organization: string;
  employeeNumber: string;
  managerId: string | null;
  manager: string | null;
  mobilePhone: string | null;
  city: string;
  countryCode: string;
  preferredLanguage: string;
  locale: string;
  timezone: string;
  userType: 'Employee' | 'Contractor';
}

/** One person of the synthetic org, with everything the dev org needs to answer for them. */
export interface SeedUser {
  id: string;
  status: SeedUserStatus;
  created: string;
  activated: string;
  statusChanged: string;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string;
  profile: SeedProfile;
  /** Group ids; arrays are shared between users with the same memberships. */
  groupIds: readonly string[];
  /** App instance ids assigned to the user; arrays are shared between users with the same assignments. */
  appInstanceIds: readonly string[];
  /** Okta admin role types (`ORG_ADMIN`, `READ_ONLY_ADMIN`, ...); empty for ordinary employees. */
  adminRoles: readonly string[];
  /** Whether the user is assigned to the Workstation OIDC client (unassigned users are refused at /authorize). */
  assignedToClient: boolean;
}

/** One link (dashboard tile) of an app instance; Google Workspace has several, most apps have one. */
export interface SeedAppLink {
  linkId: string;
  label: string;
  /** Path on the org (`/img/logos/x.svg`), or null when Okta has no logo for the link. */
  logoPath: string | null;
  hidden: boolean;
}

/** One app instance (`0oa…`) of the org. */
export interface SeedApp {
  appInstanceId: string;
  appName: string;
  label: string;
  links: readonly SeedAppLink[];
  /** Assigned to every active user with an assignment to the client (well-known core apps). */
  core: boolean;
}

/** One Okta group (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/Group/). */
export interface SeedGroup {
  id: string;
  type: 'BUILT_IN' | 'OKTA_GROUP';
  name: string;
  description: string;
  created: string;
  lastUpdated: string;
}

/** The demo accounts every seed contains; they share {@link SeedOrg.password}. */
export interface SeedDemoAccounts {
  admin: string;
  employee: string;
  unassigned: string;
}

/** A whole synthetic org as plain data, so tests can compute expectations from it. */
export interface SeedOrg {
  seed: number;
  password: string;
  users: readonly SeedUser[];
  apps: readonly SeedApp[];
  groups: readonly SeedGroup[];
  /** Demo account user ids. */
  demo: SeedDemoAccounts;
}
