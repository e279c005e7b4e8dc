import { describe, expect, it } from 'vitest';
import type { Handlers } from '@/lib/messaging/protocol';
import { dispatch } from '@/lib/messaging/serve';

const own = {
  id: 'hoehbjejopceicelemflmpablooiofpi',
  origin: 'chrome-extension://hoehbjejopceicelemflmpablooiofpi/',
};
const handlers = {
  search: async ({ query }: { query: string }) => [{ kind: 'app', id: query }],
} as unknown as Handlers;
const context = async () => ({});

describe('dispatch', () => {
  it('answers the extension’s own pages', async () => {
    const answer = await dispatch(
      handlers,
      { workstation: 1, name: 'search', payload: { query: 'sl' } },
      { id: own.id, url: `${own.origin}newtab.html` },
      own,
      context,
    );
    expect(answer).toEqual({ ok: true, value: [{ kind: 'app', id: 'sl' }] });
  });

  it('refuses content scripts on web pages and other extensions', async () => {
    const fromWeb = await dispatch(
      handlers,
      { workstation: 1, name: 'search', payload: { query: 'sl' } },
      { id: own.id, url: 'https://evil.example/' },
      own,
      context,
    );
    const fromOther = await dispatch(
      handlers,
      { workstation: 1, name: 'search', payload: { query: 'sl' } },
      { id: 'otherextension', url: 'chrome-extension://otherextension/page.html' },
      own,
      context,
    );
    expect(fromWeb).toMatchObject({ ok: false });
    expect(fromOther).toMatchObject({ ok: false });
  });

  it('leaves messages that are not requests to other listeners, and refuses unknown names', async () => {
    expect(dispatch(handlers, { hello: 1 }, { id: own.id, url: own.origin }, own, context)).toBeUndefined();
    const unknown = await dispatch(
      handlers,
      { workstation: 1, name: 'toString', payload: undefined },
      { id: own.id, url: `${own.origin}x.html` },
      own,
      context,
    );
    expect(unknown).toMatchObject({ ok: false });
  });
});
