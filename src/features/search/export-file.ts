import type { ExportRow } from '../../search/protocol.ts';
import { latinSpellings } from '../../search/analysis/transliterate.ts';

/** A row as the files list it: names resolved (type, organizations), links absolute. */
export type ExportRecord = Omit<ExportRow, 'url'> & { sourceUrl: string; permalink: string };

export function toRecords(
  rows: readonly ExportRow[],
  names: {
    type(id: string): string;
    organization(id: string): string;
    permalink(id: string): string;
  },
): ExportRecord[] {
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    type: names.type(row.type),
    organizations: row.organizations.map(names.organization),
    date: row.date,
    language: row.language,
    sourceUrl: row.url,
    permalink: names.permalink(row.id),
  }));
}

const CSV_COLUMNS: [string, (record: ExportRecord) => string][] = [
  ['id', (record) => record.id],
  ['title', (record) => record.title],
  ['type', (record) => record.type],
  ['organizations', (record) => record.organizations.join('; ')],
  ['date', (record) => record.date],
  ['language', (record) => record.language],
  ['source_url', (record) => record.sourceUrl],
  ['permalink', (record) => record.permalink],
];

/**
 * A cell a spreadsheet program would read as a formula: one that begins with `=`, `+`, `-`, `@`,
 * a tab or a carriage return (OWASP, "CSV Injection"). Quotes do not stop it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A field as RFC 4180 wants it: in double quotes, quotes inside doubled; a field that a
 * spreadsheet would run as a formula ("=HYPERLINK(…)" in a hostile title) gets a leading `'`,
 * which spreadsheets read as "this is text" and do not show.
 */
function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * RFC 4180 CSV that spreadsheet programs open as it is: a UTF-8 byte order mark (or Excel reads
 * Cyrillic as mojibake), every field quoted, CRLF between records, and no cell that runs as a
 * formula.
 */
export function toCsv(records: readonly ExportRecord[]): string {
  const lines = [
    CSV_COLUMNS.map(([name]) => csvField(name)).join(','),
    ...records.map((record) => CSV_COLUMNS.map(([, read]) => csvField(read(record))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toJson(records: readonly ExportRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

function slug(text: string): string {
  // Cyrillic in its Belarusian Latin spelling: "Вясна" names the file "viasna", not nothing.
  const latin = text
    .toLowerCase()
    .split(/(\s+)/)
    .map((part) => latinSpellings(part)[0] ?? part)
    .join('');
  return latin
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** The words of a file name, in the interface language. */
export type FileNameWords = { publications: string; filtered: string; all: string };

const ENGLISH: FileNameWords = { publications: 'publications', filtered: 'filtered', all: 'all' };

/**
 * "publications-viasna-2026-11-24.csv", "публікацыі-viasna-2026-11-24.csv": what the file holds,
 * and when it was made.
 */
export function exportFileName(
  scope: { q: string; types: readonly string[]; orgs: readonly string[] },
  extension: 'csv' | 'json',
  today: Date,
  words: FileNameWords = ENGLISH,
): string {
  const what =
    scope.orgs.length === 1
      ? scope.orgs[0]
      : scope.types.length === 1
        ? scope.types[0]
        : slug(scope.q) ||
          (scope.orgs.length + scope.types.length > 0 ? words.filtered : words.all);
  // The reader's own calendar day, not UTC's.
  const date = [
    today.getFullYear(),
    String(today.getMonth() + 1).padStart(2, '0'),
    String(today.getDate()).padStart(2, '0'),
  ].join('-');
  return `${words.publications}-${what ?? words.all}-${date}.${extension}`;
}

/** Hands a file to the browser to save. */
export function download(name: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
