import { AppError } from '../errors';
import type { RequestMessage, RequestName, RequestOf, ResponseMessage, ResponseOf } from './protocol';

/** Sends one message to the background and resolves with its answer. */
export type Transport = (message: RequestMessage) => Promise<unknown>;

/** A typed `send` over a transport: `send('search', { query })`. Rejects with AppError on failure. */
export function createClient(transport: Transport) {
  return async function send<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
    const response = (await transport({ workstation: 1, name, payload })) as ResponseMessage<N> | undefined;
    if (!response) throw new AppError('INTERNAL', 'Workstation’s background did not answer.');
    if (!response.ok) throw new AppError(response.error.code, response.error.message);
    return response.value;
  };
}
