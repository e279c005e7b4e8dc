import type { OrgIndex } from './org-index';
import type { SeedProfile, SeedUser } from './seed/types';

/** Changes an admin (or HR sync) makes to users, so tests can watch them reach a delta sync. */
export interface UserMutations {
  /** Changes profile attributes and bumps `lastUpdated`; returns the user as it now is. */
  updateUser(id: string, patch: Partial<SeedProfile>): SeedUser;
  /** Deactivates the user (`DEPROVISIONED`), as Okta's "Deactivate" does. */
  deactivateUser(id: string): SeedUser;
  /** Suspends the user (`SUSPENDED`): they can no longer sign in but stay in the directory. */
  suspendUser(id: string): SeedUser;
  /** Deletes the user for good: they vanish from every list and no delta ever mentions them. */
  deleteUser(id: string): void;
}

// The index is built once as read-only views over plain arrays and maps; these mutations are the one
// place that changes them, keeping list positions (the paging cursor) in step.
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Binds the user mutations to a running dev org's index. */
export function userMutations(index: OrgIndex, now: () => Date = () => new Date()): UserMutations {
  const users = index.org.users as SeedUser[];
  const userById = index.userById as Map<string, SeedUser>;
  const userByLogin = index.userByLogin as Map<string, SeedUser>;
  const positionById = index.positionById as Map<string, number>;

  const find = (id: string): Mutable<SeedUser> => {
    const user = userById.get(id);
    if (!user) throw new Error(`No user ${id} in the dev org.`);
    return user;
  };
  const touch = (user: Mutable<SeedUser>): SeedUser => {
    // Okta's lastUpdated has millisecond precision; keep it moving forward even within one millisecond.
    const stamp = Math.max(now().getTime(), Date.parse(user.lastUpdated) + 1);
    user.lastUpdated = new Date(stamp).toISOString();
    return user;
  };
  const setStatus = (id: string, status: SeedUser['status']): SeedUser => {
    const user = find(id);
    user.status = status;
    user.statusChanged = now().toISOString();
    return touch(user);
  };

  return {
    updateUser(id, patch) {
      const user = find(id);
      userByLogin.delete(user.profile.login.toLowerCase());
      user.profile = { ...user.profile, ...patch };
      userByLogin.set(user.profile.login.toLowerCase(), user);
      return touch(user);
    },
    deactivateUser: (id) => setStatus(id, 'DEPROVISIONED'),
    suspendUser: (id) => setStatus(id, 'SUSPENDED'),
    deleteUser(id) {
      const user = find(id);
      const position = positionById.get(id) ?? users.indexOf(user);
      users.splice(position, 1);
      userById.delete(id);
      userByLogin.delete(user.profile.login.toLowerCase());
      positionById.delete(id);
      for (let at = position; at < users.length; at++) positionById.set(users[at]!.id, at);
    },
  };
}
