// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dateKey, endKey, parsePartialDate, startKey } from './dates.ts';

/** The period a date string covers, as sortable `YYYYMMDD` keys. */
function period(text: string): [number, number] {
  const date = parsePartialDate(text);
  if (!date) throw new Error(`not a date: ${text}`);
  return [startKey(date), endKey(date)];
}

describe('parsePartialDate', () => {
  it('reads a year, a month or a day', () => {
    expect(parsePartialDate('2023')).toEqual({ year: 2023 });
    expect(parsePartialDate('2023-03')).toEqual({ year: 2023, month: 3 });
    expect(parsePartialDate('2023-03-06')).toEqual({ year: 2023, month: 3, day: 6 });
  });

  it('knows leap years', () => {
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parsePartialDate('2021-02-29')).toBeNull();
    expect(parsePartialDate('1900-02-29')).toBeNull();
  });

  it.each(['2023-02-30', '2023-04-31', '2023-13', '2023-00', '2023-01-00', '0000', '0000-01-01'])(
    'rejects the impossible date %s',
    (text) => {
      expect(parsePartialDate(text)).toBeNull();
    },
  );

  it.each([
    '23',
    '2023-3',
    '2023-03-6',
    '2023/03/06',
    ' 2023',
    '2023-03-06T00:00',
    'March 2023',
    '',
  ])('rejects the malformed date %j', (text) => {
    expect(parsePartialDate(text)).toBeNull();
  });
});

describe('periods', () => {
  it('runs from the first to the last day of a partial date', () => {
    expect(period('2023')).toEqual([20230101, 20231231]);
    expect(period('2023-03')).toEqual([20230301, 20230331]);
    expect(period('2023-04')).toEqual([20230401, 20230430]);
    expect(period('2023-12')).toEqual([20231201, 20231231]);
    expect(period('2023-03-06')).toEqual([20230306, 20230306]);
  });

  it('ends February on the 29th in leap years only', () => {
    expect(period('2024-02')).toEqual([20240201, 20240229]);
    expect(period('2023-02')).toEqual([20230201, 20230228]);
    expect(period('2000-02')).toEqual([20000201, 20000229]);
    expect(period('2100-02')).toEqual([21000201, 21000228]);
  });

  it('sorts a partial date as the first day of its period', () => {
    expect(dateKey('2023-03')).toBe(20230301);
    expect(dateKey('2023')).toBe(20230101);
    const sorted = ['2023-03-06', '2022-12-31', '2023', '2023-03', '2023-01-01'].sort(
      (a, b) => (dateKey(a) ?? 0) - (dateKey(b) ?? 0),
    );
    // "2023" and "2023-01-01" are the same day; the sort is stable.
    expect(sorted).toEqual(['2022-12-31', '2023', '2023-01-01', '2023-03', '2023-03-06']);
  });

  it('has no key for text that is not a date', () => {
    expect(dateKey('2023-02-30')).toBeNull();
    expect(dateKey('')).toBeNull();
  });
});
