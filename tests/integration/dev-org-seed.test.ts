import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS, generateOrg } from '../../dev/org/index';

describe('the dev org’s seed', () => {
  it('generates the same org from the same seed and a different one from another', () => {
    const first = generateOrg({ people: 500, apps: 60, seed: 7 });
    expect(generateOrg({ people: 500, apps: 60, seed: 7 })).toEqual(first);
    const other = generateOrg({ people: 500, apps: 60, seed: 8 });
    expect(other.users.map((user) => user.id)).not.toEqual(first.users.map((user) => user.id));
  });

  it('contains the three demo accounts with the admin role only on the admin', () => {
    const org = generateOrg({ people: 300 });
    const byLogin = new Map(org.users.map((user) => [user.profile.login, user]));
    const admin = byLogin.get(DEMO_LOGINS.admin)!;
    const employee = byLogin.get(DEMO_LOGINS.employee)!;
    const unassigned = byLogin.get(DEMO_LOGINS.unassigned)!;
    expect([admin.id, employee.id, unassigned.id]).toEqual([
      org.demo.admin,
      org.demo.employee,
      org.demo.unassigned,
    ]);
    expect(admin.adminRoles.length).toBeGreaterThan(0);
    expect(employee.adminRoles).toEqual([]);
    expect([admin.assignedToClient, employee.assignedToClient, unassigned.assignedToClient]).toEqual([
      true,
      true,
      false,
    ]);
    for (const user of [admin, employee]) {
      const labels = org.apps
        .filter((app) => user.appInstanceIds.includes(app.appInstanceId))
        .flatMap((app) => app.links.map((link) => link.label));
      expect(labels).toEqual(
        expect.arrayContaining(['Salesforce', 'Slack', 'Jira', 'Google Mail', 'Google Calendar', 'Workday']),
      );
    }
  });

  it('draws names from many scripts, with undecomposable letters, apostrophes, hyphens and namesakes', () => {
    const org = generateOrg({ people: 2000 });
    const names = org.users.map((user) => user.profile.displayName).join('\n');
    for (const script of [
      'Cyrillic',
      'Greek',
      'Arabic',
      'Hebrew',
      'Devanagari',
      'Han',
      'Hiragana',
      'Hangul',
      'Thai',
    ]) {
      expect(names, script).toMatch(new RegExp(`\\p{Script=${script}}`, 'u'));
    }
    expect(names).toMatch(/[łøæßđı]/);
    expect(names).toMatch(/O'/);
    expect(names).toMatch(/O’/);
    expect(names).toMatch(/\p{L}-\p{L}/u);
    expect(names).toMatch(/[ệễịọảắằẳẵặ]|Nguyễn|Trần/);
    const seen = new Map<string, string>();
    const namesakes = org.users.filter((user) => {
      const other = seen.get(user.profile.displayName);
      seen.set(user.profile.displayName, user.profile.department);
      return other !== undefined && other !== user.profile.department;
    });
    expect(namesakes.length).toBeGreaterThan(0);
    for (const user of org.users) expect(user.profile.email).toMatch(/^[a-z0-9.]+@example\.com$/);
    expect(new Set(org.users.map((user) => user.profile.email)).size).toBe(org.users.length);
  });

  it('builds a manager tree, a few suspended and deprovisioned people, and 30 to 60 apps each', () => {
    const org = generateOrg({ people: 2000 });
    const ids = new Set(org.users.map((user) => user.id));
    expect(org.users.filter((user) => user.profile.managerId === null)).toHaveLength(1);
    for (const user of org.users) {
      if (user.profile.managerId) expect(ids.has(user.profile.managerId)).toBe(true);
    }
    const statuses = new Set(org.users.map((user) => user.status));
    expect(statuses).toEqual(new Set(['ACTIVE', 'SUSPENDED', 'DEPROVISIONED']));
    const counts = org.users.map((user) => user.appInstanceIds.length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...counts)).toBeLessThanOrEqual(60);
    expect(org.groups.map((group) => group.name)).toEqual(
      expect.arrayContaining(['Everyone', 'Engineering', 'ext-feature-beta']),
    );
  });

  it('generates 200,000 people with unique ids', () => {
    // How fast is for the benchmarks; a timed assertion here would only make CI flaky.
    const org = generateOrg({ people: 200_000, seed: 3 });
    expect(org.users).toHaveLength(200_000);
    expect(new Set(org.users.map((user) => user.id)).size).toBe(200_000);
  });
});
