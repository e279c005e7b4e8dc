import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { errorSentence, messages, text } from '@/lib/i18n/messages';

const file = JSON.parse(
  readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

describe('the one messages file', () => {
  test('is in the browser’s _locales format: valid keys, and every $NAME$ placeholder declared', () => {
    for (const [key, entry] of Object.entries(file)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(typeof entry.message).toBe('string');
      const used = [...entry.message.matchAll(/\$(\w+)\$/g)].map((match) => match[1]!.toLowerCase());
      const declared = Object.keys(entry.placeholders ?? {});
      expect(new Set(used), key).toEqual(new Set(declared));
      for (const placeholder of Object.values(entry.placeholders ?? {})) {
        expect(placeholder.content).toMatch(/^\$[1-9]$/);
      }
    }
  });

  test('names the extension for the manifest', () => {
    expect(file.extName?.message).toBe('Workstation');
    expect(file.extDescription?.message).toBeTruthy();
    expect(file.commandSearch?.message).toBeTruthy();
  });

  test('fills placeholders by name and keeps a literal dollar sign', () => {
    expect(messages.copyEmail('Ana Ruiz')).toBe('Copy email of Ana Ruiz');
    expect(messages.synced('just now', 1200, 3)).toBe('Synced just now · 1,200 apps · 3 people');
    expect(text('noResults', { query: 'a $$ b' })).toContain('a $$ b');
  });

  test('gives every error code a sentence with the org host filled in', () => {
    expect(errorSentence('NETWORK', { host: 'acme.okta.com' })).toContain('acme.okta.com');
    expect(errorSentence('AUTH_REDIRECT_URI', { redirectUri: 'https://x.chromiumapp.org/' })).toContain(
      'https://x.chromiumapp.org/',
    );
    expect(errorSentence('OKTA_SERVER')).toContain('your Okta org');
  });
});
