import { describe, expect, it } from 'vitest';
import { parseAppLinks } from '@/lib/okta/app-links';

const link = (overrides: Record<string, unknown>) => ({
  id: '00uUSER',
  label: 'Google Mail',
  linkUrl: 'https://acme.okta.com/home/google/0oaGOOG1/50',
  logoUrl: 'https://acme.okta.com/img/logos/google-mail.png',
  appName: 'google',
  appInstanceId: '0oaGOOG1',
  appAssignmentId: '0uaASSIGN1',
  credentialsSetup: false,
  hidden: false,
  sortOrder: 0,
  ...overrides,
});

describe('parseAppLinks', () => {
  it('keeps two links of one app instance as two apps, keyed by instance and link', () => {
    const apps = parseAppLinks([
      link({}),
      link({
        label: 'Google Calendar',
        linkUrl: 'https://acme.okta.com/home/google/0oaGOOG1/54',
        sortOrder: 1,
      }),
    ]);
    expect(apps.map((app) => app.label)).toEqual(['Google Mail', 'Google Calendar']);
    expect(new Set(apps.map((app) => app.id)).size).toBe(2);
    expect(apps[0]?.id).toContain('0oaGOOG1');
  });

  it('drops hidden tiles and links that are not http or https', () => {
    const apps = parseAppLinks([
      link({ hidden: true }),
      link({ label: 'Evil', linkUrl: 'javascript:alert(1)', appInstanceId: '0oaEVIL' }),
      link({ label: 'Data', linkUrl: 'data:text/html,hi', appInstanceId: '0oaDATA' }),
      link({ label: 'Jira', linkUrl: 'https://acme.okta.com/home/jira/0oaJIRA/1', appInstanceId: '0oaJIRA' }),
    ]);
    expect(apps.map((app) => app.label)).toEqual(['Jira']);
  });

  it('keeps a label with markup characters as plain text', () => {
    const [app] = parseAppLinks([link({ label: `Tom & Jerry's <Tools> "Beta"` })]);
    expect(app?.label).toBe(`Tom & Jerry's <Tools> "Beta"`);
  });

  it('drops a logo that is not a web URL but keeps the app', () => {
    const [app] = parseAppLinks([link({ logoUrl: 'javascript:void 0' })]);
    expect(app?.label).toBe('Google Mail');
    expect(app?.logoUrl).toBeUndefined();
  });

  it('refuses an answer that is not a list', () => {
    expect(() => parseAppLinks({ errorCode: 'E0000006' })).toThrow(
      expect.objectContaining({ code: 'OKTA_BAD_RESPONSE' }),
    );
  });
});
