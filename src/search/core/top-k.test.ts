// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { selectTop } from './top-k.ts';

function shuffled(count: number, seed = 7): number[] {
  const items = Array.from({ length: count }, (_, index) => index);
  let state = seed;
  for (let i = items.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j] as number, items[i] as number];
  }
  return items;
}

describe('selectTop', () => {
  const ascending = (a: number, b: number) => a - b;

  it('gives the same first k as a full sort, for small and large inputs', () => {
    for (const count of [0, 5, 999, 1_000, 5_000, 50_000]) {
      const items = shuffled(count);
      for (const k of [1, 20, 60]) {
        expect(selectTop(items, k, ascending)).toEqual([...items].sort(ascending).slice(0, k));
      }
    }
  });

  it('honours ties broken by the comparison, as sorting does', () => {
    const items = shuffled(20_000).map((index) => ({ score: index % 7, index }));
    const order = (a: (typeof items)[number], b: (typeof items)[number]) =>
      b.score - a.score || a.index - b.index;
    expect(selectTop(items, 40, order)).toEqual([...items].sort(order).slice(0, 40));
  });

  it('returns nothing for k = 0 and everything when k exceeds the input', () => {
    expect(selectTop([3, 1, 2], 0, ascending)).toEqual([]);
    expect(selectTop([3, 1, 2], 10, ascending)).toEqual([1, 2, 3]);
  });
});
