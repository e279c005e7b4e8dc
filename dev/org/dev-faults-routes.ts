import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyFaults, resetFaults, type Faults } from './faults';
import { readBody, sendJson } from './http-io';

/**
 * `GET /__dev/faults` reads the switches, `POST /__dev/faults` with a JSON object sets some of them,
 * `POST /__dev/faults/reset` turns them all off. Unknown keys or wrong types answer 400 and change nothing.
 */
export async function handleFaultsRoute(
  faults: Faults,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (req.method === 'GET' && path === '/__dev/faults') return sendJson(res, 200, faults);
  if (req.method === 'POST' && path === '/__dev/faults/reset') {
    resetFaults(faults);
    return sendJson(res, 200, faults);
  }
  if (req.method === 'POST' && path === '/__dev/faults') {
    let update: unknown;
    try {
      update = JSON.parse(await readBody(req));
    } catch {
      return sendJson(res, 400, { error: 'The body must be a JSON object.' });
    }
    const trial = { ...faults };
    const rejected = applyFaults(trial, update);
    if (rejected.length > 0) return sendJson(res, 400, { error: 'Unknown fault or wrong type.', rejected });
    Object.assign(faults, trial);
    return sendJson(res, 200, faults);
  }
  return sendJson(res, 404, { error: 'Not found' });
}
