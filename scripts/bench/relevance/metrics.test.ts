import { describe, expect, it } from 'vitest';
import {
  dcg,
  meanFigures,
  ndcg,
  nothingRelevant,
  precision,
  queryFigures,
  recall,
  unjudged,
} from './metrics.ts';

// One query, judged: a and b mainly about it (2), c in part (1), d and e not (0).
const grades = new Map([
  ['a', 2],
  ['b', 2],
  ['c', 1],
  ['d', 0],
  ['e', 0],
]);

describe('dcg', () => {
  it('discounts each gain by log2 of its rank + 1', () => {
    // 2/log2(2) + 0/log2(3) + 1/log2(4) = 2 + 0 + 0.5
    expect(dcg([2, 0, 1])).toBeCloseTo(2.5, 10);
  });

  it('looks at the first k only', () => {
    expect(dcg([2, 2, 2], 1)).toBe(2);
  });
});

describe('ndcg', () => {
  // The ideal order is a, b, c: 2 + 2/log2(3) + 1/log2(4) = 2 + 1.26186 + 0.5 = 3.76186.
  const ideal = 2 + 2 / Math.log2(3) + 0.5;

  it('is 1 for the ideal order', () => {
    expect(ndcg(['a', 'b', 'c'], grades)).toBeCloseTo(1, 10);
    expect(ndcg(['b', 'a', 'c', 'd'], grades)).toBeCloseTo(1, 10);
  });

  it('divides by the ideal order over every judged document, not only those retrieved', () => {
    // Only c, first: 1 / 3.76186.
    expect(ndcg(['c'], grades)).toBeCloseTo(1 / ideal, 10);
  });

  it('counts an unjudged document as not relevant', () => {
    // x (unjudged) first, then a: 2/log2(3) = 1.26186.
    expect(ndcg(['x', 'a'], grades)).toBeCloseTo(2 / Math.log2(3) / ideal, 10);
  });

  it('is 0 when nothing relevant is retrieved, null when nothing relevant is known', () => {
    expect(ndcg(['d', 'e'], grades)).toBe(0);
    expect(ndcg(['d'], new Map([['d', 0]]))).toBeNull();
  });

  it('cuts at 10', () => {
    const late = [...'0123456789'].map((n) => `z${n}`).concat('a');
    expect(ndcg(late, grades)).toBe(0);
  });
});

describe('precision at 5', () => {
  it('is the share of the first five that are relevant, over five', () => {
    expect(precision(['a', 'd', 'c', 'x', 'e', 'b'], grades)).toBeCloseTo(2 / 5, 10);
    // Fewer than five results still divide by five.
    expect(precision(['a'], grades)).toBeCloseTo(1 / 5, 10);
  });
});

describe('recall at 10', () => {
  it('is the share of every judged-relevant document found in the first 10', () => {
    expect(recall(['a', 'd', 'x'], grades)).toBeCloseTo(1 / 3, 10);
    expect(recall(['c', 'b', 'a'], grades)).toBe(1);
    expect(recall(['d'], new Map([['d', 0]]))).toBeNull();
  });
});

describe('nothing relevant, unjudged', () => {
  it('tells a top 10 without anything relevant and lists what nobody judged', () => {
    expect(nothingRelevant(['d', 'e', 'x'], grades)).toBe(true);
    expect(nothingRelevant(['d', 'c'], grades)).toBe(false);
    expect(nothingRelevant([], grades)).toBe(true);
    expect(unjudged(['d', 'x', 'a', 'y'], grades)).toEqual(['x', 'y']);
  });
});

describe('means', () => {
  it('average over the queries with something to find, and count those with nothing found', () => {
    const known = queryFigures(['a', 'b', 'c'], grades);
    const missed = queryFigures(['d'], grades);
    const nothingToFind = queryFigures(['d'], new Map([['d', 0]]));
    const mean = meanFigures([known, missed, nothingToFind]);
    expect(mean.queries).toBe(2);
    expect(mean.ndcg).toBeCloseTo(0.5, 10);
    expect(mean.p5).toBeCloseTo(3 / 5 / 2, 10);
    expect(mean.recall).toBeCloseTo(0.5, 10);
    expect(mean.nothing).toBe(1);
  });
});
