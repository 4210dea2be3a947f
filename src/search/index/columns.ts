import { VarintReader, VarintWriter } from './binary-pack.ts';
import { dataFiles } from './files.ts';
import { inflate } from './compression.ts';
import { parsePartialDate, startKey } from '../../corpus/dates.ts';

/** How precisely a date is known, as the column keeps it. */
export const DATE_PRECISION = { day: 0, month: 1, year: 2 } as const;

/**
 * A publication's date as the column keeps it: the `YYYYMMDD` of its first day, times 4, plus how
 * precisely it is known. Sorted as the dates are; and the timeline can tell "2022" (a year, no
 * month) from "2022-01-01". 0 for no date.
 */
export function columnDate(text: string): number {
  const date = parsePartialDate(text);
  if (!date) return 0;
  const precision =
    date.day !== undefined
      ? DATE_PRECISION.day
      : date.month !== undefined
        ? DATE_PRECISION.month
        : DATE_PRECISION.year;
  return startKey(date) * 4 + precision;
}

/** The `YYYYMMDD` of a column date's first day. */
export const dayOf = (value: number): number => Math.floor(value / 4);
/** How precisely a column date is known (`DATE_PRECISION`). */
export const precisionOf = (value: number): number => value % 4;

/**
 * Per publication (newest first), what filters, facet counts and the timeline need: its type,
 * organizations, language and date. The worker loads this file once; at 200,000 publications it
 * is a few hundred kilobytes, as varints (dates are sorted, so their differences are small).
 */
export type Columns = {
  count: number;
  types: Uint16Array;
  languages: Uint16Array;
  /** The publication's date (`columnDate`): its first day and how precisely it is known. */
  dates: Uint32Array;
  /** Publication `i` has organizations `organizations[organizationStarts[i] … [i + 1])`. */
  organizationStarts: Uint32Array;
  organizations: Uint16Array;
};

/** 2: dates carry their precision (`columnDate`). */
const VERSION = 2;

export function encodeColumns(columns: Columns): Uint8Array {
  const out = new VarintWriter(columns.count * 6 + 16);
  out.write(VERSION);
  out.write(columns.count);
  for (let doc = 0; doc < columns.count; doc++) out.write(columns.types[doc] ?? 0);
  for (let doc = 0; doc < columns.count; doc++) out.write(columns.languages[doc] ?? 0);
  // Newest first: each date is the previous one minus a small difference (zigzag for safety).
  let previous = 0;
  for (let doc = 0; doc < columns.count; doc++) {
    const date = columns.dates[doc] ?? 0;
    const delta = previous - date;
    out.write(delta >= 0 ? delta * 2 : -delta * 2 - 1);
    previous = date;
  }
  for (let doc = 0; doc < columns.count; doc++) {
    out.write((columns.organizationStarts[doc + 1] ?? 0) - (columns.organizationStarts[doc] ?? 0));
  }
  for (const organization of columns.organizations) out.write(organization);
  return out.finish();
}

export function decodeColumns(bytes: Uint8Array): Columns {
  const reader = new VarintReader(bytes, 0);
  const version = reader.read();
  if (version !== VERSION) throw new Error(`columns version ${version} is not known`);
  const count = reader.read();
  const types = new Uint16Array(count);
  const languages = new Uint16Array(count);
  const dates = new Uint32Array(count);
  const organizationStarts = new Uint32Array(count + 1);
  for (let doc = 0; doc < count; doc++) types[doc] = reader.read();
  for (let doc = 0; doc < count; doc++) languages[doc] = reader.read();
  let previous = 0;
  for (let doc = 0; doc < count; doc++) {
    const zigzag = reader.read();
    previous -= zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    dates[doc] = previous;
  }
  for (let doc = 0; doc < count; doc++) {
    organizationStarts[doc + 1] = (organizationStarts[doc] ?? 0) + reader.read();
  }
  const organizations = new Uint16Array(organizationStarts[count] ?? 0);
  for (let i = 0; i < organizations.length; i++) organizations[i] = reader.read();
  return { count, types, languages, dates, organizationStarts, organizations };
}

/** Publications per columns file: at ~2.5 bytes each gzipped, a file stays well under 64 kB. */
export const COLUMNS_CHUNK = 16_384;

/** The columns of publications `from … to`, as a set of their own (for one file). */
export function sliceColumns(columns: Columns, from: number, to: number): Columns {
  const start = columns.organizationStarts[from] ?? 0;
  const end = columns.organizationStarts[to] ?? 0;
  return {
    count: to - from,
    types: columns.types.slice(from, to),
    languages: columns.languages.slice(from, to),
    dates: columns.dates.slice(from, to),
    organizationStarts: columns.organizationStarts
      .slice(from, to + 1)
      .map((value) => value - start),
    organizations: columns.organizations.slice(start, end),
  };
}

/** Consecutive slices of columns, joined again. */
export function joinColumns(parts: readonly Columns[]): Columns {
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  const organizationCount = parts.reduce((sum, part) => sum + part.organizations.length, 0);
  const joined: Columns = {
    count,
    types: new Uint16Array(count),
    languages: new Uint16Array(count),
    dates: new Uint32Array(count),
    organizationStarts: new Uint32Array(count + 1),
    organizations: new Uint16Array(organizationCount),
  };
  let doc = 0;
  let organization = 0;
  for (const part of parts) {
    joined.types.set(part.types, doc);
    joined.languages.set(part.languages, doc);
    joined.dates.set(part.dates, doc);
    for (let i = 0; i <= part.count; i++) {
      joined.organizationStarts[doc + i] = organization + (part.organizationStarts[i] ?? 0);
    }
    joined.organizations.set(part.organizations, organization);
    doc += part.count;
    organization += part.organizations.length;
  }
  return joined;
}

/** The columns of a build, read back from its files (one file at least, for an empty archive). */
export async function readColumns(
  read: (name: string) => Uint8Array | Promise<Uint8Array>,
  count: number,
): Promise<Columns> {
  const chunks = Math.max(1, Math.ceil(count / COLUMNS_CHUNK));
  const parts = await Promise.all(
    Array.from({ length: chunks }, async (_, chunk) =>
      decodeColumns(await inflate(await read(dataFiles.columns(chunk)))),
    ),
  );
  return joinColumns(parts);
}
