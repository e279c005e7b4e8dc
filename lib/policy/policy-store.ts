import type { KeyValueArea, ManagedPolicySource } from '../platform/ports';
import type { ParsedPolicy } from './parse-policy';
import { parsePolicy } from './parse-policy';

const LAST_GOOD_KEY = 'policy.lastGood';

/**
 * Reads managed policy, keeping the last good one when the read is empty or fails: Chrome can answer
 * `{}` before its policy service is ready and Firefox throws when no policy exists (pitfalls.md,
 * "Managed policy"), and neither may sign anyone out or wipe data.
 */
export async function readPolicy(source: ManagedPolicySource, local: KeyValueArea): Promise<ParsedPolicy> {
  let raw: unknown;
  try {
    raw = await source.read();
  } catch {
    raw = undefined;
  }
  const isEmpty =
    raw === undefined || raw === null || (typeof raw === 'object' && Object.keys(raw).length === 0);
  if (isEmpty) {
    return parsePolicy((await local.get<unknown>(LAST_GOOD_KEY)) ?? {});
  }
  await local.set({ [LAST_GOOD_KEY]: withoutSecret(raw) });
  return parsePolicy(raw);
}

/** The copy kept on disk never holds a `clientSecret` value, only that one was set. */
function withoutSecret(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('clientSecret' in raw)) return raw;
  const { clientSecret, ...rest } = raw as Record<string, unknown>;
  return { ...rest, clientSecret: typeof clientSecret === 'string' && clientSecret ? '(set)' : clientSecret };
}
