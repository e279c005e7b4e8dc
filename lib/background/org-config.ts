import { AppError } from '../errors';
import type { KeyValueArea, ManagedPolicySource } from '../platform/ports';
import { effectiveSettings } from '../policy/effective-settings';
import { normalizeOrgUrl } from '../policy/org-url';
import type { PolicyWarning } from '../policy/parse-policy';
import { readPolicy } from '../policy/policy-store';
import type { Settings } from '../policy/settings';

/** Settings in force, with the org they point at (or why they point nowhere). */
export interface OrgConfig {
  settings: Settings;
  locked: ReadonlySet<keyof Settings>;
  warnings: PolicyWarning[];
  /** The org's base URL (issuer) and client, when both are set and valid. */
  org?: { orgUrl: string; clientId: string };
  configError?: AppError;
  /** Set by policy and never used; the options page warns about it. */
  hasClientSecret: boolean;
}

/** Reads policy and combines it with the build defaults into the settings in force. */
export async function loadOrgConfig(
  managed: ManagedPolicySource,
  local: KeyValueArea,
  buildDefaults: Partial<Settings>,
): Promise<OrgConfig> {
  const { policy, warnings } = await readPolicy(managed, local);
  const { settings, locked } = effectiveSettings(policy, {}, buildDefaults);
  const base = { settings, locked, warnings, hasClientSecret: policy.clientSecret !== undefined };
  if (!settings.oktaDomain || !settings.clientId) {
    return {
      ...base,
      configError: new AppError('CONFIG_MISSING', 'The Okta domain or client id is not set.'),
    };
  }
  try {
    return { ...base, org: { orgUrl: normalizeOrgUrl(settings.oktaDomain), clientId: settings.clientId } };
  } catch (error) {
    return {
      ...base,
      configError: error instanceof AppError ? error : new AppError('CONFIG_INVALID', String(error)),
    };
  }
}
