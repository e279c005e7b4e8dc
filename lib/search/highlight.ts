import { normalizeText } from './normalize';
import { typoDistance } from './typo-distance';

// A word as displayed: letters, digits and marks, with the apostrophes that normalisation drops.
const SEGMENT_RE = /[\p{L}\p{N}\p{M}'’‘ʼʻ`´′＇]+/gu;

interface Segment {
  start: number;
  end: number;
  /** Index of the whitespace-separated chunk the segment belongs to ("Duval-Smith" is one chunk). */
  chunk: number;
}

function segmentsOf(display: string): Segment[] {
  const segments: Segment[] = [];
  let chunk = 0;
  let last = 0;
  for (const match of display.matchAll(SEGMENT_RE)) {
    if (/\s/u.test(display.slice(last, match.index))) chunk++;
    segments.push({ start: match.index, end: match.index + match[0].length, chunk });
    last = match.index + match[0].length;
  }
  return segments;
}

function compact(text: string): string {
  return normalizeText(text).replaceAll(' ', '');
}

// Folded forms of single characters with their combining marks; a display name has few distinct ones.
const foldedUnits = new Map<string, string>();
const MARK_RE = /\p{M}/u;

function foldUnit(unit: string): string {
  let folded = foldedUnits.get(unit);
  if (folded === undefined) {
    folded = compact(unit);
    if (foldedUnits.size < 50_000) foldedUnits.set(unit, folded);
  }
  return folded;
}

/** The end of the shortest stretch of `display` from `start` to `limit` whose folded form covers `word`. */
function coverEnd(display: string, start: number, limit: number, word: string): number | undefined {
  let end = start;
  let folded = '';
  while (end < limit) {
    // One character with the marks that follow it, folded on its own and cached.
    let next = end + ((display.codePointAt(end) as number) > 0xffff ? 2 : 1);
    while (next < limit && MARK_RE.test(display.charAt(next))) next++;
    folded += foldUnit(display.slice(end, next));
    end = next;
    if (folded.length >= word.length) return folded.startsWith(word) ? end : undefined;
    if (!word.startsWith(folded)) return undefined;
  }
  return undefined;
}

/**
 * Best-effort character ranges of `display` (an app label or a person's display name) that the query
 * words matched: the matched start of a word, of a hyphenated compound, or of a later part of a name
 * written without spaces; a whole word when it only matched with a typo.
 */
export function highlightRanges(
  display: string,
  words: readonly { text: string; maxDistance: number }[],
): Array<[start: number, end: number]> {
  const segments = segmentsOf(display);
  const ranges: Array<[number, number]> = [];
  for (const word of words) {
    const range = prefixRange(display, segments, word.text) ?? typoRange(display, segments, word);
    if (range !== undefined) ranges.push(range);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && range[0] <= prev[1]) prev[1] = Math.max(prev[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function prefixRange(
  display: string,
  segments: readonly Segment[],
  word: string,
): [number, number] | undefined {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    let chunkEnd = segment.end;
    for (let j = i + 1; j < segments.length && (segments[j] as Segment).chunk === segment.chunk; j++) {
      chunkEnd = (segments[j] as Segment).end;
    }
    const end = coverEnd(display, segment.start, chunkEnd, word);
    if (end !== undefined) return [segment.start, end];
  }
  // A later part of a name written without spaces (王小明 found by 小明).
  for (const segment of segments) {
    for (let start = segment.start + 1; start < segment.end; start++) {
      const end = coverEnd(display, start, segment.end, word);
      if (end !== undefined) return [start, end];
    }
  }
  return undefined;
}

function typoRange(
  display: string,
  segments: readonly Segment[],
  word: { text: string; maxDistance: number },
): [number, number] | undefined {
  if (word.maxDistance === 0) return undefined;
  for (const segment of segments) {
    const folded = compact(display.slice(segment.start, segment.end));
    if (folded !== '' && typoDistance(word.text, folded, word.maxDistance) <= word.maxDistance)
      return [segment.start, segment.end];
  }
  // A typo in a half-typed word: the word it begins is marked whole, as for any typo.
  const { text, maxDistance } = word;
  for (const segment of segments) {
    const folded = compact(display.slice(segment.start, segment.end));
    for (let length = Math.max(1, text.length - maxDistance); length <= text.length + maxDistance; length++) {
      if (length > folded.length) break;
      if (typoDistance(text, folded.slice(0, length), maxDistance) <= maxDistance)
        return [segment.start, segment.end];
    }
  }
  return undefined;
}
