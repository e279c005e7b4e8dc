import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, {
  errors,
  type AdapterPayload,
  type ClientMetadata,
  type Configuration,
  type JWK,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import type { Faults } from '../faults';
import { groupNamesOf, type OrgIndex } from '../org-index';
import { createMemoryAdapter } from './memory-adapter';
import { logoutSource, postLogoutSuccessSource, renderError } from './provider-pages';
import { oktaCodeGrantText, REFRESH_TOKEN_INVALID, USER_NOT_ASSIGNED } from './okta-error-text';

/** What the provider needs to know about the org and the one client. */
export interface ProviderSettings {
  issuer: string;
  index: OrgIndex;
  faults: Faults;
  clientId: string;
  redirectUris: readonly string[];
  trustedOrigins: readonly string[];
  accessTokenTtlSeconds: number;
  /** An API service app (client credentials, `private_key_jwt`), for the directory service. */
  serviceClient?: { clientId: string; publicJwk: JWK; scopes: readonly string[] };
}

/** Scopes of the org authorization server that the dev org grants (okta-api.md §2). */
export const SCOPES = [
  'openid',
  'profile',
  'email',
  'groups',
  'offline_access',
  'okta.users.read.self',
  'okta.users.read',
] as const;

/**
 * oidc-provider drops `offline_access` unless `prompt=consent` is sent; Okta does not. The server adds
 * this extra parameter to authorize requests that ask for `offline_access` so that the request, stored
 * across the login interaction, still knows it and gets the scope back (see loadExistingGrant).
 */
export const OFFLINE_MARKER = 'x_dev_offline_access';

const DAY = 86_400;
// Org AS refresh tokens live 90 days and rotation keeps the first token's expiry (okta-api.md §4.2-4.3).
const REFRESH_TOKEN_TTL = 90 * DAY;

/** Creates the oidc-provider instance that plays the Okta org authorization server. */
export function createProvider(settings: ProviderSettings): Provider {
  const { index, faults } = settings;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomBytes(8).toString('hex'),
    alg: 'RS256',
    use: 'sig',
  };

  const configuration: Configuration = {
    adapter: createMemoryAdapter((model, payload) => tokenFaults(faults, model, payload)),
    clients: [
      {
        client_id: settings.clientId,
        client_name: 'Workstation',
        // oidc-provider knows only `web` and `native`; a browser-based public client (Okta's "browser"/SPA) is `web`.
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...settings.redirectUris],
        post_logout_redirect_uris: [...settings.redirectUris],
      },
      ...serviceClients(settings),
    ],
    clientBasedCORS: (_ctx, origin) => settings.trustedOrigins.includes(origin),
    claims: {
      openid: ['sub'],
      profile: [
        'name',
        'given_name',
        'family_name',
        'preferred_username',
        'locale',
        'zoneinfo',
        'updated_at',
      ],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    scopes: [...SCOPES],
    // Okta's code flow returns a "fat" ID token with the scope claims (okta-api.md §7.1).
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    extraParams: [OFFLINE_MARKER],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: settings.serviceClient !== undefined },
      // A public client may introspect and revoke only its own tokens (what the directory service needs).
      introspection: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    findAccount: (_ctx, sub) => {
      const user = index.userById.get(sub);
      if (!user || user.status !== 'ACTIVE') return undefined;
      return {
        accountId: user.id,
        claims: () => ({
          sub: user.id,
          name: user.profile.displayName,
          given_name: user.profile.firstName,
          family_name: user.profile.lastName,
          preferred_username: user.profile.login,
          locale: user.profile.locale,
          zoneinfo: user.profile.timezone,
          updated_at: Math.floor(Date.parse(user.lastUpdated) / 1000),
          email: user.profile.email,
          email_verified: true,
          groups: groupNamesOf(index, user),
        }),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    issueRefreshToken: (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    loadExistingGrant: (ctx) => loadOrCreateGrant(ctx, settings),
    pkce: { required: () => true },
    renderError,
    responseTypes: ['code'],
    rotateRefreshToken: true,
    routes: {
      authorization: '/oauth2/v1/authorize',
      token: '/oauth2/v1/token',
      revocation: '/oauth2/v1/revoke',
      introspection: '/oauth2/v1/introspect',
      jwks: '/oauth2/v1/keys',
      userinfo: '/oauth2/v1/userinfo',
      end_session: '/oauth2/v1/logout',
      pushed_authorization_request: '/oauth2/v1/par',
    },
    jwks: { keys: [signingKey] },
    ttl: {
      AccessToken: settings.accessTokenTtlSeconds,
      ClientCredentials: 3600,
      AuthorizationCode: 300,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * DAY,
      Grant: REFRESH_TOKEN_TTL,
      RefreshToken: (ctx) =>
        ctx?.oidc.entities.RotatedRefreshToken?.remainingTTL ??
        (faults.refreshTokenLifetimeSeconds || REFRESH_TOKEN_TTL),
    },
  };

  const provider = new Provider(settings.issuer, configuration);
  provider.on('grant.error', (ctx: KoaContextWithOIDC, error: errors.OIDCProviderError) => {
    ctx.state['grantErrorDetail'] = error.error_detail;
  });
  // Okta's descriptions replace oidc-provider's generic "grant request is invalid".
  provider.use(async (ctx, next) => {
    await next();
    const body: unknown = ctx.body;
    if (ctx.oidc?.route !== 'token' || !isOAuthError(body) || body.error !== 'invalid_grant') return;
    const grantType = ctx.oidc.params?.['grant_type'];
    if (grantType === 'refresh_token') body.error_description = REFRESH_TOKEN_INVALID;
    else if (grantType === 'authorization_code')
      body.error_description = oktaCodeGrantText(ctx.state['grantErrorDetail'] as string | undefined);
  });
  return provider;
}

// Okta's org AS accepts client credentials only with private_key_jwt (okta-api.md §2.4), and the
// client assertion's `aud` is the token endpoint.
function serviceClients(settings: ProviderSettings): ClientMetadata[] {
  const service = settings.serviceClient;
  if (!service) return [];
  return [
    {
      client_id: service.clientId,
      client_name: 'Workstation directory service',
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'RS256',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: service.scopes.join(' '),
      jwks: { keys: [service.publicJwk] },
    },
  ];
}

function isOAuthError(body: unknown): body is { error: string; error_description?: string } {
  return typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string';
}

// No consent screen: like Okta for an assigned first-party app, every requested scope is granted.
// Users not assigned to the app are refused here, after sign-in, as Okta does (okta-api.md §2.3).
async function loadOrCreateGrant(ctx: KoaContextWithOIDC, settings: ProviderSettings) {
  const { oidc } = ctx;
  const account = oidc.account;
  if (!account || !oidc.client) return undefined;
  const user = settings.index.userById.get(account.accountId);
  const loginRequested = oidc.route === 'authorization' && oidc.prompts.has('login');
  if (!user?.assignedToClient && !loginRequested) throw new errors.AccessDenied(USER_NOT_ASSIGNED);

  const scopes = new Set(oidc.params?.['scope'] ? String(oidc.params['scope']).split(' ') : []);
  if (oidc.params?.[OFFLINE_MARKER] === '1' && !scopes.has('offline_access')) {
    scopes.add('offline_access');
    oidc.params['scope'] = [...scopes].join(' ');
  }
  const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client.clientId);
  const grant =
    (grantId ? await oidc.provider.Grant.find(grantId) : undefined) ??
    new oidc.provider.Grant({ accountId: account.accountId, clientId: oidc.client.clientId });
  grant.addOIDCScope([...scopes].filter((scope) => (SCOPES as readonly string[]).includes(scope)).join(' '));
  const claims = [...oidc.requestParamClaims];
  if (claims.length > 0) grant.addOIDCClaims(claims);
  await grant.save();
  return grant;
}

/**
 * Applies the token faults when a token is read: expired or revoked tokens read as expired, and a
 * rotated refresh token reads as unused for the grace period, as Okta's rotation leeway allows.
 */
function tokenFaults(faults: Faults, model: string, payload: AdapterPayload): AdapterPayload {
  if (model !== 'RefreshToken' && model !== 'AccessToken') return payload;
  const now = Math.floor(Date.now() / 1000);
  const expired = { ...payload, exp: now - 1 };
  if (typeof payload.iat === 'number' && payload.iat < faults.revokeTokensIssuedBefore) return expired;
  if (model === 'AccessToken') return payload;
  if (faults.expireRefreshTokens) return expired;
  if (typeof payload.consumed === 'number' && now - payload.consumed < faults.refreshGraceSeconds) {
    const { consumed: _consumed, ...unused } = payload;
    return unused;
  }
  return payload;
}
