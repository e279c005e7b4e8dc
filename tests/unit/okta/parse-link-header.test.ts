import { describe, expect, it } from 'vitest';
import { nextLink } from '@/lib/okta/parse-link-header';

describe('nextLink', () => {
  it('finds the next page when fetch joined Okta’s separate self and next headers', () => {
    const joined =
      '<https://acme.okta.com/api/v1/users?limit=200>; rel="self", <https://acme.okta.com/api/v1/users?after=00ud4tVDDXYVKPXKVLCO&limit=200>; rel="next"';
    expect(nextLink(joined)).toBe('https://acme.okta.com/api/v1/users?after=00ud4tVDDXYVKPXKVLCO&limit=200');
  });

  it('keeps commas that are inside a URL', () => {
    const joined =
      '<https://acme.okta.com/api/v1/users?fields=id,status&limit=200>; rel="self", <https://acme.okta.com/api/v1/users?fields=id,status&after=abc,def>; rel="next"';
    expect(nextLink(joined)).toBe('https://acme.okta.com/api/v1/users?fields=id,status&after=abc,def');
  });

  it('says there is no next page on the last page', () => {
    expect(nextLink('<https://acme.okta.com/api/v1/users?limit=200>; rel="self"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });

  it('accepts an unquoted rel and several relation types', () => {
    expect(nextLink('<https://a.example/p2>; rel=next')).toBe('https://a.example/p2');
    expect(nextLink('<https://a.example/p2>; rel="prefetch next"')).toBe('https://a.example/p2');
  });
});
