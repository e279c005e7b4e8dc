import type { QuickActionChange } from '../actions/quick-action-prefs';
import type { QuickActionsView } from '../actions/quick-actions-view';
import type { SessionView } from '../auth/session';
import type { DiagnosticsView } from '../background/diagnostics';
import type { ErrorCode } from '../errors';
import type { PolicyView } from '../policy/policy-view';
import type { SyncStatus } from '../sync/sync-status';

/** An error as pages see it: a code to switch on and the sentence to show. */
export interface ErrorView {
  code: ErrorCode;
  message: string;
}

/** An app result or quick action, as pages see it. */
export interface AppView {
  kind: 'app';
  id: string;
  label: string;
  linkUrl: string;
  logoUrl?: string;
  highlights: Array<[number, number]>;
}

/** A person result, as pages see it. */
export interface PersonView {
  kind: 'person';
  id: string;
  displayName: string;
  email?: string;
  title?: string;
  department?: string;
  location?: string;
  highlights: Array<[number, number]>;
}

/** One search result row. */
export type ResultView = AppView | PersonView;

/** Everything a page shows besides results: never a token. */
export interface ViewState {
  /** The org's host, e.g. acme.okta.com; absent when not configured. */
  orgHost?: string;
  /** Set when the Okta domain or client id is missing or invalid. */
  configError?: ErrorView;
  /** Origins the page must ask host access for, in the Sign-in click, before signing in. */
  hostOrigins: string[];
  /** The redirect URI to give the Okta admin. */
  redirectUri: string;
  session: SessionView;
  sync: SyncStatus;
  /** The last sign-in or sync failure, with its sentence. */
  error?: ErrorView;
  /** Why people are missing, if they are. */
  peopleNote?: ErrorView;
  peopleSearch: boolean;
  /** Settings in force, which of them policy locks, and policy problems (the options page). */
  policy?: PolicyView;
}

/** Every request a page can make: name → [request, response] (STYLE.md, rule 2). */
export interface Protocol {
  getState: [void, ViewState];
  signIn: [{ forceLogin?: boolean } | undefined, ViewState];
  signOut: [{ endOktaSession?: boolean } | undefined, ViewState];
  syncNow: [void, ViewState];
  search: [{ query: string; limit?: number }, ResultView[]];
  /** Quick actions with who pinned each tile, the recently used row and the hidden count. */
  quickActionsView: [void, QuickActionsView];
  /** Pin, unpin, hide, unhide or move a quick action; answers with the new view. */
  changeQuickActions: [QuickActionChange, QuickActionsView];
  /** Stored-data facts for the options page's diagnostics. */
  diagnostics: [void, DiagnosticsView];
  openApp: [{ appId: string; newTab?: boolean }, void];
  emailPerson: [{ personId: string }, void];
}

/** A request's name. */
export type RequestName = keyof Protocol;
/** A request's payload. */
export type RequestOf<N extends RequestName> = Protocol[N][0];
/** A request's response. */
export type ResponseOf<N extends RequestName> = Protocol[N][1];

/** The envelope on the wire. */
export interface RequestMessage<N extends RequestName = RequestName> {
  workstation: 1;
  name: N;
  payload: RequestOf<N>;
}

/** The answer on the wire: expected failures travel as values, not exceptions. */
export type ResponseMessage<N extends RequestName = RequestName> =
  { ok: true; value: ResponseOf<N> } | { ok: false; error: ErrorView };

/** The background's broadcast when the view state changed. */
export interface StateChangedMessage {
  workstation: 1;
  event: 'stateChanged';
  state: ViewState;
}

/** The handler object the background implements, checked against the protocol at compile time. */
export type Handlers = {
  [N in RequestName]: (payload: RequestOf<N>, sender: { tabId?: number }) => Promise<ResponseOf<N>>;
};
