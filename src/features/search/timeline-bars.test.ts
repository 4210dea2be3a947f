// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { periodAfterTap, timelineBars } from './timeline-bars.ts';

const years = (first: number, counts: number[]) => ({
  unit: 'year' as const,
  bins: counts.map((count, index) => ({ period: String(first + index), count })),
});

describe('timelineBars', () => {
  it('keeps one bar a period when they fit', () => {
    expect(timelineBars(years(2020, [1, 0, 3]), 10)).toEqual([
      { from: '2020', to: '2020', count: 1 },
      { from: '2021', to: '2021', count: 0 },
      { from: '2022', to: '2022', count: 3 },
    ]);
  });

  it('groups years evenly when they do not fit, the latest end kept whole', () => {
    // 2006–2025 (20 years) in at most 10 bars: pairs, the last 2024–2025.
    const counts = Array.from({ length: 20 }, (_, index) => index);
    const bars = timelineBars(years(2006, counts), 10);
    expect(bars).toHaveLength(10);
    expect(bars[0]).toEqual({ from: '2006', to: '2007', count: 1 });
    expect(bars.at(-1)).toEqual({ from: '2024', to: '2025', count: 37 });
    // 22 years in threes: the oldest bar holds what is left over, the latest are whole.
    const odd = timelineBars(years(2004, [2, 5, ...counts]), 10);
    expect(odd).toHaveLength(8);
    expect(odd[0]).toEqual({ from: '2004', to: '2004', count: 2 });
    expect(odd.at(-1)).toEqual({ from: '2023', to: '2025', count: 54 });
    expect(odd.reduce((sum, bar) => sum + bar.count, 0)).toBe(2 + 5 + 190);
  });
});

describe('periodAfterTap', () => {
  const none = { from: undefined, to: undefined };

  it('narrows to the bar tapped', () => {
    expect(periodAfterTap(none, '2021', '2022')).toEqual({ from: '2021', to: '2022' });
    expect(periodAfterTap({ from: '2020', to: '2020' }, '2020-03', '2020-03')).toEqual({
      from: '2020-03',
      to: '2020-03',
    });
  });

  it('widens on the same bar again: a month to its year, a year to all dates', () => {
    expect(periodAfterTap({ from: '2020-03', to: '2020-03' }, '2020-03', '2020-03')).toEqual({
      from: '2020',
      to: '2020',
    });
    expect(periodAfterTap({ from: '2020', to: '2020' }, '2020', '2020')).toEqual(none);
    expect(periodAfterTap({ from: '2019-11', to: '2020-02' }, '2019-11', '2020-02')).toEqual(none);
  });
});
