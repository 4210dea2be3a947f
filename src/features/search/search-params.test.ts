import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST, PAGE_SIZE } from '../../search/protocol.ts';
import {
  EMPTY_STATE,
  effectiveSort,
  embedScope,
  filledFacets,
  keepLocks,
  lockedFacets,
  removableFilterCount,
  withoutFilters,
  parseSearchParams,
  searchString,
  serializeSearchParams,
  toSearchRequest,
  withQuery,
  type SearchState,
} from './search-params.ts';

const known = {
  types: ['statement', 'report', 'news'],
  orgs: ['viasna', 'bhc', 'csp'],
  langs: ['en', 'be', 'ru'],
};

const parse = (query: string) => parseSearchParams(new URLSearchParams(query), known, 'embed');

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

  it('reads the interface language and the titles-only switch, ignoring other values', () => {
    expect(parse('hl=ru&in=titles')).toEqual({ ...EMPTY_STATE, hl: 'ru', titlesOnly: true });
    expect(parse('hl=fr&in=bodies')).toEqual(EMPTY_STATE);
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
      { ...EMPTY_STATE, q: 'x', titlesOnly: true, hl: 'be' },
      { ...EMPTY_STATE, orgs: ['viasna'], from: '2020', lock: ['org', 'from'], theme: 'dark' },
    ];
    for (const state of states) {
      expect(parseSearchParams(serializeSearchParams(state), known, 'embed')).toEqual(state);
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

  it('reads lock and theme in an embed only: on the full site they mean nothing', () => {
    const params = new URLSearchParams('org=viasna&lock=org&theme=dark');
    const site = parseSearchParams(params, known, 'site');
    expect(site).toEqual({ ...EMPTY_STATE, orgs: ['viasna'] });
    expect(removableFilterCount(site)).toBe(1);
    expect(searchString(withoutFilters(site))).toBe('');
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

  it('knows which facets have values, in the order lock names them', () => {
    expect(filledFacets(parse('to=2021&lang=be&q=x&org=bhc'))).toEqual(['org', 'lang', 'to']);
    expect(filledFacets(EMPTY_STATE)).toEqual([]);
  });

  it('gives the embed snippet the query and the filters, each locked when asked', () => {
    const state = parse('q=court&org=viasna&from=2020&sort=oldest&page=2&hl=be');
    expect(embedScope(state, false)).toEqual({
      q: 'court',
      types: [],
      orgs: ['viasna'],
      langs: [],
      from: '2020',
      lock: [],
    });
    expect(embedScope(state, true).lock).toEqual(['org', 'from']);
  });

  it('keeps an embed inside its locks whatever the query', () => {
    const current = parse('q=x&type=news&to=2020&lock=type,to');
    const cleared = withoutFilters(current);
    expect(searchString(cleared)).toBe('?q=x&type=news&to=2020&lock=type%2Cto');
    expect(removableFilterCount(current)).toBe(0);
    const moved = keepLocks({ ...current, types: ['report'], to: '2024', from: '2010' }, current);
    expect(searchString(moved)).toBe('?q=x&type=news&from=2010&to=2020&lock=type%2Cto');
  });

  it('clears only the filters the reader may remove', () => {
    const current = parse('q=x&org=viasna&type=news&from=2020&lock=org');
    expect(removableFilterCount(current)).toBe(2);
    const cleared = withoutFilters(current);
    expect(searchString(cleared)).toBe('?q=x&org=viasna&lock=org');
    expect(removableFilterCount(cleared)).toBe(0);
  });
});

describe('the URL in canonical form', () => {
  it('corrects a URL on the way through: known spellings, bounds in order, defaults left out', () => {
    const canonical = (query: string) => serializeSearchParams(parse(query)).toString();
    expect(canonical('org=VIASNA&org=nobody&type=News&from=2024&to=2020&sort=relevance&q=x')).toBe(
      'q=x&type=news&org=viasna&from=2020&to=2024',
    );
    expect(canonical('page=1&theme=auto&lock=&hl=xx&sort=newest')).toBe('');
    expect(canonical('lock=to,type&lock=org')).toBe('lock=type%2Corg%2Cto');
  });
});

describe('withQuery', () => {
  it('starts a new query on its first page, and keeps the state as it is for the same query', () => {
    const state: SearchState = { ...EMPTY_STATE, q: 'a', page: 3 };
    expect(withQuery(state, 'ab')).toEqual({ ...state, q: 'ab', page: 1 });
    expect(withQuery(state, 'a')).toBe(state);
  });
});

describe('toSearchRequest', () => {
  it('is the default request for the default state, but answers progressively', () => {
    expect(toSearchRequest(EMPTY_STATE)).toEqual({ ...DEFAULT_REQUEST, progressive: true });
  });

  it('asks the engine for what the URL says, in its own words', () => {
    expect(
      toSearchRequest(
        parse('q=prison&type=news&org=viasna&lang=be&from=2020&to=2021&in=titles&page=3&hl=ru'),
      ),
    ).toEqual({
      query: 'prison',
      types: ['news'],
      organizations: ['viasna'],
      languages: ['be'],
      from: '2020',
      to: '2021',
      sort: 'relevance',
      fullText: false,
      progressive: true,
      offset: 2 * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
  });

  it('asks for no query when the text has no words, sorted newest first', () => {
    const request = toSearchRequest({ ...EMPTY_STATE, q: ' ?! ', sort: 'relevance' });
    expect(request.query).toBe('');
    expect(request.sort).toBe('newest');
  });
});
