import { describe, expect, it } from 'vitest';
import { browserFamily, hostPatterns, originPatternOf } from '@/lib/platform/browser-differences';

describe('browser differences', () => {
  it('tells Firefox from Chromium browsers by the extension URL', () => {
    expect(browserFamily('moz-extension://6f3c2a4e-1b2d-4c5e-9f00-0123456789ab/')).toBe('firefox');
    expect(browserFamily('chrome-extension://hoehbjejopceicelemflmpablooiofpi/')).toBe('chromium');
  });

  it('drops ports from host patterns for Firefox only, whose granted patterns cover every port', () => {
    const patterns = [
      'http://127.0.0.1:8419/*',
      'https://acme.okta.com/*',
      'https://dir.acme.example:8443/v1/*',
    ];
    expect(hostPatterns(patterns, 'firefox')).toEqual([
      'http://127.0.0.1/*',
      'https://acme.okta.com/*',
      'https://dir.acme.example/v1/*',
    ]);
    expect(hostPatterns(patterns, 'chromium')).toEqual(patterns);
  });

  it('names the pattern that covers a request by its origin', () => {
    expect(originPatternOf('https://acme.okta.com/oauth2/v1/token?x=1')).toBe('https://acme.okta.com/*');
    expect(originPatternOf('http://127.0.0.1:8419/api/v1/users')).toBe('http://127.0.0.1:8419/*');
  });
});
