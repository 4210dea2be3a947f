// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { columnDate } from '../index/columns.ts';
import { buildTimeline as buildFromColumn } from './timeline.ts';

/** The timeline of publications dated by day (`YYYYMMDD` keys). */
const buildTimeline = (keys: readonly number[], from: number | null, to: number | null) =>
  buildFromColumn(
    keys.map((key) => key * 4),
    from,
    to,
  );

const counts = (timeline: ReturnType<typeof buildTimeline>) =>
  Object.fromEntries(timeline.bins.map((bin) => [bin.period, bin.count]));
const periods = (timeline: ReturnType<typeof buildTimeline>) =>
  timeline.bins.map((bin) => bin.period);
const total = (timeline: ReturnType<typeof buildTimeline>) =>
  timeline.bins.reduce((sum, bin) => sum + bin.count, 0);

describe('buildTimeline', () => {
  it('has no bins when nothing matched', () => {
    expect(buildTimeline([], null, null)).toEqual({ unit: 'year', bins: [] });
    expect(buildTimeline([], 20230101, 20231231).bins).toEqual([]);
  });

  it('counts by year over more than two years, empty years included', () => {
    const timeline = buildTimeline([20200815, 20220101, 20220510, 20240229], null, null);
    expect(timeline).toEqual({
      unit: 'year',
      bins: [
        { period: '2020', count: 1 },
        { period: '2021', count: 0 },
        { period: '2022', count: 2 },
        { period: '2023', count: 0 },
        { period: '2024', count: 1 },
      ],
    });
  });

  it('counts by month when the matches span two years or less, empty months included', () => {
    const timeline = buildTimeline([20230306, 20230301, 20230610], null, null);
    expect(timeline).toEqual({
      unit: 'month',
      bins: [
        { period: '2023-03', count: 2 },
        { period: '2023-04', count: 0 },
        { period: '2023-05', count: 0 },
        { period: '2023-06', count: 1 },
      ],
    });
  });

  it('shows a single match as its month', () => {
    expect(buildTimeline([20230306], null, null)).toEqual({
      unit: 'month',
      bins: [{ period: '2023-03', count: 1 }],
    });
  });

  it('names months with two digits and crosses into the next year', () => {
    const timeline = buildTimeline([20221215, 20230110], null, null);
    expect(timeline.unit).toBe('month');
    expect(periods(timeline)).toEqual(['2022-12', '2023-01']);
  });

  it('switches from months to years past 24 months', () => {
    const twoYears = buildTimeline([20220101, 20231231], null, null);
    expect(twoYears.unit).toBe('month');
    expect(twoYears.bins).toHaveLength(24);
    expect(twoYears.bins[0]).toEqual({ period: '2022-01', count: 1 });
    expect(twoYears.bins[23]).toEqual({ period: '2023-12', count: 1 });

    const longer = buildTimeline([20220101, 20240101], null, null);
    expect(longer.unit).toBe('year');
    expect(periods(longer)).toEqual(['2022', '2023', '2024']);
  });

  it('counts months over the date bounds when they span two years or less', () => {
    // The bounds, not the matches, decide the months shown.
    const timeline = buildTimeline([20230315], 20230101, 20231231);
    expect(timeline.unit).toBe('month');
    expect(periods(timeline)).toEqual([
      '2023-01',
      '2023-02',
      '2023-03',
      '2023-04',
      '2023-05',
      '2023-06',
      '2023-07',
      '2023-08',
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
    ]);
    expect(counts(timeline)['2023-03']).toBe(1);
    expect(total(timeline)).toBe(1);
  });

  it('leaves out matches outside narrow bounds', () => {
    const timeline = buildTimeline([20200101, 20230315, 20230620, 20250101], 20230101, 20231231);
    expect(timeline.unit).toBe('month');
    expect(total(timeline)).toBe(2);
  });

  it('runs from a lone "from" bound to the last match', () => {
    const timeline = buildTimeline([20200101, 20230315, 20230620], 20230101, null);
    expect(timeline.unit).toBe('month');
    expect(periods(timeline)).toEqual([
      '2023-01',
      '2023-02',
      '2023-03',
      '2023-04',
      '2023-05',
      '2023-06',
    ]);
    expect(total(timeline)).toBe(2);
  });

  it('runs from the first match to a lone "to" bound', () => {
    const timeline = buildTimeline([20230315, 20230620, 20250101], null, 20230831);
    expect(timeline.unit).toBe('month');
    expect(periods(timeline)[0]).toBe('2023-03');
    expect(periods(timeline).at(-1)).toBe('2023-08');
    expect(total(timeline)).toBe(2);
  });

  it('counts every match by year, inside the bounds or not, when the bounds are wide', () => {
    // The chart shows where the bounds sit in the whole.
    const keys = [20150601, 20200101, 20230315, 20240620];
    const timeline = buildTimeline(keys, 20210101, 20251231);
    expect(timeline.unit).toBe('year');
    expect(periods(timeline)[0]).toBe('2015');
    expect(periods(timeline).at(-1)).toBe('2024');
    expect(total(timeline)).toBe(keys.length);
  });

  it('falls back to years, without failing, when the bounds are the wrong way round', () => {
    const timeline = buildTimeline([20220101, 20230315], 20231231, 20230101);
    expect(timeline.unit).toBe('year');
    expect(counts(timeline)).toEqual({ '2022': 1, '2023': 1 });
  });

  it('counts keys given in any order, repeats included', () => {
    const keys = [20240229, 20200815, 20220510, 20200101, 20220101, 20240229];
    const timeline = buildTimeline(keys, null, null);
    expect(total(timeline)).toBe(keys.length);
    expect(counts(timeline)).toEqual({
      '2020': 2,
      '2021': 0,
      '2022': 2,
      '2023': 0,
      '2024': 2,
    });
  });

  it('counts a publication dated only by its year in no month, apart', () => {
    // Six dated "2022" only and one on 10 January: January holds one, not seven.
    const dates = [...Array.from({ length: 6 }, () => '2022'), '2022-01-10', '2022-03'].map(
      columnDate,
    );
    const timeline = buildFromColumn(dates, 20220101, 20221231);
    expect(timeline.unit).toBe('month');
    expect(counts(timeline)['2022-01']).toBe(1);
    expect(counts(timeline)['2022-03']).toBe(1);
    expect(timeline.unplaced).toBe(6);
    expect(total(timeline)).toBe(2);
    // By year, they count in their year.
    const years = buildFromColumn([...dates, columnDate('2019-05-01')], null, null);
    expect(counts(years)['2022']).toBe(8);
    expect(years.unplaced).toBeUndefined();
  });
});
