import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PERSON_FIELDS, type PersonField } from '../store/project-person';

/** How the service authenticates to Okta's `/api/v1` (okta-api.md §2.4). */
export type OktaCredentialConfig =
  | { kind: 'api-token'; apiToken: string }
  | { kind: 'service-app'; clientId: string; privateKey: KeyObject; keyId?: string };

/** The directory service's settings, parsed and checked. */
export interface DirectoryConfig {
  /** The Okta org, `https://acme.okta.com` (or `http://127.0.0.1:PORT` for a loopback dev org). */
  oktaOrgUrl: string;
  /** The extension's OIDC client: employee tokens must be issued to it. */
  oktaClientId: string;
  credential: OktaCredentialConfig;
  host: string;
  /** 0 picks a free port. */
  port: number;
  databasePath: string;
  deltaIntervalSeconds: number;
  fullSyncIntervalSeconds: number;
  /** How long removals stay answerable by `/v1/people/changes`; older cursors get 410. */
  changesRetentionSeconds: number;
  /** Person fields served besides `id` and `displayName`, which are always served. */
  exposedFields: readonly PersonField[];
  /** Okta group names; when not empty, only their members may read the directory. */
  allowedGroups: readonly string[];
  /** Origins (e.g. `chrome-extension://<id>`) whose pages may read answers through CORS. */
  corsOrigins: readonly string[];
}

/** A setting that is missing or wrong; the message is one line that names it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The documented defaults of the optional settings. */
export const CONFIG_DEFAULTS = {
  host: '127.0.0.1',
  port: 8420,
  databasePath: 'workstation-directory.sqlite',
  deltaIntervalSeconds: 300,
  fullSyncIntervalSeconds: 86_400,
  changesRetentionSeconds: 7 * 86_400,
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the settings from environment variables (names as in the admin docs); throws a
 * {@link ConfigError} naming the first setting that is missing or wrong. Never echoes a secret.
 */
export function loadConfig(env: Env, readFile: (path: string) => string = readUtf8): DirectoryConfig {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const required = (name: string, what: string): string => {
    const raw = value(name);
    if (raw === undefined) throw new ConfigError(`${name} is not set: ${what}.`);
    return raw;
  };
  const integer = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!/^\d+$/.test(raw) || parsed < min || parsed > max)
      throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
    return parsed;
  };
  const list = (name: string): string[] =>
    (value(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);

  const oktaOrgUrl = parseOrgUrl(required('OKTA_DOMAIN', 'set it to your Okta org, e.g. acme.okta.com'));
  const oktaClientId = required('OKTA_CLIENT_ID', "set it to the Workstation extension's OIDC client id");
  const credential = parseCredential(value, readFile);

  const exposedFields: PersonField[] = [];
  const fieldsSetting = value('EXPOSED_FIELDS');
  for (const field of fieldsSetting === undefined ? PERSON_FIELDS : list('EXPOSED_FIELDS')) {
    if (field === 'id' || field === 'displayName') continue;
    if (!(PERSON_FIELDS as readonly string[]).includes(field))
      throw new ConfigError(
        `EXPOSED_FIELDS has an unknown field "${field}"; use any of ${PERSON_FIELDS.join(', ')}.`,
      );
    exposedFields.push(field as PersonField);
  }

  const corsOrigins = list('CORS_ORIGINS');
  for (const origin of corsOrigins) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i.test(origin))
      throw new ConfigError(
        `CORS_ORIGINS has "${origin}", which is not an origin like chrome-extension://<extension id>.`,
      );
  }

  return {
    oktaOrgUrl,
    oktaClientId,
    credential,
    host: value('HOST') ?? CONFIG_DEFAULTS.host,
    port: integer('PORT', CONFIG_DEFAULTS.port, 0, 65_535),
    databasePath: value('DATABASE_PATH') ?? CONFIG_DEFAULTS.databasePath,
    deltaIntervalSeconds: integer('DELTA_INTERVAL_SECONDS', CONFIG_DEFAULTS.deltaIntervalSeconds, 5),
    fullSyncIntervalSeconds: integer(
      'FULL_SYNC_INTERVAL_SECONDS',
      CONFIG_DEFAULTS.fullSyncIntervalSeconds,
      60,
    ),
    changesRetentionSeconds: integer('CHANGES_RETENTION_SECONDS', CONFIG_DEFAULTS.changesRetentionSeconds, 0),
    exposedFields,
    allowedGroups: list('ALLOWED_GROUPS'),
    corsOrigins,
  };
}

/** One line about the settings for the start-up log: no secret, not even its length. */
export function describeConfig(config: DirectoryConfig): string {
  const credential =
    config.credential.kind === 'api-token'
      ? 'an API token'
      : `service app ${config.credential.clientId} (private_key_jwt)`;
  const groups = config.allowedGroups.length ? config.allowedGroups.join(', ') : 'everyone';
  return `Okta ${config.oktaOrgUrl} with ${credential}; employee tokens of ${config.oktaClientId}; allowed: ${groups}; database ${config.databasePath}; deltas every ${config.deltaIntervalSeconds} s`;
}

function parseOrgUrl(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError(`OKTA_DOMAIN "${raw}" is not a domain or URL; use e.g. acme.okta.com.`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new ConfigError(`OKTA_DOMAIN must use https: (http: only on loopback), got "${raw}".`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username)
    throw new ConfigError(`OKTA_DOMAIN must be the org alone, without a path, got "${raw}".`);
  return url.origin;
}

function parseCredential(
  value: (name: string) => string | undefined,
  readFile: (path: string) => string,
): OktaCredentialConfig {
  const apiToken = value('OKTA_API_TOKEN');
  const clientId = value('OKTA_SERVICE_CLIENT_ID');
  const keyFile = value('OKTA_SERVICE_PRIVATE_KEY_FILE');
  if (apiToken !== undefined && (clientId !== undefined || keyFile !== undefined))
    throw new ConfigError(
      'OKTA_API_TOKEN and OKTA_SERVICE_CLIENT_ID/OKTA_SERVICE_PRIVATE_KEY_FILE are both set; keep one credential.',
    );
  if (apiToken !== undefined) return { kind: 'api-token', apiToken };
  if (clientId === undefined && keyFile === undefined)
    throw new ConfigError(
      'OKTA_API_TOKEN is not set: set it to an Okta API token, or set OKTA_SERVICE_CLIENT_ID and OKTA_SERVICE_PRIVATE_KEY_FILE for a service app.',
    );
  if (clientId === undefined)
    throw new ConfigError('OKTA_SERVICE_CLIENT_ID is not set: set it to the API service app’s client id.');
  if (keyFile === undefined)
    throw new ConfigError(
      'OKTA_SERVICE_PRIVATE_KEY_FILE is not set: set it to the file holding the service app’s private key.',
    );
  let text: string;
  try {
    text = readFile(keyFile);
  } catch {
    throw new ConfigError(`OKTA_SERVICE_PRIVATE_KEY_FILE "${keyFile}" cannot be read.`);
  }
  try {
    // Okta's admin console hands out the key as PEM or as a JWK; both work.
    const jwk = text.trimStart().startsWith('{') ? (JSON.parse(text) as { kid?: unknown }) : undefined;
    const privateKey = jwk
      ? createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' })
      : createPrivateKey(text);
    if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    const keyId = typeof jwk?.kid === 'string' ? jwk.kid : undefined;
    return { kind: 'service-app', clientId, privateKey, ...(keyId ? { keyId } : {}) };
  } catch {
    throw new ConfigError(
      `OKTA_SERVICE_PRIVATE_KEY_FILE "${keyFile}" does not hold an RSA private key (PEM or JWK).`,
    );
  }
}

function readUtf8(path: string): string {
  return readFileSync(path, 'utf8');
}
