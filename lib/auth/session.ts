import { AppError } from '../errors';
import type { Clock, FetchFn, KeyValueArea, Locks, WebAuthFlow } from '../platform/ports';
import type { Profile } from './profile';
import { endOktaSession, refreshTokens, revokeToken, signIn } from './sign-in';
import type { TokenSet } from './token-set';
import { needsRefresh } from './token-set';

/** What pages may know of the session: never a token (DESIGN.md, "Security rules"). */
export interface SessionView {
  signedIn: boolean;
  name?: string;
  email?: string;
  /** When the current access token expires (epoch ms); it is renewed on its own before then. */
  expiresAt?: number;
}

/** The org a session belongs to; a different org or client means a different session. */
export interface OrgClient {
  orgUrl: string;
  clientId: string;
}

/** Long-lived part, in `storage.local` so it survives a browser restart. */
interface StoredSession extends OrgClient {
  refreshToken?: string;
  idToken?: string;
  scope: string;
  profile: Profile;
}

/** Short-lived part, in `storage.session` (memory only, cleared when the browser closes). */
interface StoredAccess {
  accessToken: string;
  expiresAt: number;
  issuedAt: number;
}

const SESSION_KEY = 'auth.session';
const ACCESS_KEY = 'auth.access';
const REFRESH_LOCK = 'workstation-token-refresh';

/** What the session manager is built from. */
export interface SessionDeps {
  local: KeyValueArea;
  session: KeyValueArea;
  fetch: FetchFn;
  clock: Clock;
  webAuthFlow: WebAuthFlow;
  locks: Locks;
}

/**
 * Owns sign-in and tokens in the background: one interactive sign-in at a time (a second request
 * joins the first), one refresh at a time across every context (Okta revokes the whole token family
 * when a rotated refresh token is reused; pitfalls.md), and tokens only in storage, never in pages.
 */
export class SessionManager {
  private signingIn: Promise<SessionView> | undefined;

  constructor(private readonly deps: SessionDeps) {}

  /** The session as pages see it, for the org currently configured. */
  async view(org: OrgClient): Promise<SessionView> {
    const stored = await this.stored(org);
    if (!stored) return { signedIn: false };
    const access = await this.deps.session.get<StoredAccess>(ACCESS_KEY);
    return {
      signedIn: true,
      name: stored.profile.name,
      ...(stored.profile.email ? { email: stored.profile.email } : {}),
      ...(access ? { expiresAt: access.expiresAt } : {}),
    };
  }

  /** The signed-in user's profile (groups included), or undefined. */
  async profile(org: OrgClient): Promise<Profile | undefined> {
    return (await this.stored(org))?.profile;
  }

  /** Starts an interactive sign-in, or joins the one already running. */
  signIn(org: OrgClient, scope: string, forceLogin = false): Promise<SessionView> {
    this.signingIn ??= this.runSignIn(org, scope, forceLogin).finally(() => {
      this.signingIn = undefined;
    });
    return this.signingIn;
  }

  private async runSignIn(org: OrgClient, scope: string, forceLogin: boolean): Promise<SessionView> {
    const { tokens, profile } = await signIn({
      ...org,
      scope,
      forceLogin,
      fetch: this.deps.fetch,
      clock: this.deps.clock,
      webAuthFlow: this.deps.webAuthFlow,
    });
    await this.save(org, tokens, profile);
    return this.view(org);
  }

  /**
   * A valid access token, refreshed first when it is about to expire. Throws AUTH_EXPIRED (session
   * cleared) when Okta no longer accepts the refresh token, NETWORK when Okta is unreachable (tokens
   * kept for the next try).
   */
  async accessToken(org: OrgClient, options: { forceRefresh?: boolean } = {}): Promise<string> {
    const current = await this.currentAccess(org);
    if (current && !options.forceRefresh) return current;
    const staleToken = options.forceRefresh
      ? (await this.deps.session.get<StoredAccess>(ACCESS_KEY))?.accessToken
      : undefined;
    return this.deps.locks.run(REFRESH_LOCK, async () => {
      // Another context may have refreshed while this one waited for the lock.
      const again = await this.currentAccess(org);
      if (again && again !== staleToken) return again;
      const stored = await this.stored(org);
      if (!stored) throw new AppError('AUTH_EXPIRED', 'You are signed out.');
      const access = await this.deps.session.get<StoredAccess>(ACCESS_KEY);
      const tokens: TokenSet = {
        accessToken: access?.accessToken ?? '',
        expiresAt: access?.expiresAt ?? 0,
        issuedAt: access?.issuedAt ?? 0,
        scope: stored.scope,
        ...(stored.refreshToken ? { refreshToken: stored.refreshToken } : {}),
        ...(stored.idToken ? { idToken: stored.idToken } : {}),
      };
      try {
        const refreshed = await refreshTokens(
          org.orgUrl,
          org.clientId,
          tokens,
          this.deps.fetch,
          this.deps.clock,
        );
        await this.save(org, refreshed.tokens, refreshed.profile ?? stored.profile);
        return refreshed.tokens.accessToken;
      } catch (error) {
        if (error instanceof AppError && error.code === 'AUTH_EXPIRED') await this.clear();
        throw error;
      }
    });
  }

  /**
   * Revokes the tokens at Okta (best effort) and forgets them; with `endOktaSession`, also ends the
   * Okta browser session through the logout endpoint with the stored ID token (okta-api.md §4.5).
   * Resolves whether the Okta session was ended.
   */
  async signOut(options: { endOktaSession?: boolean } = {}): Promise<{ oktaSessionEnded: boolean }> {
    const stored = await this.deps.local.get<StoredSession>(SESSION_KEY);
    const access = await this.deps.session.get<StoredAccess>(ACCESS_KEY);
    await this.clear();
    if (!stored) return { oktaSessionEnded: false };
    const revocations: Array<Promise<void>> = [];
    if (stored.refreshToken) {
      revocations.push(
        revokeToken(stored.orgUrl, stored.clientId, stored.refreshToken, 'refresh_token', this.deps.fetch),
      );
    }
    if (access) {
      revocations.push(
        revokeToken(stored.orgUrl, stored.clientId, access.accessToken, 'access_token', this.deps.fetch),
      );
    }
    // Sign-out must work offline too: the local session is gone whatever Okta answers.
    await Promise.allSettled(revocations);
    if (!options.endOktaSession || !stored.idToken) return { oktaSessionEnded: false };
    try {
      await endOktaSession(
        stored.orgUrl,
        stored.clientId,
        stored.idToken,
        this.deps.fetch,
        this.deps.webAuthFlow,
      );
      return { oktaSessionEnded: true };
    } catch {
      return { oktaSessionEnded: false };
    }
  }

  /** Forgets every token without calling Okta. */
  async clear(): Promise<void> {
    await Promise.all([this.deps.local.remove(SESSION_KEY), this.deps.session.remove(ACCESS_KEY)]);
  }

  private async currentAccess(org: OrgClient): Promise<string | undefined> {
    if (!(await this.stored(org))) return undefined;
    const access = await this.deps.session.get<StoredAccess>(ACCESS_KEY);
    if (!access) return undefined;
    return needsRefresh(access, this.deps.clock.now()) ? undefined : access.accessToken;
  }

  private async stored(org: OrgClient): Promise<StoredSession | undefined> {
    const stored = await this.deps.local.get<StoredSession>(SESSION_KEY);
    if (!stored || stored.orgUrl !== org.orgUrl || stored.clientId !== org.clientId) return undefined;
    return stored;
  }

  private async save(org: OrgClient, tokens: TokenSet, profile: Profile): Promise<void> {
    // Persist the rotated refresh token before anything uses the new access token (okta-api.md §4.2).
    const stored: StoredSession = {
      ...org,
      scope: tokens.scope,
      profile,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
    };
    await this.deps.local.set({ [SESSION_KEY]: stored });
    await this.deps.session.set({
      [ACCESS_KEY]: {
        accessToken: tokens.accessToken,
        expiresAt: tokens.expiresAt,
        issuedAt: tokens.issuedAt,
      },
    });
  }
}
