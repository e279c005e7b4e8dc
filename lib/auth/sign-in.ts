import * as oauth from 'oauth4webapi';
import { AppError } from '../errors';
import type { Clock, FetchFn, WebAuthFlow } from '../platform/ports';
import { classifyFlowError, classifyOAuthError } from './classify-auth-error';
import { discoverOrg, oauthOptions } from './oidc';
import type { Profile } from './profile';
import { profileFromClaims } from './profile';
import type { TokenSet } from './token-set';
import { tokenSetFrom } from './token-set';

/** What one sign-in needs. */
export interface SignInRequest {
  orgUrl: string;
  clientId: string;
  scope: string;
  /** "Sign in as someone else": Okta shows its login page even with a live session. */
  forceLogin?: boolean;
  fetch: FetchFn;
  clock: Clock;
  webAuthFlow: WebAuthFlow;
}

/** A completed sign-in. */
export interface SignInResult {
  tokens: TokenSet;
  profile: Profile;
}

/**
 * Runs the authorization-code + PKCE (S256) flow with `state` and `nonce` through
 * `launchWebAuthFlow`, then exchanges and validates with oauth4webapi (issuer, RFC 9207 `iss`,
 * ID-token claims and nonce). Never sends `prompt=consent`: Okta issues refresh tokens for
 * `offline_access` alone.
 */
export async function signIn(request: SignInRequest): Promise<SignInResult> {
  const { orgUrl, clientId, fetch: fetchFn } = request;
  const as = await discoverOrg(orgUrl, clientId, fetchFn);
  if (!as.authorization_endpoint || !as.token_endpoint) {
    throw new AppError('CONFIG_INVALID', `${new URL(orgUrl).host} has no authorization endpoint.`);
  }
  const client: oauth.Client = { client_id: clientId };
  const redirectUri = request.webAuthFlow.redirectUri();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();

  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: request.scope,
    redirect_uri: redirectUri,
    state,
    nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(request.forceLogin ? { prompt: 'login' } : {}),
  }).toString();

  let redirected: string;
  try {
    redirected = await request.webAuthFlow.launch(url.href, true);
  } catch (error) {
    throw classifyFlowError(error);
  }

  let callback: URL;
  try {
    callback = new URL(redirected);
  } catch {
    throw new AppError('AUTH_FAILED', 'The sign-in came back to an address that is not a URL.');
  }
  try {
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const options = oauthOptions(orgUrl, fetchFn);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      redirectUri,
      codeVerifier,
      options,
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: nonce,
      requireIdToken: true,
    });
    const claims = oauth.getValidatedIdTokenClaims(result);
    if (!claims) throw new AppError('AUTH_FAILED', 'Okta sent no ID token.');
    return { tokens: tokenSetFrom(result, request.clock.now()), profile: profileFromClaims(claims) };
  } catch (error) {
    throw classifyOAuthError(error);
  }
}

/** Exchanges a refresh token for a new token set; Okta rotates the refresh token on every use. */
export async function refreshTokens(
  orgUrl: string,
  clientId: string,
  tokens: TokenSet,
  fetchFn: FetchFn,
  clock: Clock,
): Promise<{ tokens: TokenSet; profile?: Profile }> {
  if (!tokens.refreshToken) throw new AppError('AUTH_EXPIRED', 'The session has no refresh token.');
  const as = await discoverOrg(orgUrl, clientId, fetchFn);
  const client: oauth.Client = { client_id: clientId };
  try {
    const response = await oauth.refreshTokenGrantRequest(
      as,
      client,
      oauth.None(),
      tokens.refreshToken,
      oauthOptions(orgUrl, fetchFn),
    );
    const result = await oauth.processRefreshTokenResponse(as, client, response);
    const claims = oauth.getValidatedIdTokenClaims(result);
    return {
      tokens: tokenSetFrom(result, clock.now(), tokens),
      ...(claims ? { profile: profileFromClaims(claims) } : {}),
    };
  } catch (error) {
    throw classifyOAuthError(error);
  }
}

/** Revokes a token at Okta; Okta answers 200 even for an unknown token (okta-api.md §4.5). */
export async function revokeToken(
  orgUrl: string,
  clientId: string,
  token: string,
  hint: 'access_token' | 'refresh_token',
  fetchFn: FetchFn,
): Promise<void> {
  const as = await discoverOrg(orgUrl, clientId, fetchFn);
  const response = await oauth.revocationRequest(as, { client_id: clientId }, oauth.None(), token, {
    ...oauthOptions(orgUrl, fetchFn),
    additionalParameters: { token_type_hint: hint },
  });
  await oauth.processRevocationResponse(response);
}

/**
 * Ends the Okta browser session: the logout endpoint needs a top-level navigation (okta-api.md §4.5),
 * so it runs in the auth window and comes back to the extension's redirect URI, which the admin
 * registers as a sign-out redirect URI.
 */
export async function endOktaSession(
  orgUrl: string,
  clientId: string,
  idToken: string,
  fetchFn: FetchFn,
  webAuthFlow: WebAuthFlow,
): Promise<void> {
  const as = await discoverOrg(orgUrl, clientId, fetchFn);
  if (!as.end_session_endpoint) throw new AppError('CONFIG_INVALID', 'The org has no logout endpoint.');
  const url = new URL(as.end_session_endpoint);
  const state = oauth.generateRandomState();
  url.search = new URLSearchParams({
    id_token_hint: idToken,
    post_logout_redirect_uri: webAuthFlow.redirectUri(),
    state,
  }).toString();
  let redirected: string;
  try {
    redirected = await webAuthFlow.launch(url.href, true);
  } catch (error) {
    throw classifyFlowError(error);
  }
  if (new URL(redirected).searchParams.get('state') !== state) {
    throw new AppError('AUTH_FAILED', 'The logout answer did not match the request.');
  }
}
