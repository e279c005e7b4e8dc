import * as oauth from 'oauth4webapi';

/** A signed-in session's tokens, as oauth4webapi returns them. */
export type TokenSet = oauth.TokenEndpointResponse;

/** What {@link authorizeOverHttp} needs: the org, the client and who signs in. */
export interface AuthorizeOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
  scope: string;
  prompt?: string;
  /** Cookies carried between flows (the Okta session); a fresh jar signs in from scratch. */
  cookies?: Map<string, string>;
}

/** The end of an authorize round trip: the redirect back to the client and the PKCE values to finish it. */
export interface AuthorizeResult {
  callback: URL;
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  codeVerifier: string;
  state: string;
  nonce: string;
  /** HTML of the sign-in page each time it was shown (after a wrong password it holds the error). */
  loginPages: string[];
}

/** Options that let oauth4webapi talk to the dev org's http: issuer (loopback only). */
export const INSECURE = { [oauth.allowInsecureRequests]: true } as const;

/**
 * Drives the browser part of an authorization-code + PKCE flow over plain HTTP: follows redirects,
 * keeps cookies, and posts the sign-in form, until the org redirects to the client's redirect URI.
 * For tests and scripts; the extension does this in `identity.launchWebAuthFlow`.
 */
export async function authorizeOverHttp(options: AuthorizeOptions): Promise<AuthorizeResult> {
  const issuer = new URL(options.issuer);
  const as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...INSECURE }),
  );
  const client: oauth.Client = { client_id: options.clientId };
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const url = new URL(as.authorization_endpoint ?? '');
  url.search = new URLSearchParams({
    client_id: options.clientId,
    response_type: 'code',
    redirect_uri: options.redirectUri,
    scope: options.scope,
    state,
    nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(options.prompt ? { prompt: options.prompt } : {}),
  }).toString();

  const cookies = options.cookies ?? new Map<string, string>();
  const loginPages: string[] = [];
  let request: { url: string; init: RequestInit } = { url: url.href, init: {} };
  let passwordPosted = false;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(request.url, {
      ...request.init,
      redirect: 'manual',
      headers: {
        ...(request.init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header)) cookies.delete(pair.slice(0, at));
      else cookies.set(pair.slice(0, at), value);
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, request.url);
      if (next.href.startsWith(options.redirectUri)) {
        return { callback: next, as, client, codeVerifier, state, nonce, loginPages };
      }
      request = { url: next.href, init: {} };
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action || !html.includes('id="password"'))
      throw new Error(`Unexpected page (${response.status}) at ${request.url}: ${html.slice(0, 300)}`);
    loginPages.push(html);
    if (passwordPosted) throw new Error('The sign-in page came back after the password was posted.');
    passwordPosted = true;
    request = {
      url: new URL(action.replace(/&amp;/g, '&'), request.url).href,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: options.username, password: options.password }).toString(),
      },
    };
  }
  throw new Error('Too many redirects');
}

/** Exchanges the code of a successful {@link authorizeOverHttp} for tokens, validating the ID token. */
export async function exchangeCode(result: AuthorizeResult, redirectUri: string): Promise<TokenSet> {
  const params = oauth.validateAuthResponse(result.as, result.client, result.callback, result.state);
  const response = await oauth.authorizationCodeGrantRequest(
    result.as,
    result.client,
    oauth.None(),
    params,
    redirectUri,
    result.codeVerifier,
    INSECURE,
  );
  return oauth.processAuthorizationCodeResponse(result.as, result.client, response, {
    expectedNonce: result.nonce,
  });
}
