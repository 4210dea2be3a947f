import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { useLocation } from 'react-router';
import { usePaths } from '../../app/paths.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { startQuery, searchQuery } from '../../corpus/queries.ts';
import { PAGE_SIZE, type SearchRequest, type SortOrder } from '../../corpus/search-request.ts';
import { useSearchClient } from '../../corpus/search-client-context.tsx';
import { EmptyResults } from './empty-results.tsx';
import { formatCount, publicationCount } from '../../components/format.ts';
import { Pagination } from './pagination.tsx';
import { ResultList } from './result-list.tsx';
import { SearchBox } from './search-box.tsx';
import { SearchFilters } from './search-filters.tsx';
import {
  activeFilterCount,
  effectiveSort,
  searchString,
  type SearchState,
} from './search-params.ts';
import { useSearchState } from './use-search-state.ts';

const SORT_LABELS: Record<SortOrder, string> = {
  relevance: 'Relevance',
  newest: 'Newest first',
  oldest: 'Oldest first',
};

function toRequest(state: SearchState): SearchRequest {
  return {
    query: state.q,
    types: state.types,
    organizations: state.orgs,
    languages: state.langs,
    from: state.from,
    to: state.to,
    sort: effectiveSort(state),
    offset: (state.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

export function SearchPage() {
  const { data: meta } = useSuspenseQuery(startQuery());
  const known = useMemo(
    () => ({
      types: meta.types.map((type) => type.id),
      orgs: meta.organizations.map((org) => org.id),
      langs: meta.languages,
    }),
    [meta],
  );
  const { state, setQueryText, commitQueryText, update } = useSearchState(known);
  const { types, orgs, langs, from, to } = state;
  const selection = useMemo(
    () => ({ types, orgs, langs, from, to }),
    [types, orgs, langs, from, to],
  );
  const client = useSearchClient();
  const results = useQuery(searchQuery(client, toRequest(state), meta));
  // Once the first results are on screen, get the worker ready for the first keystroke.
  useEffect(() => {
    const timer = setTimeout(() => client.warmUp(), 100);
    return () => clearTimeout(timer);
  }, [client]);
  const paths = usePaths();
  const sortId = useId();

  const typeLabels = useMemo(
    () => new Map(meta.types.map((type) => [type.id, type.label])),
    [meta],
  );
  const orgNames = useMemo(
    () => new Map(meta.organizations.map((org) => [org.id, org.name])),
    [meta],
  );
  // The URL as written, not the live text: links to publications change only when it does.
  const committedSearch = useLocation().search;
  // A stable handle for memoized children; it always calls the latest `update`.
  const latestUpdate = useRef(update);
  useLayoutEffect(() => {
    latestUpdate.current = update;
  });
  const onFiltersChange = useCallback(
    (changes: Partial<SearchState>) => latestUpdate.current(changes),
    [],
  );
  // Opening a result right after typing: write the URL first, so Back returns to this search.
  const latestCommit = useRef(commitQueryText);
  useLayoutEffect(() => {
    latestCommit.current = commitQueryText;
  });
  const onOpenResult = useCallback(() => latestCommit.current(), []);
  const query = state.q.trim();
  useDocumentTitle(query ? `“${query}” — ${meta.name}` : meta.name);

  const data = results.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const firstShown = data && data.total > 0 ? data.offset + 1 : 0;
  const lastShown = data ? data.offset + data.hits.length : 0;
  const sort = effectiveSort(state);

  return (
    <div className="search-page">
      <h1 className="visually-hidden">Search {meta.name}</h1>
      <SearchBox value={state.q} onChange={setQueryText} onCommit={commitQueryText} />

      <div className="search-page__columns">
        <aside className="search-page__filters" aria-labelledby={`${sortId}-filters`}>
          <h2 id={`${sortId}-filters`} className="filters__heading">
            Filters
          </h2>
          <SearchFilters
            meta={meta}
            facets={data?.facets}
            selection={selection}
            onChange={onFiltersChange}
          />
          {activeFilterCount(state) > 0 && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() =>
                update({ types: [], orgs: [], langs: [], from: undefined, to: undefined })
              }
            >
              Clear all filters
            </button>
          )}
        </aside>

        <section className="search-page__results" aria-labelledby={`${sortId}-results`}>
          <h2 id={`${sortId}-results`} className="visually-hidden">
            Results
          </h2>
          <div className="results-bar">
            <p role="status" className="results-bar__status">
              {data
                ? `${publicationCount(data.total)}${
                    data.total > 0
                      ? ` · showing ${formatCount(firstShown)}–${formatCount(lastShown)}`
                      : ''
                  }`
                : results.isError
                  ? 'Search is unavailable'
                  : 'Loading publications…'}
            </p>
            <div className="results-bar__sort">
              <label htmlFor={sortId}>Sort by</label>
              <select
                id={sortId}
                value={sort}
                onChange={(event) => {
                  const order = event.target.value;
                  if (order === 'relevance' || order === 'newest' || order === 'oldest')
                    update({ sort: order });
                }}
              >
                {(Object.keys(SORT_LABELS) as SortOrder[]).map((order) => (
                  <option key={order} value={order} disabled={order === 'relevance' && !query}>
                    {SORT_LABELS[order]}
                  </option>
                ))}
              </select>
            </div>
          </div>

          {results.isError && !results.isFetching && (
            <div className="notice notice--error" role="alert">
              <p>The publications could not be loaded. Check your connection and try again.</p>
              <button type="button" className="button" onClick={() => void results.refetch()}>
                Try again
              </button>
            </div>
          )}

          {data && data.total === 0 && (
            <EmptyResults
              query={query}
              filterCount={activeFilterCount(state)}
              onClearFilters={() =>
                update({ types: [], orgs: [], langs: [], from: undefined, to: undefined })
              }
              onClearQuery={() => update({ q: '' })}
            />
          )}

          {data && data.hits.length > 0 && (
            <>
              <ResultList
                hits={data.hits}
                typeLabels={typeLabels}
                organizationNames={orgNames}
                mainLanguage={meta.language}
                searchLocation={paths.search(new URLSearchParams(committedSearch))}
                busy={results.isPlaceholderData}
                onOpen={onOpenResult}
              />
              <Pagination
                page={Math.floor(data.offset / PAGE_SIZE) + 1}
                pageCount={pageCount}
                query={searchString(state)}
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
