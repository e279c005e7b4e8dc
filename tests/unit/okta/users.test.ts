import { describe, expect, it } from 'vitest';
import { parseUsersPage } from '@/lib/okta/users';

const user = (id: string, status: string, profile: Record<string, unknown>) => ({ id, status, profile });

describe('parseUsersPage', () => {
  it('turns Okta users into people and leaves out deactivated and suspended users', () => {
    const headers = new Headers();
    headers.append('link', '<https://acme.okta.com/api/v1/users?limit=200>; rel="self"');
    headers.append('link', '<https://acme.okta.com/api/v1/users?after=00u2&limit=200>; rel="next"');
    const page = parseUsersPage(
      [
        user('00u1', 'ACTIVE', {
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@acme.com',
          title: 'Staff Engineer',
          department: 'Engineering',
          city: 'London',
          countryCode: 'GB',
          managerId: '00u9',
          primaryPhone: null,
        }),
        user('00u2', 'DEPROVISIONED', { firstName: 'Gone', lastName: 'Person' }),
        user('00u3', 'SUSPENDED', { firstName: 'Paused', lastName: 'Person' }),
      ],
      headers,
    );
    expect(page.people).toEqual([
      {
        id: '00u1',
        displayName: 'Ada Lovelace',
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@acme.com',
        title: 'Staff Engineer',
        department: 'Engineering',
        location: 'London, GB',
        managerId: '00u9',
      },
    ]);
    expect(page.next).toBe('https://acme.okta.com/api/v1/users?after=00u2&limit=200');
  });

  it('prefers the profile display name and treats empty attributes as missing', () => {
    const page = parseUsersPage(
      [user('00u1', 'ACTIVE', { displayName: 'Dr. Ada L.', firstName: 'Ada', lastName: '', title: '' })],
      new Headers(),
    );
    expect(page.people[0]).toEqual({ id: '00u1', displayName: 'Dr. Ada L.', firstName: 'Ada' });
    expect(page.next).toBeUndefined();
  });
});
