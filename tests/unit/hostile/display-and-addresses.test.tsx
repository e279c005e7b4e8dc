// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { initials } from '@/components/AppLogo';
import { Highlighted } from '@/components/Highlighted';
import { mailtoUrl } from '@/lib/actions/mailto';
import { isPlainEmail } from '@/lib/actions/plain-email';
import { isWebUrl } from '@/lib/okta/is-web-url';
import { mount } from '../components/render';

describe('addresses that only look plain', () => {
  test('an email with invisible format characters or a query in its domain is not one address', () => {
    for (const email of [
      'jane\u202e@acme.com',
      'ja\u200bne@acme.com',
      'a@b.c?cc=evil',
      'a@b.c/x',
      'a@b.c#x',
      'a@b.',
    ])
      expect([email, isPlainEmail(email), mailtoUrl(email)]).toEqual([email, false, undefined]);
    for (const email of [
      'jane.doe@acme.com',
      "o'brien@acme.com",
      'jürgen@müller.de',
      'a+tag@sub-domain.co.uk',
    ])
      expect([email, isPlainEmail(email)]).toEqual([email, true]);
  });

  test('a web URL with a user name or password is not opened', () => {
    expect(isWebUrl('https://acme.okta.com@evil.example/')).toBe(false);
    expect(isWebUrl('https://user:pw@acme.okta.com/')).toBe(false);
    expect(isWebUrl('https://acme.okta.com/home/app/1')).toBe(true);
  });
});

describe('what a tile or a result row shows for odd text', () => {
  test("an app's initials are its words' first letters, never a bracket, a mark or a control", () => {
    expect(initials('(Legacy) Mail')).toBe('LM');
    expect(initials('\u202eevil')).toBe('E');
    expect(initials('<script>alert')).toBe('S');
    expect(initials('\u0301\u0301')).toBe('?');
  });

  test('highlight ranges that are not whole indexes, or that split a character, are ignored', () => {
    const show = (text: string, ranges: Array<[number, number]>) => {
      const root = mount(<Highlighted text={text} ranges={ranges} />);
      return [root.textContent, [...root.querySelectorAll('mark')].map((mark) => mark.textContent)];
    };
    expect(show('Anna', [[Number.NaN, Number.NaN]])).toEqual(['Anna', []]);
    expect(show('Anna', [[1, Number.NaN]])).toEqual(['Anna', []]);
    expect(show('Anna', [[0.5, 2]])).toEqual(['Anna', []]);
    expect(show('😀 Anna', [[1, 3]])).toEqual(['😀 Anna', []]);
    expect(show('😀 Anna', [[3, 7]])).toEqual(['😀 Anna', ['Anna']]);
  });
});
