import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { handleApi } from './api/handle-api';
import type { RateLimiter } from './api/rate-limiter';
import { handleFaultsRoute } from './dev-faults-routes';
import { takeFault, type Faults } from './faults';
import { send, sendJson } from './http-io';
import { handleInteraction } from './oidc/interaction';
import { OFFLINE_MARKER } from './oidc/create-provider';
import { INVALID_CLIENT_ID, UNTRUSTED_ORIGIN } from './oidc/okta-error-text';
import type { OrgIndex } from './org-index';
import { appHomePage } from './pages/app-home-page';
import { logoSvg } from './pages/logo-svg';
import { page } from './html';

/** Everything the request handler reads. */
export interface ServerDeps {
  provider: Provider;
  index: OrgIndex;
  faults: Faults;
  limiter: RateLimiter;
  orgUrl: string;
  trustedOrigins: readonly string[];
  clientId: string;
}

const API_EXPOSED_HEADERS =
  'link, WWW-Authenticate, X-Rate-Limit-Limit, X-Rate-Limit-Remaining, X-Rate-Limit-Reset, X-Okta-Request-Id';

/** Creates the dev org's request listener: Okta-only routes here, everything OIDC in oidc-provider. */
export function createRequestHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const oidc = deps.provider.callback();
  return (req, res) => {
    handle(deps, oidc, req, res).catch((error: unknown) => {
      console.error('dev org: request failed', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
      else res.destroy();
    });
  };
}

async function handle(
  deps: ServerDeps,
  oidc: (req: IncomingMessage, res: ServerResponse) => unknown,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', deps.orgUrl);
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (path.startsWith('/api/v1/')) {
    const origin = req.headers.origin;
    // Bearer calls need no Trusted Origin (okta-api.md §10), so any origin may read the answer.
    const cors: Record<string, string> = origin
      ? {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Expose-Headers': API_EXPOSED_HEADERS,
          Vary: 'Origin',
        }
      : {};
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': 'Authorization, Accept, Content-Type',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const response = await handleApi(deps, { method, url, authorization: req.headers.authorization });
    return sendJson(res, response.status, response.body, { ...response.headers, ...cors });
  }
  if (path === '/oauth2/v1/token' || path === '/oauth2/v1/revoke') {
    const origin = req.headers.origin;
    // Okta treats a request with an Origin as a browser request and refuses untrusted origins (okta-api.md §10).
    if (origin && !deps.trustedOrigins.includes(origin)) {
      return sendJson(res, 400, { error: 'invalid_request', error_description: UNTRUSTED_ORIGIN });
    }
    if (path === '/oauth2/v1/revoke' && method === 'POST' && (await revokeAccessTokenOnly(deps, req, res)))
      return;
    if (path === '/oauth2/v1/token' && method === 'POST' && deps.faults.requireDpop && !req.headers.dpop) {
      return sendJson(res, 400, {
        error: 'invalid_dpop_proof',
        error_description: 'The DPoP proof JWT header is missing.',
      });
    }
    if (path === '/oauth2/v1/token' && method === 'POST' && takeFault(deps.faults, 'loseTokenResponseNext')) {
      // The grant is processed (a refresh token rotation is committed) but the answer never arrives.
      loseResponse(req, res);
    } else if (
      path === '/oauth2/v1/token' &&
      method === 'POST' &&
      takeFault(deps.faults, 'tokenServerErrorNext')
    ) {
      return sendJson(res, 500, {
        error: 'server_error',
        error_description: 'The server encountered an internal error.',
      });
    }
  }
  if (
    path === '/oauth2/v1/authorize' &&
    method === 'GET' &&
    /(^|\s)offline_access(\s|$)/.test(url.searchParams.get('scope') ?? '')
  ) {
    url.searchParams.set(OFFLINE_MARKER, '1');
    req.url = `${url.pathname}${url.search}`;
  }
  if (path === '/.well-known/openid-configuration' || path === '/.well-known/oauth-authorization-server') {
    // Okta answers 400 to discovery with an unknown `client_id` (okta-api.md §1.2).
    const clientId = url.searchParams.get('client_id');
    if (clientId !== null && clientId !== deps.clientId) {
      return sendJson(res, 400, { error: 'invalid_client', error_description: INVALID_CLIENT_ID });
    }
    req.url = '/.well-known/openid-configuration';
  }
  if (path.startsWith('/interaction/')) return handleInteraction(deps.provider, deps.index, req, res, path);
  if (path.startsWith('/__dev/')) return handleFaultsRoute(deps.faults, req, res, path);
  if (path.startsWith('/img/logos/') && method === 'GET') {
    const link = deps.index.linkByLogoPath.get(path);
    if (!link) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    return send(res, 200, 'image/svg+xml', logoSvg(link.label), { 'Cache-Control': 'public, max-age=86400' });
  }
  if (path.startsWith('/home/') && method === 'GET') {
    const html = appHomePage(deps.index, path);
    return send(
      res,
      html ? 200 : 404,
      'text/html; charset=utf-8',
      html ?? page('Not found', '<h1>Not found</h1>'),
    );
  }
  if (path === '/' && method === 'GET') {
    return send(
      res,
      200,
      'text/html; charset=utf-8',
      page('Dev org', '<h1>Workstation dev org</h1><p>An Okta-compatible org for development and tests.</p>'),
    );
  }
  await oidc(req, res);
}

/** Lets the provider handle the request, then drops the connection instead of answering. */
function loseResponse(req: IncomingMessage, res: ServerResponse): void {
  const drop = () => {
    req.socket.destroy();
    return res;
  };
  res.writeHead = drop as unknown as ServerResponse['writeHead'];
  res.write = (() => true) as unknown as ServerResponse['write'];
  res.end = drop as unknown as ServerResponse['end'];
}

/**
 * Okta: "revoking only the access token leaves the refresh token usable" (okta-api.md §4.5), while
 * oidc-provider revokes every token of the grant. An access token is revoked here, alone; anything
 * else goes on to the provider with the body already read. Resolves whether it answered.
 */
async function revokeAccessTokenOnly(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  const token = params.get('token') ?? '';
  const accessToken = token ? await deps.provider.AccessToken.find(token) : undefined;
  if (accessToken && accessToken.clientId === params.get('client_id')) {
    await accessToken.destroy();
    res.writeHead(200);
    res.end();
    return true;
  }
  // oidc-provider reads an already-consumed body from req.body.
  (req as IncomingMessage & { body?: Record<string, string> }).body = Object.fromEntries(params);
  return false;
}
