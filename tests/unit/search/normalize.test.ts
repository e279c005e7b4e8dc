import { describe, expect, it } from 'vitest';
import type { App, Person } from '../../../lib/records';
import { normalizeText } from '../../../lib/search/normalize';
import { search } from '../../../lib/search/search';
import { buildSearchIndex } from '../../../lib/search/search-index';

const noApps: App[] = [];

function person(id: string, displayName: string, extra: Partial<Person> = {}): Person {
  return { id, displayName, ...extra };
}

function topIds(people: Person[], query: string): string[] {
  return search(buildSearchIndex(noApps, people), query).map((r) =>
    r.kind === 'person' ? r.person.id : r.app.id,
  );
}

describe('normalizeText', () => {
  it('lowercases and trims', () => {
    expect(normalizeText('  Jane   DOE ')).toBe('jane doe');
  });

  it('removes decomposable diacritics', () => {
    expect(normalizeText('Renée Çelik Ñúñez Åsa Ærø')).toBe('renee celik nunez asa aero');
  });

  it.each([
    ['Łukasz', 'lukasz'],
    ['Søren', 'soren'],
    ['Æsir', 'aesir'],
    ['Straße', 'strasse'],
    ['ẞ', 'ss'],
    ['Đorđe', 'dorde'],
    ['Yılmaz', 'yilmaz'],
    ['İstanbul', 'istanbul'],
    ['Þórunn', 'thorunn'],
    ['Guðrún', 'gudrun'],
    ['Œuvre', 'oeuvre'],
    ['Ħamrun', 'hamrun'],
  ])('folds the undecomposable letter in %s to %s', (text, folded) => {
    expect(normalizeText(text)).toBe(folded);
  });

  it('removes straight, curly and modifier apostrophes inside words', () => {
    expect(normalizeText("O'Brien")).toBe('obrien');
    expect(normalizeText('O’Brien')).toBe('obrien');
    expect(normalizeText('Oʼbrien')).toBe('obrien');
  });

  it('turns hyphens, dots and at signs into word breaks', () => {
    expect(normalizeText('Duval-Smith')).toBe('duval smith');
    expect(normalizeText('jane.doe@example.com')).toBe('jane doe example com');
  });

  it('keeps letters of every script, dropping only optional pointing', () => {
    expect(normalizeText('王小明')).toBe('王小明');
    expect(normalizeText('Иван Петров')).toBe('иван петров');
    expect(normalizeText('Ελένη')).toBe('ελενη');
    expect(normalizeText('مُحَمَّد')).toBe('محمد');
    expect(normalizeText('שָׁלוֹם')).toBe('שלום');
    expect(normalizeText('สมชาย ใจดี')).toBe('สมชาย ใจดี');
    expect(normalizeText('प्रिया')).toBe('प्रिया');
    expect(normalizeText('김민준')).toBe('김민준');
    expect(normalizeText('ｶﾀｶﾅ')).toBe('カタカナ');
  });
});

describe('searching through normalisation', () => {
  const people = [
    person('obrien', "Seán O'Brien", { email: 'sean.obrien@example.com' }),
    person('duval', 'Anne Duval-Smith', { email: 'anne.duvalsmith@example.com' }),
    person('jane', 'Janet Doerr', { email: 'jane.doe@example.com' }),
    person('lukasz', 'Łukasz Wiśniewski'),
    person('gross', 'Hans Groß'),
    person('wang', '王小明'),
    person('yamada', '山田 太郎'),
    person('kim', '김민준'),
    person('ivan', 'Иван Петров'),
    person('eleni', 'Ελένη Γεωργίου'),
    person('mohammed', 'محمد علي'),
    person('david', 'דוד כהן'),
    person('somchai', 'สมชาย ใจดี'),
    person('priya', 'प्रिया शर्मा'),
  ];

  it.each(['obrien', "o'brien", 'o’brien', "O'B", 'sean'])('finds O’Brien by %s', (query) => {
    expect(topIds(people, query)[0]).toBe('obrien');
  });

  it.each(['duval', 'smith', 'duval smith', 'duval-smith', 'duvalsmith', 'Duval-Sm'])(
    'finds Duval-Smith by %s',
    (query) => {
      expect(topIds(people, query)[0]).toBe('duval');
    },
  );

  it.each(['jane.doe@', 'jane', 'doe', 'jane.doe', 'jane.doe@exa'])(
    'finds the owner of jane.doe@ by %s',
    (query) => {
      expect(topIds(people, query)).toContain('jane');
    },
  );

  it('does not find an email whose domain does not start with the typed domain', () => {
    expect(topIds(people, 'jane.doe@other')).toEqual([]);
  });

  it.each([
    ['lukasz wisniewski', 'lukasz'],
    ['ŁUKASZ', 'lukasz'],
    ['gross', 'gross'],
    ['groß', 'gross'],
  ])('finds a name with undecomposable letters by %s', (query, id) => {
    expect(topIds(people, query)[0]).toBe(id);
  });

  it.each([
    ['王', 'wang'],
    ['王小', 'wang'],
    ['王小明', 'wang'],
    ['小明', 'wang'],
    ['山田', 'yamada'],
    ['太郎', 'yamada'],
    ['김', 'kim'],
    ['민준', 'kim'],
    ['иван', 'ivan'],
    ['Петр', 'ivan'],
    ['ελενη', 'eleni'],
    ['Ελένη Γεω', 'eleni'],
    ['محمد', 'mohammed'],
    ['דוד', 'david'],
    ['สมชาย', 'somchai'],
    ['प्रिया', 'priya'],
  ])('finds a name in its own script by %s', (query, id) => {
    expect(topIds(people, query)[0]).toBe(id);
  });
});
