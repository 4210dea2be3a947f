// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../testing/parse-csv.ts';
import { exportFileName, toCsv, toJson, type ExportRecord } from './export-file.ts';

const record: ExportRecord = {
  id: 'statement-1',
  title: 'Заявление о «солидарности», "quoted", and a,comma\nnew line',
  type: 'Statement',
  organizations: ['Viasna Human Rights Centre', 'БХК'],
  date: '2023-03',
  language: 'ru',
  sourceUrl: 'https://example.org/1',
  permalink: 'https://archive.example/publications/statement-1',
};

describe('toCsv', () => {
  it('starts with a byte order mark, quotes every field and ends records with CRLF', () => {
    const csv = toCsv([record]);
    expect(csv.startsWith('\uFEFF"id","title",')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([
      'id',
      'title',
      'type',
      'organizations',
      'date',
      'language',
      'source_url',
      'permalink',
    ]);
    expect(rows[1]).toEqual([
      'statement-1',
      record.title,
      'Statement',
      'Viasna Human Rights Centre; БХК',
      '2023-03',
      'ru',
      'https://example.org/1',
      'https://archive.example/publications/statement-1',
    ]);
  });

  it('neutralises cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    const hostile = [
      '=HYPERLINK("https://evil.example","x")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\tx',
      '\rx',
    ];
    for (const title of hostile) {
      const [, row] = parseCsv(toCsv([{ ...record, title, organizations: [title] }]).slice(1));
      expect(row?.[1]).toBe(`'${title}`);
      expect(row?.[3]).toBe(`'${title}`);
    }
    // Anything else is left as it is, a minus inside a cell included.
    const [, row] = parseCsv(toCsv([{ ...record, title: 'Minsk — 2023-03 = a' }]).slice(1));
    expect(row?.[1]).toBe('Minsk — 2023-03 = a');
  });

  it('writes a header alone for no publications', () => {
    expect(parseCsv(toCsv([]).slice(1))).toHaveLength(1);
  });
});

describe('toJson', () => {
  it('lists the same fields, with organizations as a list', () => {
    expect(JSON.parse(toJson([record]))).toEqual([record]);
  });
});

describe('exportFileName', () => {
  // Noon local time: the file is named after the reader's calendar day.
  const today = new Date(2026, 10, 24, 12);
  it('names the organization or type filtered by, and the date', () => {
    expect(exportFileName({ q: '', types: [], orgs: ['viasna'] }, 'csv', today)).toBe(
      'publications-viasna-2026-11-24.csv',
    );
    expect(exportFileName({ q: 'x', types: ['report'], orgs: [] }, 'json', today)).toBe(
      'publications-report-2026-11-24.json',
    );
    expect(exportFileName({ q: 'Aleś Bialiatski!', types: [], orgs: [] }, 'csv', today)).toBe(
      'publications-ales-bialiatski-2026-11-24.csv',
    );
    expect(exportFileName({ q: '', types: [], orgs: [] }, 'csv', today)).toBe(
      'publications-all-2026-11-24.csv',
    );
    expect(exportFileName({ q: 'Вясна', types: ['a', 'b'], orgs: [] }, 'csv', today)).toBe(
      'publications-viasna-2026-11-24.csv',
    );
    expect(exportFileName({ q: '', types: ['a', 'b'], orgs: [] }, 'csv', today)).toBe(
      'publications-filtered-2026-11-24.csv',
    );
  });
});
