/** A seeded pseudo-random number generator returning floats in [0, 1). */
export type Random = () => number;

/**
 * Creates a mulberry32 generator: tiny, fast and good enough for synthetic data.
 * https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns an integer in [0, max). */
export function randomInt(random: Random, max: number): number {
  return Math.floor(random() * max);
}

/** Returns one element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[randomInt(random, items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Returns an Okta-style id: a three-character prefix (`00u`, `0oa`, `00g`, ...) and base62 characters, 20 in all. */
export function oktaId(random: Random, prefix: string): string {
  let id = prefix;
  while (id.length < 20) id += BASE62[randomInt(random, 62)];
  return id;
}
