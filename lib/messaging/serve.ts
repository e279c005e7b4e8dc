import { AppError, toAppError } from '../errors';
import { errorSentence } from '../i18n/messages';
import type { Handlers, RequestMessage, RequestName, ResponseMessage } from './protocol';

/** Who sent a runtime message, as the browser reports it. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Whether a message comes from one of the extension's own pages: same extension id and a page URL
 * under the extension's origin (content scripts and other extensions are refused; DESIGN.md).
 */
export function isOwnPage(sender: MessageSender, ownId: string, ownOrigin: string): boolean {
  return sender.id === ownId && typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value: unknown, type: 'boolean' | 'number') => value === undefined || typeof value === type;

/** The shape each request's payload must have; a page is ours, but its payload is still checked. */
const PAYLOAD_CHECKS: Record<RequestName, (payload: unknown) => boolean> = {
  getState: () => true,
  signIn: (payload) =>
    payload === undefined || (isObject(payload) && optional(payload.forceLogin, 'boolean')),
  signOut: (payload) =>
    payload === undefined || (isObject(payload) && optional(payload.endOktaSession, 'boolean')),
  syncNow: () => true,
  search: (payload) =>
    isObject(payload) &&
    typeof payload.query === 'string' &&
    payload.query.length <= 1_000 &&
    optional(payload.limit, 'number'),
  quickActionsView: () => true,
  changeQuickActions: (payload) =>
    isObject(payload) &&
    (payload.op === 'unhideAll' ||
      (['pin', 'unpin', 'hide'].includes(String(payload.op)) && typeof payload.appId === 'string') ||
      (payload.op === 'move' && typeof payload.appId === 'string' && Number.isInteger(payload.to))),
  diagnostics: () => true,
  openApp: (payload) =>
    isObject(payload) && typeof payload.appId === 'string' && optional(payload.newTab, 'boolean'),
  emailPerson: (payload) => isObject(payload) && typeof payload.personId === 'string',
};

function isRequest(message: unknown): message is RequestMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { workstation?: unknown }).workstation === 1 &&
    typeof (message as { name?: unknown }).name === 'string'
  );
}

/**
 * Dispatches one runtime message to its handler. Returns undefined for messages that are not ours,
 * so other listeners may answer them.
 */
export function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: MessageSender,
  own: { id: string; origin: string },
  errorContext: () => Promise<{ host?: string; redirectUri?: string }>,
): Promise<ResponseMessage> | undefined {
  if (!isRequest(message)) return undefined;
  if (!isOwnPage(sender, own.id, own.origin)) {
    return Promise.resolve({
      ok: false,
      error: { code: 'INTERNAL', message: 'Refused: not a Workstation page.' },
    });
  }
  const name = message.name as RequestName;
  if (!Object.hasOwn(handlers, name)) {
    return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `Unknown request ${name}.` } });
  }
  const handler = handlers[name] as (payload: unknown, sender: { tabId?: number }) => Promise<unknown>;
  const tabId = sender.tab?.id;
  if (!PAYLOAD_CHECKS[name](message.payload)) {
    return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `Malformed ${name} request.` } });
  }
  // A handler that throws before its first await still answers, as a failure.
  return Promise.resolve(message.payload)
    .then((payload) => handler(payload, tabId === undefined ? {} : { tabId }))
    .then(
      (value) => ({ ok: true, value }) as ResponseMessage,
      async (error: unknown) => {
        const appError = error instanceof AppError ? error : toAppError(error);
        const message = errorSentence(appError.code, await errorContext().catch(() => ({})));
        return { ok: false, error: { code: appError.code, message } } as ResponseMessage;
      },
    );
}
