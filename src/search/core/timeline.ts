import { DATE_PRECISION, dayOf, precisionOf } from '../index/columns.ts';
import type { Timeline } from '../protocol.ts';

/** Two years or less are shown month by month. */
const MONTHLY_SPAN = 24;

const monthIndex = (key: number) =>
  Math.floor(key / 10000) * 12 + (Math.floor(key / 100) % 100) - 1;
const pad = (month: number) => String(month).padStart(2, '0');

/**
 * Matching publications over time. `dates` are column dates (`columnDate`: the first day's
 * YYYYMMDD with how precisely it is known), counted whatever the date bounds: the chart shows
 * where the bounds sit in the whole. When the bounds, or the matches themselves, span two years
 * or less, it counts months within them; a publication dated only by its year belongs to no
 * month, and is counted apart (`unplaced`), never in January.
 */
export function buildTimeline(
  dates: readonly number[],
  from: number | null,
  to: number | null,
): Timeline {
  if (dates.length === 0) return { unit: 'year', bins: [] };
  const dateKeys = dates.map(dayOf);
  let min = Infinity;
  let max = -Infinity;
  for (const key of dateKeys) {
    if (key < min) min = key;
    if (key > max) max = key;
  }
  const start = from ?? min;
  const end = to ?? max;
  if (end >= start && monthIndex(end) - monthIndex(start) < MONTHLY_SPAN) {
    const first = monthIndex(start);
    const counts = new Array<number>(monthIndex(end) - first + 1).fill(0);
    let unplaced = 0;
    dates.forEach((date, index) => {
      const key = dateKeys[index] ?? 0;
      if (precisionOf(date) === DATE_PRECISION.year) {
        // A year with no month: within the span if its year is.
        const year = Math.floor(key / 10000);
        if (year >= Math.floor(start / 10000) && year <= Math.floor(end / 10000)) unplaced++;
        return;
      }
      if (key < start || key > end) return;
      const slot = monthIndex(key) - first;
      counts[slot] = (counts[slot] ?? 0) + 1;
    });
    return {
      ...(unplaced > 0 ? { unplaced } : {}),
      unit: 'month',
      bins: counts.map((count, slot) => {
        const month = first + slot;
        return { period: `${Math.floor(month / 12)}-${pad((month % 12) + 1)}`, count };
      }),
    };
  }
  const firstYear = Math.floor(min / 10000);
  const counts = new Array<number>(Math.floor(max / 10000) - firstYear + 1).fill(0);
  for (const key of dateKeys) {
    const slot = Math.floor(key / 10000) - firstYear;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return {
    unit: 'year',
    bins: counts.map((count, slot) => ({ period: String(firstYear + slot), count })),
  };
}
