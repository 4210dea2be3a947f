import { describe, expect, it } from 'vitest';
import { between, drawFromCdf, shuffle, streamFor, zipfCdf } from './sampling.ts';

const draws = <T>(count: number, draw: () => T): T[] => Array.from({ length: count }, draw);

describe('streamFor', () => {
  it('gives the same draws for a seed and purpose, others for another purpose or seed', () => {
    const first = (seed: number, purpose: string) => draws(5, streamFor(seed, purpose).next);
    expect(first(1, 'tags:be')).toEqual(first(1, 'tags:be'));
    expect(first(1, 'tags:ru')).not.toEqual(first(1, 'tags:be'));
    expect(first(2, 'tags:be')).not.toEqual(first(1, 'tags:be'));
  });
});

describe("Zipf's law", () => {
  const counts = (size: number, exponent: number, total: number) => {
    const cdf = zipfCdf(size, exponent);
    const rng = streamFor(1, 'zipf');
    const seen = new Array<number>(size).fill(0);
    for (let i = 0; i < total; i++) {
      const rank = drawFromCdf(cdf, rng);
      seen[rank] = (seen[rank] ?? 0) + 1;
    }
    return seen;
  };

  it('draws rank r about 1/r^s as often as the first rank', () => {
    const seen = counts(1000, 1.1, 200_000);
    const first = seen[0] ?? 0;
    expect(first / (seen[1] ?? 1)).toBeCloseTo(2 ** 1.1, 0);
    expect(first / (seen[9] ?? 1) / 10 ** 1.1).toBeGreaterThan(0.85);
    expect(first / (seen[9] ?? 1) / 10 ** 1.1).toBeLessThan(1.15);
    const falling = seen
      .slice(0, 10)
      .every((count, rank) => rank === 0 || count < (seen[rank - 1] ?? 0));
    expect(falling).toBe(true);
  });

  it('draws every rank in range, the last ones too', () => {
    const seen = counts(20, 1.5, 50_000);
    expect(seen.every((count) => count > 0)).toBe(true);
    expect(seen.reduce((sum, count) => sum + count, 0)).toBe(50_000);
  });

  it('draws the only rank of a one-rank law', () => {
    expect(counts(1, 1.1, 100)).toEqual([100]);
  });
});

describe('shuffle and between', () => {
  it('shuffle keeps every element and changes the order', () => {
    const list = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = shuffle(streamFor(3, 'shuffle'), [...list]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(list);
    expect(shuffled).not.toEqual(list);
  });

  it('between draws both ends of the range and nothing outside it', () => {
    const rng = streamFor(4, 'between');
    const seen = new Set(draws(500, () => between(rng, { min: 6, max: 9 })));
    expect([...seen].sort()).toEqual([6, 7, 8, 9]);
  });
});
