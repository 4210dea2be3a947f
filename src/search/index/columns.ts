import { VarintReader, VarintWriter } from './varint.ts';
import { CARD_PACK, CATALOG_SIZE } from './data-schemas.ts';
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
 * A length in words as the columns keep it, in one byte: 0 for none, else 1 + 8 × log2(words),
 * rounded (steps of about 9 %, up to ~57,000 words). Ranking needs lengths only roughly
 * (docs/decisions/016-ranking.md).
 */
export function lengthCode(words: number): number {
  if (words <= 0) return 0;
  return Math.min(127, 1 + Math.round(8 * Math.log2(words)));
}

/** The length in words a `lengthCode` stands for. */
export function lengthOf(code: number): number {
  return code === 0 ? 0 : 2 ** ((code - 1) / 8);
}

/**
 * Per publication (oldest first), what filters, facet counts, the timeline and ranking need: its
 * type, organizations, language, date, and the lengths of its title, summary and body. The worker
 * loads this file once; at 200,000 publications it is a few hundred kilobytes, as varints (dates
 * are sorted, so their differences are small).
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
  /** Lengths in words (`lengthCode`) of the title, the summary and the body. */
  titleLengths: Uint8Array;
  summaryLengths: Uint8Array;
  bodyLengths: Uint8Array;
  /** The files of these publications' cards (CARD_PACK a file) and catalog (CATALOG_SIZE). */
  cards: string[];
  catalogs: string[];
};

/** 2: dates carry their precision (`columnDate`). 3: lengths. 4: the files of cards and catalog. */
const VERSION = 4;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function writeNames(out: VarintWriter, names: readonly string[]) {
  const bytes = encoder.encode(names.join('\n'));
  out.write(names.length);
  out.write(bytes.length);
  out.writeBytes(bytes);
}

function readNames(reader: VarintReader): string[] {
  const count = reader.read();
  const text = decoder.decode(reader.readBytes(reader.read()));
  const names = count === 0 ? [] : text.split('\n');
  if (names.length !== count) throw new RangeError('columns: a list of files is cut short');
  return names;
}
const LENGTHS = ['titleLengths', 'summaryLengths', 'bodyLengths'] as const;

export function encodeColumns(columns: Columns): Uint8Array {
  const out = new VarintWriter(columns.count * 6 + 16);
  out.write(VERSION);
  out.write(columns.count);
  for (let doc = 0; doc < columns.count; doc++) out.write(columns.types[doc] ?? 0);
  for (let doc = 0; doc < columns.count; doc++) out.write(columns.languages[doc] ?? 0);
  // Oldest first: each date is the previous one plus a small difference (written as
  // zigzag(previous − this), a small odd number).
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
  for (const name of LENGTHS) for (const code of columns[name]) out.write(code);
  writeNames(out, columns.cards);
  writeNames(out, columns.catalogs);
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
  const [titleLengths, summaryLengths, bodyLengths] = LENGTHS.map(() => {
    const codes = new Uint8Array(count);
    for (let doc = 0; doc < count; doc++) codes[doc] = reader.read();
    return codes;
  }) as [Uint8Array, Uint8Array, Uint8Array];
  const cards = readNames(reader);
  const catalogs = readNames(reader);
  if (!reader.done) throw new RangeError('columns: bytes left after the last column');
  return {
    count,
    types,
    languages,
    dates,
    organizationStarts,
    organizations,
    titleLengths,
    summaryLengths,
    bodyLengths,
    cards,
    catalogs,
  };
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
    titleLengths: columns.titleLengths.slice(from, to),
    summaryLengths: columns.summaryLengths.slice(from, to),
    bodyLengths: columns.bodyLengths.slice(from, to),
    cards: columns.cards.slice(from / CARD_PACK, Math.ceil(to / CARD_PACK)),
    catalogs: columns.catalogs.slice(from / CATALOG_SIZE, Math.ceil(to / CATALOG_SIZE)),
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
    titleLengths: new Uint8Array(count),
    summaryLengths: new Uint8Array(count),
    bodyLengths: new Uint8Array(count),
    cards: parts.flatMap((part) => part.cards),
    catalogs: parts.flatMap((part) => part.catalogs),
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
    for (const name of LENGTHS) joined[name].set(part[name], doc);
    doc += part.count;
    organization += part.organizations.length;
  }
  return joined;
}

/** The columns of a build, read back from its files (named in the start data). */
export async function readColumns(
  read: (name: string) => Uint8Array | Promise<Uint8Array>,
  files: readonly string[],
): Promise<Columns> {
  const parts = await Promise.all(
    files.map(async (name) => decodeColumns(await inflate(await read(name)))),
  );
  return joinColumns(parts);
}
