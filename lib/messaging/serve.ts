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
  return handler(message.payload, tabId === undefined ? {} : { tabId }).then(
    (value) => ({ ok: true, value }) as ResponseMessage,
    async (error: unknown) => {
      const appError = error instanceof AppError ? error : toAppError(error);
      const message = errorSentence(appError.code, await errorContext().catch(() => ({})));
      return { ok: false, error: { code: appError.code, message } } as ResponseMessage;
    },
  );
}
