import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRateLimiter } from './api/rate-limiter';
import { createFaults, type Faults } from './faults';
import { createRequestHandler } from './handle-request';
import { userMutations, type UserMutations } from './mutate-users';
import { createProvider } from './oidc/create-provider';
import { indexOrg } from './org-index';
import { generateOrg } from './seed/generate-org';
import type { SeedOrg } from './seed/types';
import { createServiceKey, DEV_API_TOKEN, SERVICE_CLIENT_ID, SERVICE_SCOPES } from './service/service-access';

export type { Faults } from './faults';
export { FAULT_DEFAULTS, resetFaults } from './faults';
export type { SeedApp, SeedAppLink, SeedGroup, SeedOrg, SeedUser, SeedUserStatus } from './seed/types';
export { DEMO_LOGINS, DEMO_PASSWORD, generateOrg } from './seed/generate-org';
export { SIGN_IN_FAILED } from './oidc/interaction';
export type { UserMutations } from './mutate-users';
export { DEV_API_TOKEN, SERVICE_CLIENT_ID } from './service/service-access';
export {
  INVALID_CLIENT_ID,
  REFRESH_TOKEN_INVALID,
  UNTRUSTED_ORIGIN,
  USER_NOT_ASSIGNED,
} from './oidc/okta-error-text';

/** Options of {@link startDevOrg}. */
export interface DevOrgOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  host?: '127.0.0.1';
  people?: number;
  apps?: number;
  seed?: number;
  accessTokenTtlSeconds?: number;
  /** Origins whose browser requests to /oauth2/v1/token and /revoke are accepted (Okta's Trusted Origins). */
  trustedOrigins?: string[];
  /** Redirect URIs added to the extension's fixed dev redirect URI (also allowed after logout). */
  redirectUris?: string[];
  clientId?: string;
  quiet?: boolean;
}

/** The directory service's credentials in the dev org: an admin API token, or a service app. */
export interface DevOrgServiceCredentials {
  /** Send as `Authorization: SSWS <apiToken>`; acts as the demo admin. */
  apiToken: string;
  /** The API service app: client credentials with `private_key_jwt`, granted `okta.users.read`. */
  clientId: string;
  /** The service app's private key (PKCS#8 PEM), fresh for each start. */
  privateKeyPem: string;
}

/** A running dev org. */
export interface DevOrg extends UserMutations {
  /** The issuer and org URL, e.g. `http://127.0.0.1:8417`, without a trailing slash. */
  url: string;
  clientId: string;
  /** Fault switches; change them in place (or over HTTP at /__dev/faults). */
  faults: Faults;
  org: SeedOrg;
  /** Credentials for the directory service (server/). */
  service: DevOrgServiceCredentials;
  close(): Promise<void>;
}

/** The redirect URI of the extension's fixed development id (dev/extension-identity.json). */
export const EXTENSION_REDIRECT_URI = 'https://hoehbjejopceicelemflmpablooiofpi.chromiumapp.org/';
/** The client id of the extension's OIDC app in the dev org. */
export const DEFAULT_CLIENT_ID = '0oaworkstationdev';

/** Starts an Okta-compatible org on 127.0.0.1 with a seeded directory. */
export async function startDevOrg(options: DevOrgOptions = {}): Promise<DevOrg> {
  const host = options.host ?? '127.0.0.1';
  const org = generateOrg({ people: options.people, apps: options.apps, seed: options.seed });
  const index = indexOrg(org);
  const faults = createFaults();
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  const trustedOrigins = options.trustedOrigins ?? [];
  const serviceKey = createServiceKey();
  const provider = createProvider({
    issuer: url,
    index,
    faults,
    clientId,
    redirectUris: [...new Set([EXTENSION_REDIRECT_URI, ...(options.redirectUris ?? [])])],
    trustedOrigins,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    serviceClient: { clientId: SERVICE_CLIENT_ID, publicJwk: serviceKey.publicJwk, scopes: SERVICE_SCOPES },
  });
  server.on(
    'request',
    createRequestHandler({
      provider,
      index,
      faults,
      limiter: createRateLimiter(),
      clientId,
      orgUrl: url,
      trustedOrigins,
    }),
  );
  if (!options.quiet)
    console.log(`dev org: ${url} (${org.users.length} people, ${org.apps.length} apps, seed ${org.seed})`);
  return {
    url,
    clientId,
    faults,
    org,
    service: {
      apiToken: DEV_API_TOKEN,
      clientId: SERVICE_CLIENT_ID,
      privateKeyPem: serviceKey.privateKeyPem,
    },
    ...userMutations(index),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
