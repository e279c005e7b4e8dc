import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Workstation } from '@/lib/background/workstation';
import { dispatch } from '@/lib/messaging/serve';
import { fakePlatform } from '../../fakes/fake-platform';

const own = {
  id: 'hoehbjejopceicelemflmpablooiofpi',
  origin: 'chrome-extension://hoehbjejopceicelemflmpablooiofpi/',
};
const page = { id: own.id, url: `${own.origin}newtab.html`, tab: { id: 1 } };

function workstation(): Workstation {
  const platform = fakePlatform(
    {
      redirectUri: () => 'https://x.chromiumapp.org/',
      launch: async () => Promise.reject(new Error('The user did not approve access.')),
    },
    { policy: {} },
  );
  return new Workstation(
    platform,
    { oktaDomain: 'acme.okta.com', clientId: '0oaACME' },
    `messaging-${Math.random()}`,
  );
}

/** Calls dispatch the way the background's onMessage listener does, catching a synchronous throw. */
function send(ws: Workstation, name: string, payload: unknown): Promise<unknown> {
  try {
    const answer = dispatch(ws.handlers, { workstation: 1, name, payload }, page, own, () =>
      ws.sentenceContext(),
    );
    return answer ?? Promise.resolve('no answer');
  } catch (error) {
    return Promise.resolve({ threwSynchronously: String(error) });
  }
}

describe('requests from our own pages with malformed payloads', () => {
  it('answers a signIn without a payload (its options are optional) instead of throwing inside the listener', async () => {
    const answer = await send(workstation(), 'signIn', undefined);
    expect(answer).toMatchObject({
      ok: true,
      value: expect.objectContaining({ session: { signedIn: false } }),
    });
  });

  it('answers malformed search, openApp and emailPerson payloads as a bad request, not as “you seem to be offline”', async () => {
    const ws = workstation();
    const bad: Array<[string, unknown]> = [
      ['search', undefined],
      ['search', { query: 42 }],
      ['search', { query: ['a'] }],
      ['openApp', null],
      ['emailPerson', null],
    ];
    for (const [name, payload] of bad) {
      const answer = (await send(ws, name, payload)) as { ok?: boolean; error?: { code: string } };
      expect(answer, `${name} ${JSON.stringify(payload)}`).toMatchObject({ ok: false });
      expect(answer.error?.code, `${name} ${JSON.stringify(payload)}`).not.toBe('NETWORK');
    }
  });
});
