import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '@/lib/messaging/protocol';
import { dispatch } from '@/lib/messaging/serve';

const own = {
  id: 'hoehbjejopceicelemflmpablooiofpi',
  origin: 'chrome-extension://hoehbjejopceicelemflmpablooiofpi/',
};
const context = async () => ({});

function spyHandlers() {
  const calls: string[] = [];
  const handler = (name: string) =>
    vi.fn(async () => {
      calls.push(name);
      return 'ok';
    });
  const handlers = Object.fromEntries(
    ['getState', 'signIn', 'signOut', 'syncNow', 'search', 'quickActionsView', 'openApp', 'emailPerson'].map(
      (n) => [n, handler(n)],
    ),
  ) as unknown as Handlers;
  return { handlers, calls };
}

const request = { workstation: 1, name: 'signOut', payload: undefined };

describe('messages from anything but the extension’s own pages', () => {
  const strangers: Array<[string, { id?: string; url?: string; tab?: { id?: number } }]> = [
    ['a content script on a web page', { id: own.id, url: 'https://evil.example/', tab: { id: 3 } }],
    [
      'another extension',
      {
        id: 'abcdefghijklmnopabcdefghijklmnop',
        url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html',
      },
    ],
    [
      'another extension claiming our origin in its URL',
      { id: 'abcdefghijklmnopabcdefghijklmnop', url: `${own.origin}newtab.html` },
    ],
    [
      'a page whose origin only starts like ours',
      { id: own.id, url: 'chrome-extension://hoehbjejopceicelemflmpablooiofpi.evil/' },
    ],
    ['a sender without an id', { url: `${own.origin}newtab.html` }],
    ['a sender without a URL', { id: own.id }],
    ['a web page with our origin in its path', { id: own.id, url: `https://evil.example/${own.origin}` }],
    ['a data: URL', { id: own.id, url: 'data:text/html,hi' }],
  ];
  for (const [who, sender] of strangers) {
    it(`refuses ${who} and runs no handler`, async () => {
      const { handlers, calls } = spyHandlers();
      const answer = await dispatch(handlers, request, sender, own, context);
      expect(answer).toMatchObject({ ok: false });
      expect(calls).toEqual([]);
    });
  }
});

describe('malformed envelopes', () => {
  it('ignores messages that are not Workstation requests, so other listeners may answer', () => {
    const { handlers, calls } = spyHandlers();
    for (const message of [
      undefined,
      null,
      'signOut',
      42,
      [],
      {},
      { workstation: 2, name: 'signOut' },
      { workstation: '1', name: 'signOut' },
      { workstation: 1 },
      { workstation: 1, name: 7 },
    ]) {
      expect(
        dispatch(handlers, message, { id: own.id, url: `${own.origin}newtab.html` }, own, context),
      ).toBeUndefined();
    }
    expect(calls).toEqual([]);
  });

  it('refuses request names that are not handlers, including the prototype’s', async () => {
    const { handlers, calls } = spyHandlers();
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'deleteEverything',
      '',
    ]) {
      const answer = await dispatch(
        handlers,
        { workstation: 1, name, payload: {} },
        { id: own.id, url: `${own.origin}newtab.html` },
        own,
        context,
      );
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    }
    expect(calls).toEqual([]);
  });
});
