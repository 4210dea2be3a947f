import type { Timeline } from '../../search/protocol.ts';

/** A bar of the chart: one period, or several side by side when they would not fit. */
export type Bar = { from: string; to: string; count: number };

/**
 * The timeline's bins as at most `max` bars: consecutive periods grouped evenly when there are
 * more, the latest end kept whole (readers look for the recent years first), so every bar keeps
 * a tappable width and every label sits under its own bar.
 */
export function timelineBars(timeline: Timeline, max: number): Bar[] {
  const bins = timeline.bins;
  const size = Math.max(1, Math.ceil(bins.length / Math.max(1, max)));
  const bars: Bar[] = [];
  for (let end = bins.length; end > 0; end -= size) {
    const group = bins.slice(Math.max(0, end - size), end);
    const first = group[0];
    const last = group.at(-1);
    if (!first || !last) continue;
    bars.unshift({
      from: first.period,
      to: last.period,
      count: group.reduce((sum, bin) => sum + bin.count, 0),
    });
  }
  return bars;
}

type Period = { from?: string | undefined; to?: string | undefined };

/**
 * The date bounds after a tap on the bar from `first` to `last`: that bar's period; the same bar
 * again widens: a month to its year, a year (or years) to all dates.
 */
export function periodAfterTap(current: Period, first: string, last: string): Period {
  if (current.from !== first || current.to !== last) return { from: first, to: last };
  const year = first.slice(0, 4);
  if (/^\d{4}-\d{2}$/.test(first) && last.startsWith(year)) return { from: year, to: year };
  return { from: undefined, to: undefined };
}
