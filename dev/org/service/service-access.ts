import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import type { SeedUser } from '../seed/types';

/**
 * The dev org's one admin API token (`Authorization: SSWS …`), fixed so that scripts and docs can name
 * it. It acts as the demo admin, like an Okta API token acts as the admin who created it
 * (https://developer.okta.com/docs/guides/create-an-api-token/). Accepted only by the dev org.
 */
export const DEV_API_TOKEN = '00DevOrgOnly-workstation-directory-api-token';

/** Client id of the dev org's API service app (client credentials with `private_key_jwt`). */
export const SERVICE_CLIENT_ID = '0oaworkstationsvc';

/** Scopes the service app is granted, as on the app's "Okta API Scopes" tab (okta-api.md §2.3). */
export const SERVICE_SCOPES = ['okta.users.read'] as const;

/** The service app's key pair: the private key for the directory service, the public one for the org. */
export interface ServiceKey {
  /** PKCS#8 PEM, what `OKTA_SERVICE_PRIVATE_KEY_FILE` holds. */
  privateKeyPem: string;
  publicJwk: JWK;
}

/** Creates a fresh RSA key pair for the service app (Okta's admin console does the same on "Generate new key"). */
export function createServiceKey(): ServiceKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicJwk: {
      ...(publicKey.export({ format: 'jwk' }) as JWK),
      kid: randomBytes(8).toString('hex'),
      alg: 'RS256',
      use: 'sig',
    },
  };
}

/**
 * The principal behind a service-app token: not a person, but it holds the Read-Only Admin role that
 * Okta requires of a service app reading users (okta-api.md §2.4, option b).
 */
export function servicePrincipal(template: SeedUser): SeedUser {
  return { ...template, id: SERVICE_CLIENT_ID, adminRoles: ['READ_ONLY_ADMIN'], groupIds: [] };
}
