// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { timelineBars } from './timeline-bars.ts';

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
