import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  EXTENSION_REDIRECT_URI,
  INVALID_CLIENT_ID,
  REFRESH_TOKEN_INVALID,
  resetFaults,
  SIGN_IN_FAILED,
  startDevOrg,
  UNTRUSTED_ORIGIN,
  USER_NOT_ASSIGNED,
  type DevOrg,
} from '../../dev/org/index';
import {
  authorizeOverHttp,
  exchangeCode,
  INSECURE,
  type TokenSet,
} from '../../dev/org/testing/sign-in-over-http';

const SCOPE = 'openid profile email groups offline_access okta.users.read.self';
let devOrg: DevOrg;

beforeAll(async () => {
  devOrg = await startDevOrg({ port: 0, people: 300, apps: 40, quiet: true });
});
afterAll(() => devOrg.close());
beforeEach(() => resetFaults(devOrg.faults));

async function signIn(
  username: string,
  scope = SCOPE,
): Promise<{ tokens: TokenSet; as: oauth.AuthorizationServer }> {
  const result = await authorizeOverHttp({
    issuer: devOrg.url,
    clientId: devOrg.clientId,
    redirectUri: EXTENSION_REDIRECT_URI,
    username,
    password: DEMO_PASSWORD,
    scope,
  });
  return { tokens: await exchangeCode(result, EXTENSION_REDIRECT_URI), as: result.as };
}

async function refresh(as: oauth.AuthorizationServer, refreshToken: string): Promise<TokenSet> {
  const client = { client_id: devOrg.clientId };
  const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, INSECURE);
  return oauth.processRefreshTokenResponse(as, client, response);
}

async function tokenError(promise: Promise<unknown>): Promise<{ error: string; error_description?: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(oauth.ResponseBodyError);
  return (error as oauth.ResponseBodyError).cause as { error: string; error_description?: string };
}

describe('the dev org as an OpenID provider', () => {
  it('publishes Okta org authorization server metadata at both well-known paths', async () => {
    const issuer = new URL(devOrg.url);
    const as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...INSECURE }),
    );
    expect(devOrg.url).not.toMatch(/\/$/);
    expect(as.issuer).toBe(devOrg.url);
    for (const [endpoint, path] of [
      [as.authorization_endpoint, 'authorize'],
      [as.token_endpoint, 'token'],
      [as.revocation_endpoint, 'revoke'],
      [as.introspection_endpoint, 'introspect'],
      [as.jwks_uri, 'keys'],
      [as.userinfo_endpoint, 'userinfo'],
      [as.end_session_endpoint, 'logout'],
    ]) {
      expect(endpoint).toBe(`${devOrg.url}/oauth2/v1/${path}`);
    }
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    expect(as.scopes_supported).toEqual(
      expect.arrayContaining(['groups', 'offline_access', 'okta.users.read']),
    );
    const oauthMetadata = await fetch(`${devOrg.url}/.well-known/oauth-authorization-server`);
    expect(((await oauthMetadata.json()) as { issuer: string }).issuer).toBe(devOrg.url);
  });

  it('answers discovery with an unknown client_id with 400, as Okta does, and the right one with metadata', async () => {
    const unknown = await fetch(`${devOrg.url}/.well-known/openid-configuration?client_id=0oa-typo`);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'invalid_client', error_description: INVALID_CLIENT_ID });
    const known = await fetch(`${devOrg.url}/.well-known/openid-configuration?client_id=${devOrg.clientId}`);
    expect(known.status).toBe(200);
  });

  it('signs an employee in with a code and PKCE and returns a refresh token without prompt=consent', async () => {
    const { tokens } = await signIn(DEMO_LOGINS.employee);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.scope?.split(' ')).toEqual(
      expect.arrayContaining(['offline_access', 'okta.users.read.self']),
    );
    const claims = oauth.getValidatedIdTokenClaims(tokens)!;
    const employee = devOrg.org.users.find((user) => user.id === devOrg.org.demo.employee)!;
    expect(claims['sub']).toBe(employee.id);
    expect(claims['name']).toBe(employee.profile.displayName);
    expect(claims['email']).toBe(DEMO_LOGINS.employee);
    expect(claims['preferred_username']).toBe(DEMO_LOGINS.employee);
    expect(claims['groups']).toEqual(expect.arrayContaining(['Everyone', 'Sales']));
  });

  it('rotates the refresh token on every use and, with no grace period, refuses a reused one with Okta’s text', async () => {
    devOrg.faults.refreshGraceSeconds = 0;
    const { tokens, as } = await signIn(DEMO_LOGINS.employee);
    const first = tokens.refresh_token!;
    const second = await refresh(as, first);
    expect(second.refresh_token).toEqual(expect.any(String));
    expect(second.refresh_token).not.toBe(first);
    expect(second.expires_in).toBe(3600);
    expect(await tokenError(refresh(as, first))).toEqual({
      error: 'invalid_grant',
      error_description: REFRESH_TOKEN_INVALID,
    });
    // Okta revokes the whole family when a rotated token is reused (okta-api.md §4.2).
    expect((await tokenError(refresh(as, second.refresh_token!))).error).toBe('invalid_grant');
  });

  it('refuses a token request from an origin that is not trusted, and accepts one without Origin', async () => {
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: devOrg.clientId,
      refresh_token: 'x',
    });
    const refused = await fetch(`${devOrg.url}/oauth2/v1/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'chrome-extension://hoehbjejopceicelemflmpablooiofpi',
      },
      body,
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'invalid_request', error_description: UNTRUSTED_ORIGIN });
    const withoutOrigin = await fetch(`${devOrg.url}/oauth2/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(await withoutOrigin.json()).toEqual({
      error: 'invalid_grant',
      error_description: REFRESH_TOKEN_INVALID,
    });
  });

  it('sends a user who is not assigned to the app back with access_denied and Okta’s text', async () => {
    const result = await authorizeOverHttp({
      issuer: devOrg.url,
      clientId: devOrg.clientId,
      redirectUri: EXTENSION_REDIRECT_URI,
      username: DEMO_LOGINS.unassigned,
      password: DEMO_PASSWORD,
      scope: SCOPE,
    });
    expect(result.callback.searchParams.get('error')).toBe('access_denied');
    expect(result.callback.searchParams.get('error_description')).toBe(USER_NOT_ASSIGNED);
    expect(result.callback.searchParams.get('state')).toBe(result.state);
  });

  it('shows a labelled sign-in form and an error after a wrong password', async () => {
    const start = new URL(`${devOrg.url}/oauth2/v1/authorize`);
    start.search = new URLSearchParams({
      client_id: devOrg.clientId,
      response_type: 'code',
      redirect_uri: EXTENSION_REDIRECT_URI,
      scope: 'openid',
      state: 'abc',
      code_challenge: await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier()),
      code_challenge_method: 'S256',
    }).toString();
    const redirect = await fetch(start, { redirect: 'manual' });
    const cookie = redirect.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
    const interaction = new URL(redirect.headers.get('location')!, devOrg.url);
    const form = await (await fetch(interaction, { headers: { cookie } })).text();
    expect(form).toContain('<label for="username">Username</label>');
    expect(form).toContain('<label for="password">Password</label>');
    expect(form).toMatch(/<button type="submit">Sign in<\/button>/);
    const wrong = await fetch(`${interaction.href}/login`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: DEMO_LOGINS.admin, password: 'nope' }),
    });
    expect(await wrong.text()).toContain(SIGN_IN_FAILED);
  });

  it('introspects a token for the public client that sends only its client_id', async () => {
    const { tokens } = await signIn(DEMO_LOGINS.employee);
    const response = await fetch(`${devOrg.url}/oauth2/v1/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.access_token, client_id: devOrg.clientId }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ active: true, client_id: devOrg.clientId, sub: devOrg.org.demo.employee });
  });

  it('answers every refresh with invalid_grant while refresh tokens are made to expire', async () => {
    const { tokens, as } = await signIn(DEMO_LOGINS.employee);
    devOrg.faults.expireRefreshTokens = true;
    expect(await tokenError(refresh(as, tokens.refresh_token!))).toEqual({
      error: 'invalid_grant',
      error_description: REFRESH_TOKEN_INVALID,
    });
  });

  it('answers the next token request with a server error when told to', async () => {
    const { tokens, as } = await signIn(DEMO_LOGINS.employee);
    devOrg.faults.tokenServerErrorNext = 1;
    const client = { client_id: devOrg.clientId };
    const failed = await oauth.refreshTokenGrantRequest(
      as,
      client,
      oauth.None(),
      tokens.refresh_token!,
      INSECURE,
    );
    expect(failed.status).toBe(500);
    expect((await refresh(as, tokens.refresh_token!)).access_token).toEqual(expect.any(String));
  });
});
