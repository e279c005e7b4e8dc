import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import type { WebAuthFlow } from '@/lib/platform/ports';
import { httpLoginFlow } from '../../fakes/http-login-flow';
import { makeHarness, REDIRECT_URI, startOrg, type Harness } from './harness';

let devOrg: DevOrg;
let h: Harness;

beforeAll(async () => {
  devOrg = await startOrg();
});
afterAll(async () => {
  await devOrg?.close();
});
beforeEach(() => {
  h = makeHarness(devOrg);
});

/** A login flow that signs in for real, then lets the test rewrite the redirect the product receives. */
function forgedFlow(rewrite: (redirect: URL, requested: URL) => string): WebAuthFlow {
  const real = httpLoginFlow(REDIRECT_URI, () => h.login);
  return {
    redirectUri: () => REDIRECT_URI,
    async launch(url, interactive) {
      const redirect = new URL(await real.launch(url, interactive));
      return rewrite(redirect, new URL(url));
    },
  };
}

const tokenRequests = () => h.seen.filter((request) => new URL(request.url).pathname === '/oauth2/v1/token');

async function expectRefused(code: string | RegExp): Promise<void> {
  const state = await h.workstation.handlers.signIn({}, {});
  expect(state.session.signedIn).toBe(false);
  if (typeof code === 'string') expect(state.error?.code).toBe(code);
  else expect(state.error?.code).toMatch(code);
  expect(h.platform.local.values.has('auth.session')).toBe(false);
  expect(h.platform.session.values.has('auth.access')).toBe(false);
  expect(await h.workstation.handlers.search({ query: 'salesforce' }, {})).toEqual([]);
}

describe('a forged or broken redirect back from Okta', () => {
  it('refuses a redirect whose state is not the one sent, without exchanging its code', async () => {
    h.platform.webAuthFlow = forgedFlow((redirect) => {
      redirect.searchParams.set('state', 'forged-state');
      return redirect.href;
    });
    await expectRefused('AUTH_FAILED');
    expect(tokenRequests()).toEqual([]);
  });

  it('refuses a redirect without a state', async () => {
    h.platform.webAuthFlow = forgedFlow((redirect) => {
      redirect.searchParams.delete('state');
      return redirect.href;
    });
    await expectRefused('AUTH_FAILED');
    expect(tokenRequests()).toEqual([]);
  });

  it('refuses a redirect whose iss names another issuer (mix-up attack, RFC 9207)', async () => {
    h.platform.webAuthFlow = forgedFlow((redirect) => {
      redirect.searchParams.set('iss', 'https://evil.example');
      return redirect.href;
    });
    await expectRefused('AUTH_FAILED');
    expect(tokenRequests()).toEqual([]);
  });

  it('says the account is not assigned when Okta redirects back with error=access_denied', async () => {
    h.platform.webAuthFlow = forgedFlow((_redirect, requested) => {
      const back = new URL(REDIRECT_URI);
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', '<script>alert(1)</script>');
      back.searchParams.set('state', requested.searchParams.get('state') ?? '');
      back.searchParams.set('iss', devOrg.url);
      return back.href;
    });
    await expectRefused('AUTH_NOT_ASSIGNED');
    const state = await h.workstation.viewState();
    expect(state.error?.message).not.toContain('<script>');
  });

  it('does not trust an error redirect that carries someone else’s state', async () => {
    h.platform.webAuthFlow = forgedFlow(() => {
      const back = new URL(REDIRECT_URI);
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('state', 'forged-state');
      back.searchParams.set('iss', devOrg.url);
      return back.href;
    });
    await expectRefused('AUTH_FAILED');
  });

  it('refuses a redirect that carries an access token in the fragment (implicit-flow injection)', async () => {
    h.platform.webAuthFlow = forgedFlow(
      (_redirect, requested) =>
        `${REDIRECT_URI}#access_token=evil&token_type=Bearer&state=${requested.searchParams.get('state')}`,
    );
    await expectRefused(/AUTH_FAILED|NETWORK/);
  });
});

/** Rewrites the claims of the ID token in the token endpoint's answer (signature left as it was). */
function tamperIdToken(change: (claims: Record<string, unknown>) => void) {
  h.routes.push(async (url, init) => {
    if (url.pathname !== '/oauth2/v1/token') return undefined;
    const answer = await fetch(url, init);
    const body = (await answer.json()) as Record<string, unknown>;
    if (typeof body.id_token === 'string') {
      const [header, payload, signature] = body.id_token.split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
        string,
        unknown
      >;
      change(claims);
      body.id_token = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join(
        '.',
      );
    }
    return new Response(JSON.stringify(body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
}

describe('an ID token that is not for this sign-in', () => {
  it('refuses an ID token issued to another client (audience)', async () => {
    tamperIdToken((claims) => {
      claims.aud = '0oaSOMEOTHERAPP';
    });
    await expectRefused('AUTH_FAILED');
  });

  it('refuses an ID token from another issuer', async () => {
    tamperIdToken((claims) => {
      claims.iss = 'https://evil.example';
    });
    await expectRefused('AUTH_FAILED');
  });

  it('refuses an ID token whose nonce is not the one sent (replay)', async () => {
    tamperIdToken((claims) => {
      claims.nonce = 'replayed-nonce';
    });
    await expectRefused('AUTH_FAILED');
  });

  it('refuses an expired ID token', async () => {
    tamperIdToken((claims) => {
      claims.exp = Math.floor(Date.now() / 1000) - 3600;
      claims.iat = Math.floor(Date.now() / 1000) - 7200;
    });
    await expectRefused('AUTH_FAILED');
  });

  it('refuses a token answer without an ID token', async () => {
    h.routes.push(async (url, init) => {
      if (url.pathname !== '/oauth2/v1/token') return undefined;
      const body = (await (await fetch(url, init)).json()) as Record<string, unknown>;
      delete body.id_token;
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    });
    await expectRefused('AUTH_FAILED');
  });
});

describe('Okta’s token endpoint failing', () => {
  it('leaves the employee signed out with a sentence when the code exchange answers 500', async () => {
    devOrg.faults.tokenServerErrorNext = 1;
    await expectRefused(/AUTH_FAILED|OKTA_SERVER|NETWORK/);
  });

  it('keeps the session and the data when the refresh answers 500, and the next sync recovers', async () => {
    await h.signInAndSync();
    const good = await h.workstation.viewState();
    devOrg.faults.tokenServerErrorNext = 1;
    h.platform.clockMs += 2 * 60 * 60 * 1000;
    await h.workstation.startSync();
    const failed = await h.workstation.viewState();
    expect(failed.session.signedIn).toBe(true);
    expect(failed.sync).toMatchObject({ apps: good.sync.apps, people: good.sync.people });
    expect(await h.storedCounts()).toEqual({ apps: good.sync.apps, people: good.sync.people });
    await h.workstation.startSync();
    const recovered = await h.workstation.viewState();
    expect(recovered.session.signedIn).toBe(true);
    expect(recovered.sync.error).toBeUndefined();
  });
});
