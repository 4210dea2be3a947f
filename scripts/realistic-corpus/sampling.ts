import { seededRandom, type Random } from '../../src/testing/random.ts';

/** Seeded draws for the realistic corpus: one stream per purpose, shuffles, Zipf's law. */

/** A separate random stream for each purpose, so that one does not shift another. */
export function streamFor(seed: number, purpose: string): Random {
  let hash = 0x811c9dc5;
  for (const char of purpose) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return seededRandom((seed ^ hash) >>> 0);
}

/** Shuffles `list` in place (Fisher–Yates) and returns it. */
export function shuffle<T>(rng: Random, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

/** A whole number from `min` to `max`, both included. */
export function between(rng: Random, range: { min: number; max: number }): number {
  return range.min + rng.int(range.max - range.min + 1);
}

/** Zipf's law over `size` ranks: the running sum of 1/r^exponent for r = 1…size. */
export function zipfCdf(size: number, exponent: number): Float64Array {
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let rank = 0; rank < size; rank++) cdf[rank] = sum += (rank + 1) ** -exponent;
  return cdf;
}

/** A position drawn by its weight, given the running sum of the weights (a binary search). */
export function drawFromCdf(cdf: Float64Array, rng: Random): number {
  const target = rng.next() * (cdf[cdf.length - 1] ?? 0);
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cdf[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}
