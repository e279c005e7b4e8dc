import { describe, expect, it } from 'vitest';
import { needsRefresh, REFRESH_AHEAD_MS, tokenSetFrom } from '@/lib/auth/token-set';

describe('token sets', () => {
  it('ask for a refresh shortly before the access token expires, not after', () => {
    const tokens = { expiresAt: 4_000_000, issuedAt: 400_000 };
    expect(needsRefresh(tokens, 4_000_000 - REFRESH_AHEAD_MS - 1)).toBe(false);
    expect(needsRefresh(tokens, 4_000_000 - REFRESH_AHEAD_MS)).toBe(true);
  });

  it('refresh a short-lived token a quarter of its life ahead, not on every use', () => {
    const tokens = { expiresAt: 60_000, issuedAt: 0 };
    expect(needsRefresh(tokens, 44_999)).toBe(false);
    expect(needsRefresh(tokens, 45_000)).toBe(true);
  });

  it('keep the previous refresh and ID tokens when a refresh answer omits them', () => {
    const previous = {
      accessToken: 'old',
      expiresAt: 0,
      issuedAt: 0,
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
      issuedAt: 1000,
      scope: 'openid',
      refreshToken: 'rt1',
      idToken: 'id1',
    });
  });
});
