import { endKey, parsePartialDate, startKey } from '../../corpus/dates.ts';
import type { SortOrder } from '../../search/protocol.ts';
import { parseLock, parseTheme, type LockableFacet, type Theme } from '../../embed/embed-params.ts';
import { parseHl, type InterfaceLanguage } from '../../i18n/languages.ts';

/**
 * The search state and its URL, in one pure module (docs/decisions/004-url-state.md). The URL is
 * the source of truth: every state has one URL, defaults are left out, multi-select facets repeat
 * their key, and anything unknown or malformed is dropped rather than shown as an error.
 */

export type { LockableFacet, Theme };

export type SearchState = {
  q: string;
  types: string[];
  orgs: string[];
  langs: string[];
  from?: string;
  to?: string;
  /** Only when chosen; otherwise the default for `q` applies (see `effectiveSort`). */
  sort?: SortOrder;
  /** `in=titles`: search titles, summaries and tags only, not the full text (an extension). */
  titlesOnly?: boolean;
  page: number;
  /** Embeds only: facets whose values in the URL the reader cannot change. */
  lock?: LockableFacet[];
  /** Embeds only: the colour scheme the host asked for. */
  theme?: Theme;
  /** The interface language, when the URL names it (it is not a filter: it stays as it is). */
  hl?: InterfaceLanguage;
};

/** What the corpus allows; values it does not know are dropped. */
export type KnownValues = {
  types: readonly string[];
  orgs: readonly string[];
  langs: readonly string[];
};

export const EMPTY_STATE: SearchState = { q: '', types: [], orgs: [], langs: [], page: 1 };

const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

/** Whether a query has anything to search for: punctuation alone ("?!", "—") is no query. */
export function hasWords(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q);
}

export function defaultSort(q: string): SortOrder {
  return hasWords(q) ? 'relevance' : 'newest';
}

export function effectiveSort(state: Pick<SearchState, 'q' | 'sort'>): SortOrder {
  const sort = state.sort ?? defaultSort(state.q);
  // Relevance means nothing without a query.
  return sort === 'relevance' && !hasWords(state.q) ? 'newest' : sort;
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
  if (params.get('in') === 'titles') state.titlesOnly = true;
  const lock = parseLock(params.getAll('lock'));
  if (lock.length > 0) state.lock = lock;
  const theme = parseTheme(params.get('theme'));
  if (theme && theme !== 'auto') state.theme = theme;
  const hl = parseHl(params.get('hl'));
  if (hl) state.hl = hl;
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
  if (state.titlesOnly) params.set('in', 'titles');
  if (state.page > 1) params.set('page', String(state.page));
  if (state.lock && state.lock.length > 0) params.set('lock', state.lock.join(','));
  if (state.theme && state.theme !== 'auto') params.set('theme', state.theme);
  if (state.hl) params.set('hl', state.hl);
  return params;
}

/** The facets `state` locks that have values to lock: a lock on an empty facet fixes nothing. */
export function lockedFacets(state: SearchState): ReadonlySet<LockableFacet> {
  const locked = new Set<LockableFacet>();
  for (const facet of state.lock ?? []) {
    const hasValue =
      (facet === 'type' && state.types.length > 0) ||
      (facet === 'org' && state.orgs.length > 0) ||
      (facet === 'lang' && state.langs.length > 0) ||
      (facet === 'from' && state.from !== undefined) ||
      (facet === 'to' && state.to !== undefined);
    if (hasValue) locked.add(facet);
  }
  return locked;
}

/** `next` with the locked facets of `current` put back: an embed's scope cannot be widened. */
export function keepLocks(next: SearchState, current: SearchState): SearchState {
  const locked = lockedFacets(current);
  if (locked.size === 0) return next;
  const kept: SearchState = { ...next, lock: current.lock ?? [] };
  if (locked.has('type')) kept.types = current.types;
  if (locked.has('org')) kept.orgs = current.orgs;
  if (locked.has('lang')) kept.langs = current.langs;
  if (locked.has('from')) kept.from = current.from;
  if (locked.has('to')) kept.to = current.to;
  return kept;
}

/** Filters the reader chose, not those an embed fixed. */
export function removableFilterCount(state: SearchState): number {
  const locked = lockedFacets(state);
  return (
    (locked.has('type') ? 0 : state.types.length) +
    (locked.has('org') ? 0 : state.orgs.length) +
    (locked.has('lang') ? 0 : state.langs.length) +
    (state.from && !locked.has('from') ? 1 : 0) +
    (state.to && !locked.has('to') ? 1 : 0)
  );
}

/** The state without the filters the reader can remove. */
export function withoutFilters(state: SearchState): SearchState {
  return keepLocks(
    { ...state, types: [], orgs: [], langs: [], from: undefined, to: undefined, page: 1 },
    state,
  );
}

/** `?…` for a state, or '' for the default state. */
export function searchString(state: SearchState): string {
  const query = serializeSearchParams(state).toString();
  return query ? `?${query}` : '';
}
