import { endKey, parsePartialDate, startKey } from '../../corpus/dates.ts';
import type { SortOrder } from '../../corpus/search-request.ts';

/**
 * The search state and its URL, in one pure module (docs/decisions/004-url-state.md). The URL is
 * the source of truth: every state has one URL, defaults are left out, multi-select facets repeat
 * their key, and anything unknown or malformed is dropped rather than shown as an error.
 */

export type SearchState = {
  q: string;
  types: string[];
  orgs: string[];
  langs: string[];
  from?: string;
  to?: string;
  /** Only when chosen; otherwise the default for `q` applies (see `effectiveSort`). */
  sort?: SortOrder;
  page: number;
};

/** What the corpus allows; values it does not know are dropped. */
export type KnownValues = {
  types: readonly string[];
  orgs: readonly string[];
  langs: readonly string[];
};

export const EMPTY_STATE: SearchState = { q: '', types: [], orgs: [], langs: [], page: 1 };

const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

export function defaultSort(q: string): SortOrder {
  return q.trim() ? 'relevance' : 'newest';
}

export function effectiveSort(state: Pick<SearchState, 'q' | 'sort'>): SortOrder {
  const sort = state.sort ?? defaultSort(state.q);
  // Relevance means nothing without a query.
  return sort === 'relevance' && !state.q.trim() ? 'newest' : sort;
}

/** Known values in the order given, without repeats; matched case-insensitively. */
function pickKnown(values: readonly string[], known: readonly string[]): string[] {
  const byLowerCase = new Map(known.map((value) => [value.toLowerCase(), value]));
  const picked = new Set<string>();
  for (const value of values) {
    const match = byLowerCase.get(value.trim().toLowerCase());
    if (match !== undefined) picked.add(match);
  }
  return [...picked];
}

function parseDate(value: string | null): string | undefined {
  const text = value?.trim() ?? '';
  return parsePartialDate(text) ? text : undefined;
}

function parsePage(value: string | null): number {
  if (value === null || !/^\d{1,6}$/.test(value.trim())) return 1;
  return Math.max(1, Number(value));
}

export function parseSearchParams(params: URLSearchParams, known: KnownValues): SearchState {
  const state: SearchState = {
    q: params.get('q') ?? '',
    types: pickKnown(params.getAll('type'), known.types),
    orgs: pickKnown(params.getAll('org'), known.orgs),
    langs: pickKnown(params.getAll('lang'), known.langs),
    page: parsePage(params.get('page')),
  };
  let from = parseDate(params.get('from'));
  let to = parseDate(params.get('to'));
  const fromDate = from === undefined ? null : parsePartialDate(from);
  const toDate = to === undefined ? null : parsePartialDate(to);
  if (fromDate && toDate && startKey(fromDate) > endKey(toDate)) [from, to] = [to, from];
  if (from !== undefined) state.from = from;
  if (to !== undefined) state.to = to;
  const sort = params.get('sort');
  const knownSort = SORT_ORDERS.find((order) => order === sort);
  if (knownSort && knownSort !== defaultSort(state.q)) state.sort = knownSort;
  return state;
}

export function serializeSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const type of state.types) params.append('type', type);
  for (const org of state.orgs) params.append('org', org);
  for (const lang of state.langs) params.append('lang', lang);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort && state.sort !== defaultSort(state.q)) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** `?…` for a state, or '' for the default state. */
export function searchString(state: SearchState): string {
  const query = serializeSearchParams(state).toString();
  return query ? `?${query}` : '';
}

export function activeFilterCount(state: SearchState): number {
  return (
    state.types.length +
    state.orgs.length +
    state.langs.length +
    (state.from ? 1 : 0) +
    (state.to ? 1 : 0)
  );
}
