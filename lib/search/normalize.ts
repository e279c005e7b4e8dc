// Letters that Unicode gives no decomposition, so NFKD alone leaves them as they are (minisearch #153).
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  ß: 'ss',
  đ: 'd',
  ı: 'i',
  þ: 'th',
  ð: 'd',
  œ: 'oe',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
  ſ: 's',
  ƒ: 'f',
  // NFKD turns ŀ into "l·", and the middle dot would then split the word.
  ŀ: 'l',
  ɨ: 'i',
  ʉ: 'u',
  ƀ: 'b',
  ɍ: 'r',
  ǥ: 'g',
  ɖ: 'd',
  ɗ: 'd',
  ɓ: 'b',
  ƙ: 'k',
  ƴ: 'y',
  ȥ: 'z',
  ς: 'σ',
};
const UNDECOMPOSED_RE = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'gu');

// Straight, curly and modifier apostrophes (and the look-alikes people type for them) join a word:
// "O'Brien" and "O’Brien" both become "obrien". Removed before NFKD, which turns ´ into a space + mark.
const APOSTROPHES_RE = /['’‘ʼʻ`´′＇]/gu;

// Marks are diacritics only on these scripts; on Thai, Devanagari, Kana… they are vowels or voicing and
// must stay. Arabic harakat and Hebrew niqqud are optional pointing, so they go too.
const DIACRITIC_RE =
  /([\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Common}])\p{M}+/gu;
const TATWEEL_RE = /\u0640/gu;
const SEPARATOR_RE = /[^\p{L}\p{N}\p{M}]+/gu;
const PRINTABLE_ASCII_RE = /^[\x20-\x7e]*$/;
const ASCII_SEPARATOR_RE = /[^a-z0-9]+/g;

/**
 * Folds text for matching: lower case, no diacritics (including letters such as ł, ø, æ, ß), no
 * apostrophes, and every other run of punctuation or space turned into one space; used for both the
 * indexed records and the typed query so both sides always agree.
 */
export function normalizeText(text: string): string {
  let folded = text.toLowerCase();
  if (PRINTABLE_ASCII_RE.test(folded)) {
    return folded.replace(APOSTROPHES_RE, '').replace(ASCII_SEPARATOR_RE, ' ').trim();
  }
  folded = folded
    .replace(APOSTROPHES_RE, '')
    .replace(UNDECOMPOSED_RE, (letter) => UNDECOMPOSED[letter] ?? letter)
    .normalize('NFKD')
    .replace(DIACRITIC_RE, '$1')
    .replace(TATWEEL_RE, '')
    // NFKD maps the full-width apostrophe to a straight one, and may expose undecomposed letters again.
    .replace(APOSTROPHES_RE, '')
    .replace(UNDECOMPOSED_RE, (letter) => UNDECOMPOSED[letter] ?? letter)
    // Recompose what is left (Hangul syllables, kana voicing) so a typed syllable equals an indexed one.
    .normalize('NFC');
  return folded.replace(SEPARATOR_RE, ' ').trim();
}

/** Splits normalised text into its words. */
export function normalizedWords(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}
