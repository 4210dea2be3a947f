/**
 * Publication dates may be partial (`YYYY`, `YYYY-MM`) because archives often know only the year
 * or month. For sorting and filtering a partial date counts as the first day of its period; for
 * display it is shown only as precisely as it is known.
 */
export type PartialDate = {
  year: number;
  month?: number;
  day?: number;
};

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A UTC date; unlike `Date.UTC`, keeps years below 100 as they are. */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function daysInMonth(year: number, month: number): number {
  return utcDate(year, month + 1, 0).getUTCDate();
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns null unless it names a real period. */
export function parsePartialDate(text: string): PartialDate | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1) return null;
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** A sortable integer `YYYYMMDD` for the first day of the period. */
export function startKey(date: PartialDate): number {
  return date.year * 10000 + (date.month ?? 1) * 100 + (date.day ?? 1);
}

/** A sortable integer `YYYYMMDD` for the last day of the period. */
export function endKey(date: PartialDate): number {
  if (date.month === undefined) return date.year * 10000 + 1231;
  const day = date.day ?? daysInMonth(date.year, date.month);
  return date.year * 10000 + date.month * 100 + day;
}

/** The sort key of a corpus date string, or null when it is not a valid date. */
export function dateKey(text: string): number | null {
  const date = parsePartialDate(text);
  return date ? startKey(date) : null;
}
