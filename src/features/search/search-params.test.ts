import { describe, expect, it } from 'vitest';
import {
  EMPTY_STATE,
  effectiveSort,
  keepLocks,
  lockedFacets,
  removableFilterCount,
  withoutFilters,
  parseSearchParams,
  searchString,
  serializeSearchParams,
  type SearchState,
} from './search-params.ts';

const known = {
  types: ['statement', 'report', 'news'],
  orgs: ['viasna', 'bhc', 'csp'],
  langs: ['en', 'be', 'ru'],
};

const parse = (query: string) => parseSearchParams(new URLSearchParams(query), known);

describe('parseSearchParams', () => {
  it('reads every parameter of the interface', () => {
    expect(
      parse(
        'q=Bialiatski&type=statement&type=report&org=viasna&lang=be&from=2020&to=2022-06&sort=oldest&page=3',
      ),
    ).toEqual({
      q: 'Bialiatski',
      types: ['statement', 'report'],
      orgs: ['viasna'],
      langs: ['be'],
      from: '2020',
      to: '2022-06',
      sort: 'oldest',
      page: 3,
    });
  });

  it('gives the default state for an empty URL', () => {
    expect(parse('')).toEqual(EMPTY_STATE);
  });

  it('drops unknown facet values and repeats, keeping the known ones', () => {
    const state = parse('type=statment&type=report&type=report&org=nobody&org=bhc&lang=xx');
    expect(state.types).toEqual(['report']);
    expect(state.orgs).toEqual(['bhc']);
    expect(state.langs).toEqual([]);
  });

  it('matches facet values regardless of case', () => {
    expect(parse('type=Statement&org=VIASNA').types).toEqual(['statement']);
    expect(parse('type=Statement&org=VIASNA').orgs).toEqual(['viasna']);
  });

  it('ignores malformed dates, sorts and pages instead of failing', () => {
    const state = parse('from=2023-02-30&to=yesterday&sort=random&page=-2&unknown=1');
    expect(state).toEqual(EMPTY_STATE);
    expect(parse('page=abc').page).toBe(1);
    expect(parse('page=0').page).toBe(1);
  });

  it('swaps bounds given the wrong way round', () => {
    const state = parse('from=2024&to=2020-03');
    expect(state.from).toBe('2020-03');
    expect(state.to).toBe('2024');
  });

  it('leaves a sort out when it is the default for the query', () => {
    expect(parse('q=x&sort=relevance').sort).toBeUndefined();
    expect(parse('sort=newest').sort).toBeUndefined();
    expect(parse('q=x&sort=newest').sort).toBe('newest');
  });
});

describe('effectiveSort', () => {
  it('is relevance with a query and newest without', () => {
    expect(effectiveSort({ q: 'viasna' })).toBe('relevance');
    expect(effectiveSort({ q: '  ' })).toBe('newest');
    expect(effectiveSort({ q: '', sort: 'relevance' })).toBe('newest');
    expect(effectiveSort({ q: 'viasna', sort: 'oldest' })).toBe('oldest');
  });
});

describe('serializeSearchParams', () => {
  it('leaves defaults out of the URL', () => {
    expect(searchString(EMPTY_STATE)).toBe('');
    expect(searchString({ ...EMPTY_STATE, q: '   ' })).toBe('');
    expect(searchString({ ...EMPTY_STATE, q: 'x', sort: 'relevance' })).toBe('?q=x');
    expect(searchString({ ...EMPTY_STATE, page: 1 })).toBe('');
  });

  it('repeats the key for each selected value', () => {
    const params = serializeSearchParams({ ...EMPTY_STATE, types: ['statement', 'report'] });
    expect(params.getAll('type')).toEqual(['statement', 'report']);
    expect(params.toString()).toBe('type=statement&type=report');
  });

  it('round-trips every state through the URL', () => {
    const states: SearchState[] = [
      EMPTY_STATE,
      { ...EMPTY_STATE, q: 'Вясна & "BHC"', orgs: ['viasna', 'bhc'] },
      { ...EMPTY_STATE, types: ['news'], langs: ['ru', 'be'], from: '2021-03-01', to: '2021' },
      { ...EMPTY_STATE, q: 'prison', sort: 'oldest', page: 4 },
      { ...EMPTY_STATE, sort: 'oldest', page: 2 },
    ];
    for (const state of states) {
      expect(parseSearchParams(serializeSearchParams(state), known)).toEqual(state);
    }
  });
});

describe('embed locks', () => {
  it('reads lock as comma-separated facet names, and theme, ignoring the unknown', () => {
    const state = parse('org=viasna&lock=org,%20type,bogus&theme=dark');
    expect(state.lock).toEqual(['type', 'org']);
    expect(state.theme).toBe('dark');
    expect(parse('theme=neon').theme).toBeUndefined();
    expect(searchString(state)).toBe('?org=viasna&lock=type%2Corg&theme=dark');
  });

  it('locks only facets that have values', () => {
    expect([...lockedFacets(parse('org=viasna&lock=org,type,from'))]).toEqual(['org']);
    expect([...lockedFacets(parse('from=2020&to=2021&lock=from,to'))]).toEqual(['from', 'to']);
  });

  it('puts locked values back whatever a change asks for', () => {
    const current = parse('org=viasna&type=news&lock=org');
    const widened = keepLocks({ ...current, orgs: ['viasna', 'bhc'], types: [] }, current);
    expect(widened.orgs).toEqual(['viasna']);
    expect(widened.types).toEqual([]);
    const removed = keepLocks({ ...current, orgs: [] }, current);
    expect(removed.orgs).toEqual(['viasna']);
    expect(removed.lock).toEqual(['org']);
  });

  it('clears only the filters the reader may remove', () => {
    const current = parse('q=x&org=viasna&type=news&from=2020&lock=org');
    expect(removableFilterCount(current)).toBe(2);
    const cleared = withoutFilters(current);
    expect(searchString(cleared)).toBe('?q=x&org=viasna&lock=org');
    expect(removableFilterCount(cleared)).toBe(0);
  });
});
