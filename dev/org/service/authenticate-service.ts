import type Provider from 'oidc-provider';
import type { Caller } from '../api/authenticate';
import type { OrgIndex } from '../org-index';
import { DEV_API_TOKEN, SERVICE_CLIENT_ID, servicePrincipal } from './service-access';

/**
 * Recognises the directory service's own credentials on /api/v1: the dev API token (`SSWS`), acting
 * as the demo admin, or a client-credentials access token of the service app. Anything else is left
 * to the employee-token check (undefined).
 */
export async function authenticateService(
  provider: Provider,
  index: OrgIndex,
  authorization: string | undefined,
): Promise<Caller | undefined> {
  const admin = index.userById.get(index.org.demo.admin);
  if (!admin) return undefined;
  const ssws = /^SSWS\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (ssws !== undefined) {
    // Okta API tokens carry the permissions of the admin who made them, not OAuth scopes.
    return ssws === DEV_API_TOKEN ? { user: admin, scopes: new Set(['okta.users.read']) } : undefined;
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!bearer) return undefined;
  const token = await provider.ClientCredentials.find(bearer);
  if (!token || token.clientId !== SERVICE_CLIENT_ID) return undefined;
  return { user: servicePrincipal(admin), scopes: new Set((token.scope ?? '').split(' ')) };
}
