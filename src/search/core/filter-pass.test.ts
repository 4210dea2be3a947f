// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { columnDate, type Columns } from '../index/columns.ts';
import { filterPass, filtersOf } from './filter-pass.ts';

/**
 * The filter pass over columns made by hand: four publications, two types, three organizations,
 * two languages, dates known to the day, the month or the year.
 */
const columns: Columns = {
  count: 4,
  types: Uint16Array.from([0, 1, 0, 1]),
  languages: Uint16Array.from([0, 0, 1, 1]),
  dates: Uint32Array.from(['2023-05-02', '2022-11', '2022', '2021-01-31'].map(columnDate)),
  // 0: org 0 · 1: orgs 0 and 1 · 2: none · 3: org 2
  organizationStarts: Uint32Array.from([0, 1, 3, 3, 4]),
  organizations: Uint16Array.from([0, 0, 1, 2]),
  titleLengths: new Uint8Array(4),
  summaryLengths: new Uint8Array(4),
  bodyLengths: new Uint8Array(4),
  cards: [],
  catalogs: [],
};
const lists = {
  types: ['statement', 'report'],
  organizations: ['a', 'b', 'c'],
  languages: ['en', 'be'],
};
const sizes = { types: 2, organizations: 3, languages: 2 };
const all = (doc: number) => doc >= 0;
const pass = (request: Partial<Parameters<typeof filtersOf>[0]>, listed = all) =>
  filterPass(
    columns,
    filtersOf({ types: [], organizations: [], languages: [], ...request }, lists),
    listed,
    sizes,
  );

describe('the filter pass', () => {
  it('keeps everything listed, and counts every value, when nothing is filtered', () => {
    expect(pass({})).toEqual({
      results: [0, 1, 2, 3],
      undated: [0, 1, 2, 3],
      facets: { types: [2, 2], organizations: [2, 1, 1], languages: [2, 2] },
    });
  });

  it('keeps only what the query lists', () => {
    expect(pass({}, (doc) => doc % 2 === 1).results).toEqual([1, 3]);
  });

  it('counts a facet as if its own filter were off, the others on', () => {
    const result = pass({ types: ['report'], organizations: ['a'] });
    expect(result.results).toEqual([1]);
    // Types: every type among publications of organization a.
    expect(result.facets.types).toEqual([1, 1]);
    // Organizations: among reports.
    expect(result.facets.organizations).toEqual([1, 1, 1]);
    expect(result.facets.languages).toEqual([1, 0]);
  });

  it('takes a partial "to" to the end of its period, and keeps the timeline unbounded', () => {
    const result = pass({ from: '2022', to: '2022' });
    expect(result.results).toEqual([1, 2]);
    expect(result.undated).toEqual([0, 1, 2, 3]);
    expect(pass({ from: '2022-11-15' }).results).toEqual([0]);
    expect(pass({ to: '2022-11' }).results).toEqual([1, 2, 3]);
  });

  it('matches nothing for an unknown value, and ignores malformed dates', () => {
    expect(pass({ types: ['nothing'] }).results).toEqual([]);
    expect(pass({ from: '2022-02-30' }).results).toEqual([0, 1, 2, 3]);
  });
});
