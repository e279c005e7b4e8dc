import type { IDBPDatabase } from 'idb';
import { mailtoUrl } from '../actions/mailto';
import { discoverOrg } from '../auth/oidc';
import { scopesFor } from '../auth/scopes';
import { SessionManager } from '../auth/session';
import { Catalog } from '../catalog/catalog';
import { deleteEverything, deletePeople } from '../db/records-store';
import type { WorkstationDb } from '../db/schema';
import { openWorkstationDb } from '../db/schema';
import type { ErrorCode } from '../errors';
import { AppError, toAppError } from '../errors';
import { errorSentence } from '../i18n/messages';
import type {
  AppView,
  ErrorView,
  Handlers,
  ResultView,
  StateChangedMessage,
  ViewState,
} from '../messaging/protocol';
import { isWebUrl } from '../okta/is-web-url';
import type { Disposition, Platform } from '../platform/ports';
import { isInAudience } from '../policy/audience';
import { policyView } from '../policy/policy-view';
import type { Settings } from '../policy/settings';
import type { SearchResult } from '../search/search';
import type { OrgConfig } from './org-config';
import { loadOrgConfig } from './org-config';
import { directoryPeopleSource } from '../sync/directory-source';
import { oktaPeopleSource } from '../sync/people-source';
import { SyncRunner } from './sync-runner';
import { readDiagnostics } from './diagnostics';
import { QuickActionsService } from './quick-actions-service';

/** A managed-policy source that has not answered yet: the last good policy stays in force. */
const NO_POLICY_YET = { read: async () => undefined };

/** Name of the periodic sync alarm. */
export const SYNC_ALARM = 'workstation-sync';
const LAST_ERROR_KEY = 'ui.lastError';
const OWNER_KEY = 'data.owner';
/** Set after sign-out or a refused sign-in: the next sign-in shows Okta's login page (prompt=login). */
const FORCE_LOGIN_KEY = 'auth.forceLoginNext';

/**
 * The background's composition root in plain TypeScript: session, catalog, sync and the handlers
 * pages and the omnibox call. `entrypoints/background.ts` only wires browser events to it.
 */
export class Workstation {
  readonly session: SessionManager;
  readonly catalog: Catalog;
  readonly sync: SyncRunner;
  private config: Promise<OrgConfig>;
  private dbPromise: Promise<IDBPDatabase<WorkstationDb>> | undefined;
  /** Policy reloads run one after another, so each compares against the one before. */
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    private readonly platform: Platform,
    private readonly buildDefaults: Partial<Settings>,
    private readonly dbName?: string,
    /** Opens the database; tests pass one that fails the way a full disk or a hardened browser does. */
    private readonly openDb: (name?: string) => Promise<IDBPDatabase<WorkstationDb>> = openWorkstationDb,
  ) {
    const db = () => this.db();
    const now = () => platform.clock.now();
    this.session = new SessionManager(platform);
    this.catalog = new Catalog(db, now);
    this.sync = new SyncRunner({
      local: platform.local,
      scheduler: platform.scheduler,
      catalog: this.catalog,
      db,
      onStatus: () => void this.broadcastState(),
      now,
      maxBackoffMs: async () => (await this.config).settings.syncIntervalMinutes * 60_000,
    });
    // Start from the last good policy at once: Chrome's first managed-storage read after a browser
    // start can take seconds (seen: 2.8 s), and nothing should wait for it. The fresh read follows.
    this.config = loadOrgConfig(NO_POLICY_YET, platform.local, buildDefaults);
    void this.reloadConfig();
  }

  /** Re-reads managed policy (it changed, or the worker woke); pages hear of it only if it changed. */
  async reloadConfig(): Promise<void> {
    const run = this.reloading.then(async () => {
      // The settings in force stay until the fresh read answers, so no request waits for it.
      const after = await this.loadConfig();
      const before = await this.config.catch(() => undefined);
      this.config = Promise.resolve(after);
      if (before) await this.applyPolicyChange(before, after);
      if (!before || JSON.stringify(policyView(before)) !== JSON.stringify(policyView(after)))
        await this.broadcastState();
    });
    this.reloading = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies a policy change at once (issue 8): another org or client signs the user out of the old one
   * (tokens revoked, data deleted); leaving `allowedGroups` does the same; a new directory or people
   * setting resyncs; a new interval reschedules.
   */
  private async applyPolicyChange(before: OrgConfig, after: OrgConfig): Promise<void> {
    const orgOf = (config: OrgConfig) => (config.org ? `${config.org.orgUrl} ${config.org.clientId}` : '');
    if (orgOf(before) !== orgOf(after)) {
      const wasSignedIn = before.org ? (await this.session.view(before.org)).signedIn : false;
      if (wasSignedIn || (await this.platform.local.get<string>(OWNER_KEY))) {
        await this.leave(wasSignedIn ? 'ORG_CHANGED' : undefined);
      }
      return;
    }
    if (!(await this.enforceAudience(after)) || !(await this.signedIn())) return;
    const changed = (key: keyof Settings) =>
      JSON.stringify(before.settings[key]) !== JSON.stringify(after.settings[key]);
    if (changed('syncIntervalMinutes')) await this.scheduleSync();
    if (changed('peopleSearch') && !after.settings.peopleSearch) {
      // Hidden everywhere means not kept either: nothing can surface them (omnibox, mailto targets).
      await deletePeople(await this.db());
      this.catalog.reset();
    }
    if (changed('directoryUrl') || changed('peopleSearch')) void this.startSync();
  }

  /**
   * With `allowedGroups` set, a signed-in person outside them is signed out and everything stored is
   * deleted (segmentation). Resolves whether the session, if any, may stay.
   */
  private async enforceAudience(config: OrgConfig): Promise<boolean> {
    if (!config.org) return true;
    const profile = await this.session.profile(config.org);
    if (!profile || isInAudience(profile.groups, config.settings.allowedGroups)) return true;
    await this.leave('AUTH_NOT_ENABLED');
    return false;
  }

  /**
   * Deletes every record, launch and the index. A running sync is cancelled first: started later, its
   * writes could land after the delete and bring the previous person's data back.
   */
  private async deleteStoredData(): Promise<void> {
    this.sync.cancel();
    await deleteEverything(await this.db());
    this.catalog.reset();
    await this.sync.reset();
  }

  /** Signs out (revoking the stored tokens at their own org) and deletes everything stored. */
  private async leave(code?: ErrorCode): Promise<void> {
    this.sync.cancel();
    await this.session.signOut();
    await this.deleteStoredData();
    await this.platform.scheduler.clear(SYNC_ALARM);
    await this.platform.local.remove(OWNER_KEY);
    if (code === 'AUTH_NOT_ENABLED') await this.platform.local.set({ [FORCE_LOGIN_KEY]: true });
    if (code) await this.setLastError(code);
  }

  /** Quick actions: pins, hides and order (lib/background/quick-actions-service.ts). */
  readonly quickActions = new QuickActionsService({
    db: () => this.db(),
    now: () => this.platform.clock.now(),
    policyPins: async () => (await this.config).settings.pinnedApps,
    signedIn: () => this.signedIn(),
  });

  /** The handlers of every page request (STYLE.md, rule 2). */
  readonly handlers: Handlers = {
    getState: () => this.viewState(),
    signIn: (options) => this.signIn(options?.forceLogin ?? false),
    signOut: (options) => this.signOut(options?.endOktaSession ?? false),
    syncNow: async () => {
      await this.startSync();
      return this.viewState();
    },
    search: async ({ query, limit }) => (await this.search(query, limit ?? 20)).map(toResultView),
    quickActionsView: () => this.quickActions.view(),
    changeQuickActions: (change) => this.quickActions.change(change),
    diagnostics: async () => readDiagnostics(await this.db()),
    openApp: async ({ appId, newTab }, { tabId }) => {
      await this.openApp(appId, newTab ? 'newForegroundTab' : 'currentTab', tabId);
    },
    emailPerson: async ({ personId }, { tabId }) => {
      const person = await this.catalog.person(personId);
      if (!person?.email) throw new AppError('INTERNAL', 'This person has no email address.');
      const url = mailtoUrl(person.email);
      if (!url) throw new AppError('INTERNAL', 'This person has no valid email address.');
      await this.platform.tabs.open(url, 'currentTab', tabId);
    },
  };

  /** Search over the synced records; empty when signed out. */
  async search(query: string, limit: number): Promise<SearchResult[]> {
    if (!query.trim() || !(await this.signedIn())) return [];
    const { settings } = await this.config;
    return this.catalog.search(query, { people: settings.peopleSearch, limit });
  }

  /** Opens an app's link (only http/https) and counts the launch. */
  async openApp(appId: string, disposition: Disposition, tabId?: number): Promise<void> {
    const app = await this.catalog.app(appId);
    if (!app || !isWebUrl(app.linkUrl)) throw new AppError('INTERNAL', 'That app is no longer available.');
    await this.platform.tabs.open(app.linkUrl, disposition, tabId);
    await this.catalog.recordLaunch(app.id);
  }

  /** Whether someone is signed in to the configured org. */
  async signedIn(): Promise<boolean> {
    const { org, settings } = await this.config;
    const profile = org ? await this.session.profile(org) : undefined;
    return profile !== undefined && isInAudience(profile.groups, settings.allowedGroups);
  }

  /** Runs a sync now (sign-in, alarm, "Sync now"); resolves when it ends. */
  async startSync(): Promise<void> {
    const config = await this.config;
    const { org } = config;
    if (!org || !(await this.enforceAudience(config)) || !(await this.signedIn())) return;
    // Okta said when its rate-limit window resets; asking earlier ("Sync now") only spends the org's quota.
    const last = await this.sync.status();
    if (last.error?.code === 'OKTA_RATE_LIMITED' && (last.nextAttemptAt ?? 0) > this.platform.clock.now())
      return;
    await this.sync.run(async () => {
      await this.prepareOrg(org.orgUrl, org.clientId);
      const { directoryUrl } = config.settings;
      // Without the directory's host permission (refused, or revoked by the user) apps still sync.
      const directoryReachable =
        !directoryUrl || (await this.platform.hostAccess.contains([originPattern(directoryUrl)]));
      return {
        orgUrl: org.orgUrl,
        peopleSearch: config.settings.peopleSearch,
        peopleSource: directoryUrl ? directoryPeopleSource(directoryUrl) : oktaPeopleSource(org.orgUrl),
        ...(directoryReachable ? {} : { peopleUnavailable: 'DIRECTORY_HOST_DENIED' as const }),
        fetch: this.platform.fetch,
        now: () => this.platform.clock.now(),
        sleep: this.platform.sleep,
        accessToken: async (forceRefresh?: boolean) => {
          const token = await this.session.accessToken(org, { forceRefresh: forceRefresh ?? false });
          // A refresh brings a new ID token, with the groups of today (okta-api.md §7.1).
          if (!(await this.signedIn())) throw new AppError('AUTH_NOT_ENABLED', 'Not in the allowed groups.');
          return token;
        },
      };
    });
    if (!(await this.enforceAudience(await this.config))) return;
    const status = await this.sync.status();
    if (status.error?.code === 'AUTH_EXPIRED') await this.setLastError(status.error.code);
  }

  /** Schedules the periodic sync, with jitter so an org's browsers do not all call at the same minute. */
  async scheduleSync(): Promise<void> {
    const { settings } = await this.config;
    const period = settings.syncIntervalMinutes;
    const jitter = Math.random() * Math.min(10, period / 4);
    await this.platform.scheduler.every(SYNC_ALARM, period, period + jitter);
  }

  /** Everything a page shows besides results. */
  async viewState(): Promise<ViewState> {
    const config = await this.config;
    const { org, settings } = config;
    const context = this.errorContext(config);
    const session = org ? await this.session.view(org) : { signedIn: false };
    const sync = await this.sync.status();
    const lastError = await this.platform.local.get<ErrorView['code']>(LAST_ERROR_KEY);
    const errorCode = lastError ?? (session.signedIn ? sync.error?.code : undefined);
    return {
      ...(org ? { orgHost: new URL(org.orgUrl).host } : {}),
      ...(config.configError
        ? {
            configError: {
              code: config.configError.code,
              message: errorSentence(config.configError.code, context),
            },
          }
        : {}),
      hostOrigins: org
        ? [`${org.orgUrl}/*`, ...(settings.directoryUrl ? [originPattern(settings.directoryUrl)] : [])]
        : [],
      redirectUri: this.platform.webAuthFlow.redirectUri(),
      session,
      sync,
      ...(errorCode ? { error: { code: errorCode, message: errorSentence(errorCode, context) } } : {}),
      ...(sync.peopleNote && settings.peopleSearch
        ? { peopleNote: { code: sync.peopleNote, message: errorSentence(sync.peopleNote, context) } }
        : {}),
      peopleSearch: settings.peopleSearch,
      policy: policyView(config),
    };
  }

  /** Context for error sentences. */
  async sentenceContext(): Promise<{ host?: string; redirectUri?: string }> {
    return this.errorContext(await this.config);
  }

  private async signIn(forceLogin: boolean): Promise<ViewState> {
    // At browser start the first policy read can take seconds; a sign-in must go to the org it names.
    await this.reloading;
    const config = await this.config;
    const { org } = config;
    try {
      if (!org) throw config.configError ?? new AppError('CONFIG_MISSING', 'Not configured.');
      if (!(await this.platform.hostAccess.contains([`${org.orgUrl}/*`]))) {
        throw new AppError('HOST_PERMISSION_DENIED', 'No host access to the org.');
      }
      await this.prepareOrg(org.orgUrl, org.clientId);
      // After a sign-out or a refused account, Okta's live browser session would sign the same account
      // in again without asking; the login page lets the person choose.
      const askForLogin = forceLogin || Boolean(await this.platform.local.get<boolean>(FORCE_LOGIN_KEY));
      await this.session.signIn(org, scopesFor(config.settings), askForLogin);
      const profile = await this.session.profile(org);
      if (!isInAudience(profile?.groups, config.settings.allowedGroups)) {
        // Segmentation: nothing of someone outside the allowed groups is kept, tokens included.
        await this.leave();
        throw new AppError('AUTH_NOT_ENABLED', 'Not in the allowed groups.');
      }
      const owner = `${org.orgUrl} ${profile?.sub ?? ''}`;
      if ((await this.platform.local.get<string>(OWNER_KEY)) !== owner) {
        // Another person or org signed in: nothing of the previous one may stay.
        await this.deleteStoredData();
        await this.platform.local.set({ [OWNER_KEY]: owner });
      }
      await this.platform.local.remove([LAST_ERROR_KEY, FORCE_LOGIN_KEY]);
    } catch (error) {
      const code = toAppError(error, 'AUTH_FAILED').code;
      if (code === 'AUTH_NOT_ASSIGNED' || code === 'AUTH_NOT_ENABLED')
        await this.platform.local.set({ [FORCE_LOGIN_KEY]: true });
      await this.setLastError(code);
      return this.viewState();
    }
    void this.scheduleSync();
    void this.startSync();
    return { ...(await this.viewState()), sync: { ...(await this.sync.status()), phase: 'syncing' } };
  }

  private async signOut(endOktaSession: boolean): Promise<ViewState> {
    this.sync.cancel();
    await this.session.signOut({ endOktaSession });
    await this.deleteStoredData();
    await this.platform.scheduler.clear(SYNC_ALARM);
    await this.platform.local.remove([LAST_ERROR_KEY, OWNER_KEY]);
    await this.platform.local.set({ [FORCE_LOGIN_KEY]: true });
    const state = await this.viewState();
    await this.broadcastState();
    return state;
  }

  /** Discovery plus the rule that strips `Origin` from token and revoke requests (session rules die on restart). */
  private async prepareOrg(orgUrl: string, clientId: string): Promise<void> {
    const as = await discoverOrg(orgUrl, clientId, this.platform.fetch);
    const urls = [as.token_endpoint, as.revocation_endpoint].filter((url): url is string => Boolean(url));
    await this.platform.originStripper.stripOriginFor(urls);
  }

  private async setLastError(code: ErrorView['code']): Promise<void> {
    await this.platform.local.set({ [LAST_ERROR_KEY]: code });
    await this.broadcastState();
  }

  private async broadcastState(): Promise<void> {
    const message: StateChangedMessage = {
      workstation: 1,
      event: 'stateChanged',
      state: await this.viewState(),
    };
    this.platform.broadcast(message);
  }

  private errorContext(config: OrgConfig) {
    return {
      ...(config.org ? { host: new URL(config.org.orgUrl).host } : {}),
      redirectUri: this.platform.webAuthFlow.redirectUri(),
    };
  }

  private loadConfig(): Promise<OrgConfig> {
    return loadOrgConfig(this.platform.managedPolicy, this.platform.local, this.buildDefaults);
  }

  private db(): Promise<IDBPDatabase<WorkstationDb>> {
    this.dbPromise ??= this.openDb(this.dbName).catch((error: unknown) => {
      this.dbPromise = undefined;
      throw new AppError('STORAGE', toAppError(error).message);
    });
    return this.dbPromise;
  }
}

function toAppView(
  app: { id: string; label: string; linkUrl: string; logoUrl?: string },
  highlights: Array<[number, number]>,
): AppView {
  return {
    kind: 'app',
    id: app.id,
    label: app.label,
    linkUrl: app.linkUrl,
    ...(app.logoUrl ? { logoUrl: app.logoUrl } : {}),
    highlights,
  };
}

function toResultView(result: SearchResult): ResultView {
  if (result.kind === 'app') return toAppView(result.app, result.highlights);
  const { person } = result;
  return { kind: 'person', ...person, highlights: result.highlights };
}

/** The host-permission pattern of a URL's origin (`https://dir.acme.com/*`). */
function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}
