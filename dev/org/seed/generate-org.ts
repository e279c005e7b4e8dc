import { seedApps } from './seed-apps';
import { ADMIN_DEPARTMENT, DEPARTMENTS, EMPLOYEE_DEPARTMENT, UNASSIGNED_DEPARTMENT } from './departments';
import { asciiOf, CULTURES, written, type Culture, type NamePart } from './names';
import { mulberry32, oktaId, pick, randomInt, type Random } from './prng';
import { FEATURE_GROUPS, seedGroups } from './seed-groups';
import type { SeedApp, SeedOrg, SeedUser, SeedUserStatus } from './types';

/** Options of {@link generateOrg}. */
export interface GenerateOrgOptions {
  people?: number;
  apps?: number;
  seed?: number;
}

/** The password every seeded account shares. */
export const DEMO_PASSWORD = 'workstation';

/** The demo accounts' logins. */
export const DEMO_LOGINS = {
  admin: 'admin@example.com',
  employee: 'employee@example.com',
  unassigned: 'unassigned@example.com',
} as const;

const EMAIL_DOMAIN = 'example.com';
// A fixed "now" keeps the seed deterministic; timestamps fall before it.
const EPOCH = Date.UTC(2026, 0, 15, 9, 0, 0);
const DAY = 86_400_000;
const TOP_SPAN = DEPARTMENTS.length;
const SPAN = 8;

const isoCache = new Map<number, string>();
// Whole days before EPOCH, memoised: 200k people share a few thousand distinct dates.
const isoAt = (offsetDays: number): string => {
  let iso = isoCache.get(offsetDays);
  if (iso === undefined) {
    iso = new Date(EPOCH + offsetDays * DAY).toISOString();
    isoCache.set(offsetDays, iso);
  }
  return iso;
};

// A breadth-first tree: the CEO (0) has one head per department; everyone else manages up to SPAN people.
const managerIndexOf = (index: number): number =>
  index <= TOP_SPAN ? 0 : 1 + Math.floor((index - TOP_SPAN - 1) / SPAN);
const hasReports = (index: number, people: number): boolean =>
  index === 0 ? people > 1 : TOP_SPAN + 1 + (index - 1) * SPAN < people;

/** Generates a deterministic synthetic org: the same options always give the same org. */
export function generateOrg(options: GenerateOrgOptions = {}): SeedOrg {
  const people = Math.max(3, Math.floor(options.people ?? 2000));
  const seed = options.seed ?? 1;
  const random = mulberry32(seed);
  const apps = seedApps(random, Math.max(1, Math.floor(options.apps ?? 150)));
  const groups = seedGroups(random, isoAt);
  const groupId = new Map(groups.map((group) => [group.name, group.id]));
  const assignmentsOf = appAssigner(random, apps);
  const groupsOf = shared<readonly string[]>();

  const departmentOf: number[] = [0];
  const depthOf: number[] = [0];
  for (let index = 1; index < people; index++) {
    const manager = managerIndexOf(index);
    departmentOf.push(index <= TOP_SPAN ? index - 1 : (departmentOf[manager] ?? 0));
    depthOf.push((depthOf[manager] ?? 0) + 1);
  }
  const demo = pickDemoIndexes(people, departmentOf);

  const cultureWeights = CULTURES.flatMap((culture) => Array<Culture>(culture.weight).fill(culture));
  const emails = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const cultureOf: Culture[] = [];
  const asciiCache = new Map<NamePart, string>();
  const ascii = (part: NamePart): string => {
    let value = asciiCache.get(part);
    if (value === undefined) {
      value = asciiOf(part);
      asciiCache.set(part, value);
    }
    return value;
  };
  const users: SeedUser[] = [];
  for (let index = 0; index < people; index++) {
    const department = DEPARTMENTS[departmentOf[index] ?? 0] ?? DEPARTMENTS[0]!;
    const depth = depthOf[index] ?? 0;
    const manages = hasReports(index, people);
    const culture = pick(random, cultureWeights);
    const place = pick(random, culture.places);
    let given: NamePart = pick(random, culture.given);
    let family: NamePart = pick(random, culture.family);
    let nameCulture = culture;
    // Namesakes: now and then someone shares an earlier person's name but works elsewhere.
    const namesake = index > 60 && index % 53 === 7 ? users[index - 41] : undefined;
    if (namesake) {
      given = namesake.profile.firstName;
      family = namesake.profile.lastName;
      nameCulture = cultureOf[index - 41] ?? culture;
    }
    const demoRole = demo.get(index);
    let title =
      depth === 0
        ? 'Chief Executive Officer'
        : depth === 1
          ? department.head
          : manages
            ? `${depth === 2 ? 'Director' : 'Manager'}, ${department.name}`
            : pick(random, department.roles);
    const userType: 'Employee' | 'Contractor' =
      demoRole === 'unassigned' || (!manages && !demoRole && random() < 0.03) ? 'Contractor' : 'Employee';
    let email: string;
    if (demoRole) {
      [given, family, title] = DEMO_PEOPLE[demoRole];
      nameCulture = CULTURES[0] ?? culture;
      email = DEMO_LOGINS[demoRole];
    } else {
      email = uniqueEmail(emails, nextSuffix, `${ascii(given)}.${ascii(family)}`);
    }
    emails.add(email);
    const firstName = written(given);
    const lastName = written(family);
    const displayName = nameCulture.familyFirst
      ? `${lastName}${nameCulture.separator}${firstName}`
      : `${firstName}${nameCulture.separator}${lastName}`;
    const id = oktaId(random, '00u');
    cultureOf.push(nameCulture);
    const createdDays = -30 - randomInt(random, 2200);
    const updatedDays = createdDays + 1 + randomInt(random, -createdDays - 1);
    const status: SeedUserStatus = index === 0 || demoRole ? 'ACTIVE' : pickStatus(random);
    const adminRoles =
      demoRole === 'admin'
        ? ['SUPER_ADMIN']
        : department.name === ADMIN_DEPARTMENT && manages
          ? ['READ_ONLY_ADMIN']
          : [];
    const manager = index === 0 ? undefined : users[managerIndexOf(index)];
    const features = [
      random() < 0.1 || demoRole === 'admin',
      random() < 0.05,
      random() < 0.25,
      manages,
      userType === 'Contractor',
      adminRoles.length > 0,
    ];
    const groupKey = `${department.name}|${features.map(Number).join('')}`;
    users.push({
      id,
      status,
      created: isoAt(createdDays),
      activated: isoAt(createdDays + 1),
      statusChanged: isoAt(status === 'ACTIVE' ? createdDays + 1 : updatedDays),
      lastLogin: status === 'ACTIVE' && random() < 0.9 ? isoAt(-randomInt(random, 20)) : null,
      lastUpdated: isoAt(updatedDays),
      passwordChanged: isoAt(createdDays + 1),
      profile: {
        login: email,
        email,
        firstName,
        lastName,
        displayName,
        title,
        department: department.name,
        division: department.division,
        organization: 'Example Corp',
        employeeNumber: String(1000 + index),
        managerId: manager?.id ?? null,
        manager: manager?.profile.displayName ?? null,
        mobilePhone: random() < 0.8 ? `+1 555 01${String(index % 100).padStart(2, '0')}` : null,
        city: place.city,
        countryCode: place.countryCode,
        preferredLanguage: place.locale.slice(0, 2),
        locale: place.locale,
        timezone: place.timezone,
        userType,
      },
      groupIds: groupsOf(groupKey, () => [
        groupId.get('Everyone') ?? '',
        groupId.get(department.name) ?? '',
        ...Object.values(FEATURE_GROUPS)
          .filter((_, featureIndex) => features[featureIndex])
          .map((name) => groupId.get(name) ?? ''),
      ]),
      appInstanceIds: assignmentsOf(departmentOf[index] ?? 0, randomInt(random, PATTERNS)),
      adminRoles,
      assignedToClient: userType === 'Employee',
    });
  }
  const demoIds = { admin: '', employee: '', unassigned: '' };
  for (const [index, role] of demo) demoIds[role] = users[index]?.id ?? '';
  return { seed, password: DEMO_PASSWORD, users, apps, groups, demo: demoIds };
}

type DemoRole = keyof typeof DEMO_LOGINS;

const DEMO_PEOPLE: Record<DemoRole, [NamePart, NamePart, string]> = {
  admin: ['Amara', 'Okafor', 'Identity Engineer'],
  employee: ['Renée', 'O’Connor', 'Account Executive'],
  unassigned: ['Kwame', 'Mensah', 'Facilities Coordinator'],
};

const PATTERNS = 32;

function pickStatus(random: Random): SeedUserStatus {
  const roll = random();
  return roll < 0.015 ? 'SUSPENDED' : roll < 0.045 ? 'DEPROVISIONED' : 'ACTIVE';
}

// first.last, then first.last2, first.last3...; `next` remembers the next suffix per local part.
function uniqueEmail(taken: ReadonlySet<string>, next: Map<string, number>, local: string): string {
  let suffix = next.get(local) ?? 1;
  let candidate = suffix === 1 ? `${local}@${EMAIL_DOMAIN}` : `${local}${suffix}@${EMAIL_DOMAIN}`;
  while (taken.has(candidate)) candidate = `${local}${++suffix}@${EMAIL_DOMAIN}`;
  next.set(local, suffix + 1);
  return candidate;
}

// The demo accounts are individual contributors in fixed departments: the first free leaf of each.
function pickDemoIndexes(people: number, departmentOf: readonly number[]): Map<number, DemoRole> {
  const demo = new Map<number, DemoRole>();
  const wanted: [DemoRole, string][] = [
    ['admin', ADMIN_DEPARTMENT],
    ['employee', EMPLOYEE_DEPARTMENT],
    ['unassigned', UNASSIGNED_DEPARTMENT],
  ];
  for (const [role, departmentName] of wanted) {
    const department = DEPARTMENTS.findIndex((d) => d.name === departmentName);
    let found = -1;
    for (let index = 1; index < people && found < 0; index++) {
      if (!demo.has(index) && departmentOf[index] === department && !hasReports(index, people)) found = index;
    }
    for (let index = people - 1; index > 0 && found < 0; index--) if (!demo.has(index)) found = index;
    demo.set(found, role);
  }
  return demo;
}

function shared<T>(): (key: string, build: () => T) => T {
  const cache = new Map<string, T>();
  return (key, build) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build();
      cache.set(key, value);
    }
    return value;
  };
}

// Everyone gets the core apps, a department bundle and one of PATTERNS extra bundles: about 30-60
// apps each, with the arrays shared so that 200k people stay cheap.
function appAssigner(
  random: Random,
  apps: readonly SeedApp[],
): (department: number, pattern: number) => readonly string[] {
  const core = apps.filter((app) => app.core).map((app) => app.appInstanceId);
  const others = apps.filter((app) => !app.core).map((app) => app.appInstanceId);
  const subset = (min: number, max: number): string[] => {
    const size = Math.min(others.length, min + randomInt(random, max - min + 1));
    const chosen = new Set<string>();
    while (chosen.size < size) chosen.add(pick(random, others));
    return [...chosen];
  };
  const departmentBundles = DEPARTMENTS.map(() => subset(8, 16));
  const patternBundles = Array.from({ length: PATTERNS }, () => subset(4, 20));
  const cache = shared<readonly string[]>();
  return (department, pattern) =>
    cache(`${department}|${pattern}`, () => {
      const ids = new Set([
        ...core,
        ...(departmentBundles[department] ?? []),
        ...(patternBundles[pattern] ?? []),
      ]);
      return Object.freeze(apps.map((app) => app.appInstanceId).filter((id) => ids.has(id)));
    });
}
