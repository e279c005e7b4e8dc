import { describe, expect, it } from 'vitest';
import { parseUserChanges } from '@/lib/okta/user-changes';

const user = (id: string, status: string, profile: Record<string, unknown>) => ({ id, status, profile });

describe('parseUserChanges', () => {
  it('turns Okta users into people and lists deactivated and suspended users as removed', () => {
    const headers = new Headers();
    headers.append('link', '<https://acme.okta.com/api/v1/users?limit=200>; rel="self"');
    headers.append('link', '<https://acme.okta.com/api/v1/users?after=00u2&limit=200>; rel="next"');
    const page = parseUserChanges(
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
    expect(page.upserts).toEqual([
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
    expect(page.removed).toEqual(['00u2', '00u3']);
    expect(page.next).toBe('https://acme.okta.com/api/v1/users?after=00u2&limit=200');
  });

  it('prefers the profile display name and treats empty attributes as missing', () => {
    const page = parseUserChanges(
      [user('00u1', 'ACTIVE', { displayName: 'Dr. Ada L.', firstName: 'Ada', lastName: '', title: '' })],
      new Headers(),
    );
    expect(page.upserts[0]).toEqual({ id: '00u1', displayName: 'Dr. Ada L.', firstName: 'Ada' });
    expect(page.next).toBeUndefined();
  });
});
