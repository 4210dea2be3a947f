/**
 * One seeded random stream (mulberry32), small, fast and deterministic: tests that make up words,
 * lists or publications check the same ones on every run, and the corpus generators (scripts/)
 * write the same corpus for the same seed.
 */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The draws the corpus generators make, all from one stream of `random`. */
export function seededRandom(seed: number) {
  const next = random(seed);
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  /** Skewed towards the start of the list, like word use (Zipf-like). */
  const pickSkewed = <T>(list: readonly T[]): T =>
    list[Math.floor(list.length * next() ** 2.5)] as T;
  /** A value drawn by its share (the shares add up to 1; the first if rounding leaves a gap). */
  const pickShare = <T>(shares: readonly (readonly [T, number])[]): T => {
    let roll = next();
    for (const [value, share] of shares) {
      if (roll < share) return value;
      roll -= share;
    }
    return (shares[0] as readonly [T, number])[0];
  };
  return { next, int, pick, pickSkewed, pickShare };
}

export type Random = ReturnType<typeof seededRandom>;
