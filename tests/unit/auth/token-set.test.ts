import { describe, expect, it } from 'vitest';
import { needsRefresh, REFRESH_AHEAD_MS, tokenSetFrom } from '@/lib/auth/token-set';

describe('token sets', () => {
  it('ask for a refresh shortly before the access token expires, not after', () => {
    const tokens = { accessToken: 'a', expiresAt: 1_000_000, scope: 'openid' };
    expect(needsRefresh(tokens, 1_000_000 - REFRESH_AHEAD_MS - 1)).toBe(false);
    expect(needsRefresh(tokens, 1_000_000 - REFRESH_AHEAD_MS)).toBe(true);
  });

  it('keep the previous refresh and ID tokens when a refresh answer omits them', () => {
    const previous = {
      accessToken: 'old',
      expiresAt: 0,
      scope: 'openid',
      refreshToken: 'rt1',
      idToken: 'id1',
    };
    const next = tokenSetFrom(
      { access_token: 'new', token_type: 'bearer', expires_in: 3600 },
      1000,
      previous,
    );
    expect(next).toEqual({
      accessToken: 'new',
      expiresAt: 3_601_000,
      scope: 'openid',
      refreshToken: 'rt1',
      idToken: 'id1',
    });
  });
});
