import { endKey, parsePartialDate, startKey } from '../../corpus/dates.ts';
import {
  PAGE_SIZE,
  type CorpusMeta,
  type SearchRequest,
  type SortOrder,
} from '../../search/protocol.ts';
import type { EmbedScope } from '../../embed/embed-snippet.ts';
import {
  LOCKABLE_FACETS,
  parseLock,
  parseTheme,
  type LockableFacet,
  type Theme,
} from '../../embed/embed-params.ts';
import { parseHl, type InterfaceLanguage } from '../../i18n/languages.ts';
import type { LinkScope } from '../../lib/paths.ts';

/**
 * The search state, its URL and the request it makes, in one pure module
 * (docs/decisions/004-url-state.md). The URL is the source of truth: every state has one URL,
 * defaults are left out, multi-select facets repeat their key, and anything unknown or malformed
 * is dropped rather than shown as an error. `SearchState` speaks the URL's words (`org`, `lang`,
 * `in=titles`, `page`); `toSearchRequest` is the one place they become the engine's
 * (`organizations`, `languages`, `fullText`, `offset`).
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

/**
 * The filters: each facet's URL key (the name `lock` and the embed's `data-*` use too) and its
 * field in the state. Locks, counts, "Clear all" and the embed snippet all go through it.
 */
const FACET_FIELD = {
  type: 'types',
  org: 'orgs',
  lang: 'langs',
  from: 'from',
  to: 'to',
} as const satisfies Record<LockableFacet, keyof SearchState>;

type FilterField = (typeof FACET_FIELD)[LockableFacet];

/** The facets whose values are lists: `?type=a&type=b`. */
const LIST_FACETS = ['type', 'org', 'lang'] as const satisfies readonly LockableFacet[];

/** The filters of a state, and nothing else. */
export type Selection = Pick<SearchState, FilterField>;

/** A selection of nothing. */
const NO_FILTERS = {
  types: [],
  orgs: [],
  langs: [],
  from: undefined,
  to: undefined,
} satisfies Record<FilterField, unknown>;

/** What the corpus allows; values it does not know are dropped. */
export type KnownValues = Record<
  (typeof FACET_FIELD)[(typeof LIST_FACETS)[number]],
  readonly string[]
>;

/** The facet values an archive knows. */
export function knownValues(meta: CorpusMeta): KnownValues {
  return {
    types: meta.types.map((type) => type.id),
    orgs: meta.organizations.map((org) => org.id),
    langs: meta.languages,
  };
}

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

/**
 * The state a URL asks for, with what `known` does not know left out. `lock` and `theme` are
 * read in an embed only: on the full site they mean nothing, and the next URL drops them.
 */
export function parseSearchParams(
  params: URLSearchParams,
  known: KnownValues,
  scope: LinkScope,
): SearchState {
  const state: SearchState = { ...EMPTY_STATE, q: params.get('q') ?? '' };
  for (const facet of LIST_FACETS) {
    const field = FACET_FIELD[facet];
    state[field] = pickKnown(params.getAll(facet), known[field]);
  }
  state.page = parsePage(params.get('page'));
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
  if (scope === 'embed') {
    const lock = parseLock(params.getAll('lock'));
    if (lock.length > 0) state.lock = lock;
    const theme = parseTheme(params.get('theme'));
    if (theme && theme !== 'auto') state.theme = theme;
  }
  const hl = parseHl(params.get('hl'));
  if (hl) state.hl = hl;
  return state;
}

export function serializeSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const facet of LIST_FACETS) {
    for (const value of state[FACET_FIELD[facet]]) params.append(facet, value);
  }
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

/** `?…` for a state, or '' for the default state. */
export function searchString(state: SearchState): string {
  const query = serializeSearchParams(state).toString();
  return query ? `?${query}` : '';
}

/** The state with another query: a new query starts at its first page. */
export function withQuery(state: SearchState, q: string): SearchState {
  return state.q === q ? state : { ...state, q, page: 1 };
}

/** What the search engine is asked for a state: the URL's words in the engine's. */
export function toSearchRequest(state: SearchState): SearchRequest {
  return {
    query: hasWords(state.q) ? state.q : '',
    types: state.types,
    organizations: state.orgs,
    languages: state.langs,
    from: state.from,
    to: state.to,
    sort: effectiveSort(state),
    fullText: !state.titlesOnly,
    // The page answers from titles and summaries while the bodies' index loads, and says so.
    progressive: true,
    offset: (state.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/** The filters of a state. */
export function selectionOf(state: SearchState): Selection {
  const { types, orgs, langs, from, to } = state;
  return { types, orgs, langs, from, to };
}

/** How many values a facet has in a state (a date bound counts one). */
function valueCount(state: Selection, facet: LockableFacet): number {
  const value = state[FACET_FIELD[facet]];
  if (typeof value === 'string') return value ? 1 : 0;
  return value?.length ?? 0;
}

/** The facets that have values, in canonical order: what an embed of the state could lock. */
export function filledFacets(state: Selection): LockableFacet[] {
  return LOCKABLE_FACETS.filter((facet) => valueCount(state, facet) > 0);
}

/** The facets `state` locks that have values to lock: a lock on an empty facet fixes nothing. */
export function lockedFacets(state: SearchState): ReadonlySet<LockableFacet> {
  return new Set(filledFacets(state).filter((facet) => state.lock?.includes(facet)));
}

function copyField<K extends FilterField>(to: SearchState, from: SearchState, field: K) {
  to[field] = from[field];
}

/** `next` with the locked facets of `current` put back: an embed's scope cannot be widened. */
export function keepLocks(next: SearchState, current: SearchState): SearchState {
  const locked = lockedFacets(current);
  if (locked.size === 0) return next;
  const kept: SearchState = { ...next, lock: current.lock ?? [] };
  for (const facet of locked) copyField(kept, current, FACET_FIELD[facet]);
  return kept;
}

/** Filters the reader chose, not those an embed fixed. */
export function removableFilterCount(state: SearchState): number {
  const locked = lockedFacets(state);
  return LOCKABLE_FACETS.filter((facet) => !locked.has(facet)).reduce(
    (sum, facet) => sum + valueCount(state, facet),
    0,
  );
}

/** The state without the filters the reader can remove. */
export function withoutFilters(state: SearchState): SearchState {
  return keepLocks({ ...state, ...NO_FILTERS, page: 1 }, state);
}

/**
 * What the embed snippet of a state shows (its `data-*` attributes): the query and the filters,
 * and, when asked, every filter locked.
 */
export function embedScope(state: SearchState, lockFilters: boolean): EmbedScope {
  return {
    q: state.q,
    ...selectionOf(state),
    lock: lockFilters ? filledFacets(state) : [],
  };
}
