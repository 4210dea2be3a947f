import { useSuspenseQuery } from '@tanstack/react-query';
import { memo, useDeferredValue, useEffect, useMemo } from 'react';
import { usePaths } from '../../lib/link-scope.tsx';
import { startQuery } from '../../lib/queries.ts';
import { useSearchClient } from '../../lib/search-client-context.tsx';
import type { StartData } from '../../search/protocol.ts';
import { ActiveFilters } from './active-filters.tsx';
import { ClearFilters } from './clear-filters.tsx';
import { DidYouMean } from './did-you-mean.tsx';
import { EmptyResults } from './empty-results.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { FeedLink } from './feed-link.tsx';
import { FiltersPanel } from './filters-panel.tsx';
import { Pagination, useShowPagedResults } from './pagination.tsx';
import { FullTextNotice } from './full-text-notice.tsx';
import { ResultCount } from './result-count.tsx';
import { ResultList } from './result-list.tsx';
import { SearchError } from './search-error.tsx';
import { UnlessStalled } from './search-waiting.tsx';
import { SearchBox } from './search-box.tsx';
import { SearchFilters } from './search-filters.tsx';
import {
  effectiveSort,
  hasWords,
  knownValues,
  lockedFacets,
  removableFilterCount,
  searchString,
  serializeSearchParams,
  withoutFilters,
  withQuery,
  type SearchState,
} from './search-params.ts';
import { ShareSearch } from './share-search.tsx';
import { SortSelect } from './sort-select.tsx';
import { periodAfterTap } from './timeline-bars.ts';
import { TimelineChart } from './timeline-chart.tsx';
import { useLatestCallback } from './use-latest-callback.ts';
import { useQuiet } from './use-quiet.ts';
import { useFacetNames } from './use-facet-names.ts';
import { useSearchAnswer } from './use-search-answer.ts';
import { useSearchPreview } from './use-search-preview.ts';
import { useSearchState } from './use-search-state.ts';
import { usePassages } from './use-passages.ts';
import { useSlashToSearch } from './use-slash-to-search.ts';
import { rememberOpenedResult, useReturnToResult } from './use-return-to-result.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The id the skip link jumps to. */
export const RESULTS_ID = 'results';

export function SearchPage() {
  const { data: meta } = useSuspenseQuery(startQuery());
  const known = useMemo(() => knownValues(meta), [meta]);
  const { t, localized } = useI18n();
  const { scope } = usePaths();
  const {
    state: live,
    committed,
    setQueryText,
    commitQueryText,
    update,
  } = useSearchState(known, scope);
  const onCommit = useLatestCallback(commitQueryText);
  const onUpdate = useLatestCallback(update);
  // A keystroke's own render is the search box's alone (it is uncontrolled: the letter is on
  // screen already); the results follow in a render React interrupts for the next keystroke.
  // Only the text waits: a filter shows its new state within the click that changed it.
  const text = useDeferredValue(live.q);
  const deferred = useMemo(() => withQuery(committed, text), [committed, text]);
  const client = useSearchClient();
  // Once the first results are on screen, get the worker ready for the first keystroke.
  useEffect(() => {
    const timer = setTimeout(() => client.warmUp(), 100);
    return () => clearTimeout(timer);
  }, [client]);
  useSlashToSearch();
  useShowPagedResults(RESULTS_ID);

  return (
    <div className="search-page">
      <h1 className="visually-hidden">{t.searchArchive(localized(meta.name, meta.names))}</h1>
      <SearchBox
        value={live.q}
        onChange={setQueryText}
        onCommit={commitQueryText}
        titlesOnly={live.titlesOnly === true}
        onTitlesOnlyChange={(titlesOnly) => update({ titlesOnly: titlesOnly || undefined })}
        tips={meta.tips}
      />
      <SearchView
        meta={meta}
        state={deferred}
        committed={committed}
        commitQueryText={onCommit}
        update={onUpdate}
      />
    </div>
  );
}

type SearchViewProps = {
  meta: StartData;
  /** The search state with the live text, a render behind the search box while typing. */
  state: SearchState;
  committed: SearchState;
  commitQueryText(): void;
  update(changes: Partial<SearchState>): void;
};

/** Everything below the search box. Memoized: it renders when the (deferred) state changes. */
const SearchView = memo(function SearchView({
  meta,
  state,
  committed,
  commitQueryText,
  update,
}: SearchViewProps) {
  const { t } = useI18n();
  const paths = usePaths();
  const embedded = paths.scope === 'embed';
  const locked = useMemo(() => lockedFacets(committed), [committed]);
  const { types, orgs, langs, from, to } = state;
  const selection = useMemo(
    () => ({ types, orgs, langs, from, to }),
    [types, orgs, langs, from, to],
  );

  const client = useSearchClient();
  const { request, search, data, placeholder, failed, retry, settled } = useSearchAnswer(
    meta,
    state,
    committed,
  );
  // Still typing: a word's beginnings often match nothing, which is no answer yet.
  const quiet = useQuiet(state.q);

  const { typeLabels, orgNames } = useFacetNames(meta);

  // Opening a result right after typing: write the URL first, so Back returns to this search.
  const onOpenResult = useLatestCallback((id: string) => {
    rememberOpenedResult(searchString(state), id);
    commitQueryText();
  });
  const onSelectPeriod = useLatestCallback((first: string, last: string) =>
    update(periodAfterTap(state, first, last)),
  );
  useSearchPreview(meta, state.q, committed, settled?.total);

  // Body-only matches show where they matched once they are near the screen.
  const { passages, onSeen } = usePassages(client, state.q, placeholder ? undefined : data);
  useReturnToResult(
    searchString(committed),
    data !== undefined && !placeholder && data.hits.length > 0,
  );
  const committedPath = paths.search(serializeSearchParams(committed));
  const filterCount = removableFilterCount(state);
  const clearFilters = () => update(withoutFilters(state));

  return (
    <>
      <FeedLink
        selection={selection}
        typeLabels={typeLabels}
        orgNames={orgNames}
        embedded={embedded}
      />

      <div className="search-page__columns">
        <FiltersPanel activeCount={filterCount} total={data?.total} inline={embedded}>
          <SearchFilters
            meta={meta}
            facets={data?.facets}
            selection={selection}
            locked={locked}
            onChange={update}
          />
          <ClearFilters count={filterCount} onClear={clearFilters} />
        </FiltersPanel>

        <section
          id={RESULTS_ID}
          className="search-page__results"
          aria-label={t.searchResults}
          aria-busy={!data && !failed}
          tabIndex={-1}
        >
          <ActiveFilters
            meta={meta}
            selection={selection}
            locked={locked}
            onChange={update}
            onClearAll={clearFilters}
          />
          {data && data.total > 0 && (
            <TimelineChart
              timeline={data.timeline}
              from={state.from}
              to={state.to}
              locked={locked.has('from') || locked.has('to')}
              onSelect={onSelectPeriod}
            />
          )}
          <div className="results-bar">
            <ResultCount
              query={search}
              response={data}
              announced={settled}
              failed={failed && !data}
            />
            {!embedded && data && data.total > 0 && (
              <ShareSearch state={committed} path={committedPath} />
            )}
            <SortSelect
              value={effectiveSort(state)}
              hasQuery={hasWords(state.q)}
              onChange={(sort) => update({ sort })}
            />
          </div>

          <FullTextNotice state={data?.fullText} onRetry={retry} />

          <SearchError query={search} />

          <UnlessStalled query={search}>
            {data?.suggestion && !placeholder && quiet && (
              <DidYouMean suggestion={data.suggestion} state={state} />
            )}
            {/* Nothing found says so once typing pauses: a word half typed often matches nothing. */}
            {data && data.total === 0 && !placeholder && quiet && (
              <EmptyResults
                state={state}
                start={meta}
                filterCount={filterCount}
                onClearFilters={clearFilters}
                onClearQuery={() => update({ q: '' })}
              />
            )}

            {data && data.hits.length > 0 && (
              <>
                <ResultList
                  hits={data.hits}
                  total={data.total}
                  passages={passages}
                  onPassagesSeen={onSeen}
                  typeLabels={typeLabels}
                  organizationNames={orgNames}
                  mainLanguage={meta.language}
                  searchLocation={committedPath}
                  busy={placeholder}
                  onOpen={onOpenResult}
                />
                <Pagination response={data} query={searchString(state)} />
              </>
            )}

            {data && data.total > 0 && (
              <div className="results-tools">
                <ExportButtons request={request} meta={meta} scope={state} />
              </div>
            )}
          </UnlessStalled>
        </section>
      </div>
    </>
  );
});
