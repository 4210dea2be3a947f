import { describe, expect, it } from 'vitest';
import { random, seededRandom } from './random.ts';

const draws = <T>(next: () => T, count: number): T[] => Array.from({ length: count }, next);

describe('random', () => {
  it('gives the same numbers for the same seed, other numbers for another', () => {
    expect(draws(random(42), 50)).toEqual(draws(random(42), 50));
    expect(draws(random(43), 50)).not.toEqual(draws(random(42), 50));
  });

  it('keeps the numbers it has always given (generated corpora are compared across runs)', () => {
    expect(draws(random(1), 3)).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
  });

  it('gives numbers from 0 up to, not including, 1', () => {
    const values = draws(random(7), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});

describe('seededRandom', () => {
  it('draws from the same stream as random', () => {
    const rng = seededRandom(5);
    expect(draws(rng.next, 20)).toEqual(draws(random(5), 20));
  });

  it('draws whole numbers below the maximum, each of them', () => {
    const rng = seededRandom(3);
    const seen = new Set(draws(() => rng.int(6), 1000));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('draws values by their share', () => {
    const rng = seededRandom(11);
    const shares = [
      ['a', 0.7],
      ['b', 0.2],
      ['c', 0.1],
    ] as const;
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[rng.pickShare(shares)]++;
    expect(counts.a / 20_000).toBeCloseTo(0.7, 1);
    expect(counts.b / 20_000).toBeCloseTo(0.2, 1);
    expect(counts.c / 20_000).toBeCloseTo(0.1, 1);
  });

  it('falls back to the first value when the shares leave a gap', () => {
    const rng = seededRandom(2);
    const picks = new Set(
      draws(
        () =>
          rng.pickShare([
            ['first', 0],
            ['never', 0],
          ] as const),
        20,
      ),
    );
    expect([...picks]).toEqual(['first']);
  });

  it('picks the start of a list more often than its end when skewed', () => {
    const rng = seededRandom(9);
    const list = Array.from({ length: 100 }, (_, i) => i);
    const picks = draws(() => rng.pickSkewed(list), 10_000);
    const firstTenth = picks.filter((value) => value < 10).length;
    const lastTenth = picks.filter((value) => value >= 90).length;
    expect(firstTenth).toBeGreaterThan(5 * lastTenth);
    expect(picks.every((value) => list.includes(value))).toBe(true);
  });
});
