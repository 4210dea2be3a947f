import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { embedSnippet } from '../../embed/embed-snippet.ts';
import { usePaths } from '../../lib/link-scope.tsx';
import { absoluteUrl, href, paths as sitePaths } from '../../lib/paths.ts';
import { SharePanel } from '../../components/share-panel.tsx';
import { usePagePreview } from '../../components/use-document-title.ts';
import { startQuery, searchQuery } from '../../lib/queries.ts';
import { PAGE_SIZE } from '../../search/protocol.ts';
import { useSearchClient } from '../../lib/search-client-context.tsx';
import type { CorpusMeta, SearchRequest, StartData } from '../../search/protocol.ts';
import { ActiveFilters } from './active-filters.tsx';
import { DidYouMean } from './did-you-mean.tsx';
import { EmptyResults } from './empty-results.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { FiltersPanel } from './filters-panel.tsx';
import { Pagination, wasPaged } from './pagination.tsx';
import { FullTextNotice } from './full-text-notice.tsx';
import { focusWhenLost, resultsSection } from './focus-when-lost.ts';
import { ResultCount } from './result-count.tsx';
import { ResultList } from './result-list.tsx';
import { SearchError } from './search-error.tsx';
import { UnlessStalled } from './search-waiting.tsx';
import { SearchBox } from './search-box.tsx';
import { SearchFilters } from './search-filters.tsx';
import {
  effectiveSort,
  hasWords,
  lockedFacets,
  removableFilterCount,
  searchString,
  serializeSearchParams,
  withoutFilters,
  type SearchState,
} from './search-params.ts';
import { SortSelect } from './sort-select.tsx';
import { TimelineChart } from './timeline-chart.tsx';
import { useLatestCallback } from './use-latest-callback.ts';
import { useQuiet } from './use-quiet.ts';
import { useSearchState } from './use-search-state.ts';
import { usePassages } from './use-passages.ts';
import { useSlashToSearch } from './use-slash-to-search.ts';
import { rememberOpenedResult, useReturnToResult } from './use-return-to-result.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { I18n } from '../../i18n/i18n.ts';

/** The id the skip link jumps to. */
export const RESULTS_ID = 'results';

/** The Atom feed of a page filtered by one organization (or else one type), if it is one. */
function feedOf(
  state: SearchState,
  meta: CorpusMeta,
  i18n: I18n,
): { href: string; title: string } | null {
  const [org] = state.orgs;
  if (state.orgs.length === 1 && org) {
    const found = meta.organizations.find((candidate) => candidate.id === org);
    const name = found ? i18n.localized(found.name, found.names) : org;
    return { href: href(sitePaths.feed({ org })), title: i18n.t.feedTitle(name) };
  }
  const [type] = state.types;
  if (state.orgs.length === 0 && state.types.length === 1 && type) {
    const found = meta.types.find((candidate) => candidate.id === type);
    const label = found ? i18n.localized(found.label, found.labels) : type;
    return { href: href(sitePaths.feed({ type })), title: i18n.t.feedTitle(label) };
  }
  return null;
}

function toRequest(state: SearchState): SearchRequest {
  return {
    query: hasWords(state.q) ? state.q : '',
    types: state.types,
    organizations: state.orgs,
    languages: state.langs,
    from: state.from,
    to: state.to,
    sort: effectiveSort(state),
    fullText: !state.titlesOnly,
    progressive: true,
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
  const { t, localized } = useI18n();
  const embedded = usePaths().scope === 'embed';
  const { state: live, committed, setQueryText, commitQueryText, update } = useSearchState(known);
  const onCommit = useLatestCallback(commitQueryText);
  const onUpdate = useLatestCallback(update);
  // A keystroke's own render is the search box's alone (it is uncontrolled: the letter is on
  // screen already); the results follow in a render React interrupts for the next keystroke.
  // Only the text waits: a filter shows its new state within the click that changed it.
  const text = useDeferredValue(live.q);
  const deferred = useMemo(
    () => (text === committed.q ? committed : { ...committed, q: text, page: 1 }),
    [committed, text],
  );
  const client = useSearchClient();
  // Once the first results are on screen, get the worker ready for the first keystroke.
  useEffect(() => {
    const timer = setTimeout(() => client.warmUp(), 100);
    return () => clearTimeout(timer);
  }, [client]);
  useSlashToSearch();
  // A page link shows the new page from the top of the results, with focus there, not on <body>.
  const location = useLocation();
  useEffect(() => {
    if (!wasPaged(location.state)) return;
    const section = document.getElementById(RESULTS_ID);
    section?.focus({ preventScroll: true });
    section?.scrollIntoView({ block: 'start' });
  }, [location.key, location.state]);

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
        live={deferred}
        committed={committed}
        embedded={embedded}
        commitQueryText={onCommit}
        update={onUpdate}
      />
    </div>
  );
}

type SearchViewProps = {
  meta: StartData;
  /** The search state with the live text, a render behind the search box while typing. */
  live: SearchState;
  committed: SearchState;
  embedded: boolean;
  commitQueryText(): void;
  update(changes: Partial<SearchState>): void;
};

/** Everything below the search box. Memoized: it renders when the (deferred) state changes. */
const SearchView = memo(function SearchView({
  meta,
  live,
  committed,
  embedded,
  commitQueryText,
  update,
}: SearchViewProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const paths = usePaths();
  // Locks and themes are for embeds; on the full site those parameters mean nothing.
  const state = embedded ? live : { ...live, lock: undefined };
  const locked = useMemo(
    () => (embedded ? lockedFacets(committed) : new Set<never>()),
    [embedded, committed],
  );
  const { types, orgs, langs, from, to } = state;
  const selection = useMemo(
    () => ({ types, orgs, langs, from, to }),
    [types, orgs, langs, from, to],
  );

  const client = useSearchClient();
  const search = searchQuery(client, toRequest(state), meta);
  const results = useQuery(search);
  // The count announced to screen readers follows the URL, which waits for typing to pause: it
  // is read once a word is typed, not after every letter. What shows follows the list.
  const settled = useQuery(searchQuery(client, toRequest(committed), meta));
  // Still typing: a word's beginnings often match nothing, which is no answer yet.
  const quiet = useQuiet(live.q);

  const typeLabels = useMemo(
    () => new Map(meta.types.map((type) => [type.id, i18n.localized(type.label, type.labels)])),
    [meta, i18n],
  );
  const orgNames = useMemo(
    () => new Map(meta.organizations.map((org) => [org.id, i18n.localized(org.name, org.names)])),
    [meta, i18n],
  );
  const onFiltersChange = useLatestCallback((changes: Partial<SearchState>) => update(changes));

  // Opening a result right after typing: write the URL first, so Back returns to this search.
  const onOpenResult = useLatestCallback((id: string) => {
    rememberOpenedResult(searchString(state), id);
    commitQueryText();
  });
  const [lockEmbed, setLockEmbed] = useState(false);
  // A bar of the timeline narrows to its period; the same bar again widens again: a month to
  // its year, a year (or years) to all dates.
  const onSelectPeriod = useLatestCallback((first: string, last: string) => {
    if (state.from !== first || state.to !== last) update({ from: first, to: last });
    else if (/^\d{4}-\d{2}$/.test(first) && first.slice(0, 4) === last.slice(0, 4))
      update({ from: first.slice(0, 4), to: first.slice(0, 4) });
    else update({ from: undefined, to: undefined });
  });

  const feed = feedOf(state, meta, i18n);

  const query = hasWords(state.q) ? state.q.trim() : '';
  const archive = i18n.localized(meta.name, meta.names);
  // What a shared link of this search previews: its words, its filters and how many it finds.
  const named = [
    ...(hasWords(committed.q) ? [t.quoted(committed.q.trim())] : []),
    ...committed.types.map((id) => typeLabels.get(id) ?? id),
    ...committed.orgs.map((id) => orgNames.get(id) ?? id),
  ].join(', ');
  const found = settled.data && !settled.isPlaceholderData ? settled.data.total : undefined;
  usePagePreview(
    query ? t.queryTitle(query, archive) : archive,
    found === undefined
      ? undefined
      : t.searchPreview(i18n.count(t.publicationCount, found), named, archive),
  );

  // New results arrive as a synchronous render (React Query's store): the lists, facets and
  // timeline they change render deferred, which React interrupts for a keystroke.
  const answer = useMemo(
    () => ({ data: results.data, placeholder: results.isPlaceholderData }),
    [results.data, results.isPlaceholderData],
  );
  const { data, placeholder } = useDeferredValue(answer);
  // Body-only matches show where they matched once they are near the screen.
  const { passages, onSeen } = usePassages(client, state.q, placeholder ? undefined : data);
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  useReturnToResult(
    searchString(committed),
    data !== undefined && !placeholder && data.hits.length > 0,
  );
  const committedPath = paths.search(serializeSearchParams(committed));
  const filterCount = removableFilterCount(state);
  const clearFilters = () => update(withoutFilters(state));
  const scopedFacets = [
    ...(state.types.length ? ['type'] : []),
    ...(state.orgs.length ? ['org'] : []),
    ...(state.langs.length ? ['lang'] : []),
    ...(state.from ? ['from'] : []),
    ...(state.to ? ['to'] : []),
  ];

  return (
    <>
      {feed && (
        <>
          <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />
          <p className="feed-link">
            {/* A feed is no page of the app: from an embed it opens outside the frame. */}
            <a href={feed.href} {...(embedded ? { target: '_blank', rel: 'noopener' } : {})}>
              {t.feed}
              {embedded && <span className="visually-hidden"> {t.opensInNewTab}</span>}
            </a>{' '}
            <span className="muted">{t.feedOf(feed.title)}</span>
          </p>
        </>
      )}

      <div className="search-page__columns">
        <FiltersPanel activeCount={filterCount} total={data?.total} inline={embedded}>
          <SearchFilters
            meta={meta}
            facets={data?.facets}
            selection={selection}
            locked={locked}
            onChange={onFiltersChange}
          />
          {filterCount > 0 && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                clearFilters();
                // The button goes with the filters: focus to the filters' first control.
                focusWhenLost(
                  () =>
                    document.querySelector<HTMLElement>(
                      '.filters input:not([disabled]), .filters button',
                    ) ?? resultsSection(),
                );
              }}
            >
              {t.clearAllFilters}
            </button>
          )}
        </FiltersPanel>

        <section
          id={RESULTS_ID}
          className="search-page__results"
          aria-label={t.searchResults}
          aria-busy={!data && !results.isError}
          tabIndex={-1}
        >
          <ActiveFilters
            meta={meta}
            selection={selection}
            locked={locked}
            onChange={onFiltersChange}
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
              announced={settled.isPlaceholderData ? undefined : settled.data}
              failed={results.isError && !data}
            />
            {!embedded && data && data.total > 0 && (
              <SharePanel
                link={() => absoluteUrl(committedPath)}
                snippet={() =>
                  embedSnippet({
                    q: committed.q,
                    types: committed.types,
                    orgs: committed.orgs,
                    langs: committed.langs,
                    from: committed.from,
                    to: committed.to,
                    lock: lockEmbed ? scopedFacets : [],
                    hl: i18n.language,
                  })
                }
                options={
                  scopedFacets.length > 0 && (
                    <label className="share__option">
                      <input
                        type="checkbox"
                        checked={lockEmbed}
                        onChange={(event) => setLockEmbed(event.target.checked)}
                      />{' '}
                      {t.lockEmbedFilters}
                    </label>
                  )
                }
              />
            )}
            <SortSelect
              value={effectiveSort(state)}
              hasQuery={query !== ''}
              onChange={(sort) => update({ sort })}
            />
          </div>

          <FullTextNotice state={data?.fullText} onRetry={() => void results.refetch()} />

          <SearchError query={search} />

          <UnlessStalled query={search}>
            {data?.suggestion && !placeholder && quiet && (
              <DidYouMean suggestion={data.suggestion} state={state} />
            )}
            {/* Nothing found says so once typing pauses: a word half typed often matches nothing. */}
            {data && data.total === 0 && !placeholder && quiet && (
              <EmptyResults
                state={state}
                request={toRequest(state)}
                start={meta}
                filterCount={filterCount}
                onClearFilters={() => {
                  clearFilters();
                  focusWhenLost(resultsSection);
                }}
                onClearQuery={() => {
                  update({ q: '' });
                  focusWhenLost(() => document.querySelector<HTMLElement>('input[type="search"]'));
                }}
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
                <Pagination
                  page={Math.floor(data.offset / PAGE_SIZE) + 1}
                  pageCount={pageCount}
                  query={searchString(state)}
                />
              </>
            )}

            {data && data.total > 0 && (
              <div className="results-tools">
                <ExportButtons
                  request={toRequest(state)}
                  meta={meta}
                  scope={{ q: state.q, types: state.types, orgs: state.orgs }}
                />
              </div>
            )}
          </UnlessStalled>
        </section>
      </div>
    </>
  );
});
