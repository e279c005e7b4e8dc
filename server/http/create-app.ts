import { Hono, type Context } from 'hono';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { PeopleStore } from '../store/people-store';
import { decodeCursor, encodeCursor } from '../store/cursor';
import type { SyncScheduler } from '../sync/sync-scheduler';
import type { EmployeeAuth } from './employee-auth';
import type { Metrics } from './metrics';
import type { Snapshot } from './snapshot-cache';

const gzip = promisify(gzipCallback);

/** What the HTTP API reads. */
export interface AppDeps {
  store: PeopleStore;
  snapshot: () => Promise<Snapshot>;
  scheduler: SyncScheduler;
  auth: EmployeeAuth;
  metrics: Metrics;
  corsOrigins: readonly string[];
  now: () => number;
}

const ROUTES: Record<string, string> = {
  '/v1/people': 'people',
  '/v1/people/changes': 'changes',
  '/healthz': 'healthz',
  '/metrics': 'metrics',
};

/** Builds the HTTP API of DESIGN.md, "Directory service API (v1)", on Hono. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const origins = new Set(deps.corsOrigins);

  app.use('*', async (c, next) => {
    const started = performance.now();
    const origin = c.req.header('origin');
    const cors = origin !== undefined && origins.has(origin);
    if (cors && c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET',
        'access-control-allow-headers': 'Authorization, If-None-Match',
        'access-control-max-age': '600',
        vary: 'Origin',
      });
    }
    await next();
    if (cors) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', 'ETag');
      c.res.headers.append('vary', 'Origin');
    }
    const route = ROUTES[c.req.path] ?? 'other';
    deps.metrics.observeRequest(route, c.res.status, (performance.now() - started) / 1000);
    return undefined;
  });

  app.use('/v1/*', async (c, next) => {
    const result = await deps.auth(c.req.header('authorization'));
    if ('status' in result) {
      const headers: Record<string, string> =
        result.status === 401
          ? { 'www-authenticate': `Bearer realm="workstation-directory", error="invalid_token"` }
          : {};
      return c.json({ error: result.error, message: result.message }, result.status, headers);
    }
    await next();
    return undefined;
  });

  app.get('/v1/people', async (c) => {
    const snapshot = await deps.snapshot();
    const useGzip = acceptsGzip(c.req.header('accept-encoding'));
    const etag = useGzip ? snapshot.gzipEtag : snapshot.etag;
    const common = { etag, 'cache-control': 'private, no-cache', vary: 'Accept-Encoding, Authorization' };
    if (matches(c.req.header('if-none-match'), [snapshot.etag, snapshot.gzipEtag])) {
      return c.body(null, 304, common);
    }
    const body = useGzip ? snapshot.gzipped : snapshot.json;
    return c.body(bytes(body), 200, {
      ...common,
      'content-type': 'application/json; charset=utf-8',
      ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
    });
  });

  app.get('/v1/people/changes', async (c) => {
    const since = c.req.query('since');
    if (!since)
      return c.json(
        { error: 'missing_since', message: 'Pass the cursor of your last answer as ?since=.' },
        400,
      );
    const version = decodeCursor(since, deps.store.databaseId);
    const changes = version === undefined ? ({ gone: true } as const) : deps.store.changesSince(version);
    if (changes.gone) {
      return c.json(
        {
          error: 'cursor_expired',
          message: 'This cursor is too old or unknown; take the full snapshot from /v1/people.',
        },
        410,
      );
    }
    const cursor = JSON.stringify(encodeCursor(deps.store.databaseId, changes.version));
    const text = `{"cursor":${cursor},"upserts":[${changes.upserts.join(',')}],"removed":${JSON.stringify(changes.removed)}}`;
    return sendJsonText(c, text);
  });

  app.get('/healthz', (c) => {
    const last = deps.scheduler.last();
    const lastSuccess = Number(deps.store.getMeta('lastSuccessAt') ?? 0);
    const people = deps.store.count();
    const base = {
      people,
      lastSuccessfulSync: lastSuccess ? new Date(lastSuccess).toISOString() : null,
    };
    if (!lastSuccess) {
      const reason =
        last?.ok === false
          ? `The first Okta sync failed: ${last.error}`
          : 'The first Okta sync has not finished yet.';
      return c.json({ status: 'starting', reason, ...base }, 503);
    }
    if (last && !last.ok) {
      const reason = `The last Okta sync (${last.kind}, ${new Date(last.at).toISOString()}) failed: ${last.error} Serving the people synced before.`;
      return c.json({ status: 'degraded', reason, ...base });
    }
    return c.json({ status: 'ok', ...base });
  });

  app.get('/metrics', (c) => {
    const lastSuccess = Number(deps.store.getMeta('lastSuccessAt') ?? 0);
    const text = deps.metrics.render({
      directory_people: { help: 'People the directory serves.', value: deps.store.count() },
      directory_last_successful_sync_timestamp_seconds: {
        help: 'When the last Okta sync succeeded (Unix seconds; 0 = never).',
        value: Math.floor(lastSuccess / 1000),
      },
      directory_last_sync_failed: {
        help: '1 when the last Okta sync failed, else 0.',
        value: deps.scheduler.last()?.ok === false ? 1 : 0,
      },
    });
    return c.body(text, 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  app.notFound((c) =>
    c.json({ error: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` }, 404),
  );
  app.onError((error, c) => {
    console.error('directory: request failed:', error instanceof Error ? error.message : error);
    return c.json({ error: 'internal', message: 'The directory service failed to answer.' }, 500);
  });
  return app;
}

async function sendJsonText(c: Context, text: string): Promise<Response> {
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    vary: 'Accept-Encoding',
  };
  if (text.length > 1024 && acceptsGzip(c.req.header('accept-encoding'))) {
    return c.body(bytes(await gzip(text)), 200, { ...headers, 'content-encoding': 'gzip' });
  }
  return c.body(text, 200, headers);
}

function acceptsGzip(header: string | undefined): boolean {
  return /(^|,)\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*($|,))[\d.]+)?\s*($|,)/i.test(header ?? '');
}

// If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored.
function matches(header: string | undefined, etags: readonly string[]): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => etags.includes(tag.trim().replace(/^W\//, '')));
}

function bytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}
