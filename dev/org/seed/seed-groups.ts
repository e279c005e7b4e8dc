import { DEPARTMENTS } from './departments';
import { oktaId, type Random } from './prng';
import type { SeedGroup } from './types';

/** Names of the feature groups (the kind admins use for segmentation, `allowedGroups`). */
export const FEATURE_GROUPS = {
  beta: 'ext-feature-beta',
  pilot: 'Workstation Pilot',
  remote: 'Remote Workers',
  managers: 'People Managers',
  contractors: 'Contractors',
  admins: 'IT Admins',
} as const;

/** The org's groups: Everyone, one per department, then the feature groups. */
export function seedGroups(random: Random, isoAt: (offsetDays: number) => string): SeedGroup[] {
  const group = (type: SeedGroup['type'], name: string, description: string): SeedGroup => ({
    id: oktaId(random, '00g'),
    type,
    name,
    description,
    created: isoAt(-2000),
    lastUpdated: isoAt(-30),
  });
  return [
    group('BUILT_IN', 'Everyone', 'All users in your organization'),
    ...DEPARTMENTS.map((department) =>
      group('OKTA_GROUP', department.name, `Everyone in ${department.name}`),
    ),
    group('OKTA_GROUP', FEATURE_GROUPS.beta, 'Early access to beta features'),
    group('OKTA_GROUP', FEATURE_GROUPS.pilot, 'Workstation pilot participants'),
    group('OKTA_GROUP', FEATURE_GROUPS.remote, 'People working remotely'),
    group('OKTA_GROUP', FEATURE_GROUPS.managers, 'Everyone with direct reports'),
    group('OKTA_GROUP', FEATURE_GROUPS.contractors, 'Contractors and temporary staff'),
    group('OKTA_GROUP', FEATURE_GROUPS.admins, 'People holding an Okta admin role'),
  ];
}
