import { describe, expect, it } from 'vitest';
import { loadOrgConfig } from '@/lib/background/org-config';
import { memoryArea } from '../../fakes/fake-platform';

// DESIGN.md, "Settings and policy": directoryUrl is `https:`, `http:` only on loopback. The employee's
// Okta token will be sent there, so a bad value must be refused (and said so) when policy is read.
describe('directoryUrl from managed policy', () => {
  it.each([
    'javascript:alert(1)',
    'http://directory.evil.example',
    'file:///etc/passwd',
    'directory.acme.example',
    'https://user:pass@directory.acme.example',
  ])('refuses %s with a warning', async (directoryUrl) => {
    const config = await loadOrgConfig(
      { read: async () => ({ oktaDomain: 'acme.okta.com', clientId: '0oaACME', directoryUrl }) },
      memoryArea(),
      {},
    );
    expect(config.settings.directoryUrl).toBe('');
    expect(config.warnings.some((warning) => warning.key === 'directoryUrl')).toBe(true);
  });
});
