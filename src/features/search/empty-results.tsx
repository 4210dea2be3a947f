import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { usePaths } from '../../lib/link-scope.tsx';
import { searchQuery } from '../../lib/queries.ts';
import { useSearchClient } from '../../lib/search-client-context.tsx';
import type { StartData } from '../../search/protocol.ts';
import { focusWhenLost, resultsSection } from './focus-when-lost.ts';
import { toSearchRequest, withoutFilters, type SearchState } from './search-params.ts';

type EmptyResultsProps = {
  state: SearchState;
  start: StartData;
  filterCount: number;
  onClearFilters(): void;
  onClearQuery(): void;
};

/** A query shown in a sentence: a long one shortened, not a screen of it. */
const MAX_QUERY_SHOWN = 60;

function shortened(query: string): string {
  const chars = [...query];
  return chars.length > MAX_QUERY_SHOWN ? `${chars.slice(0, MAX_QUERY_SHOWN).join('')}…` : query;
}

/**
 * Says why nothing matched and offers the ways out: no filters (a spelling that would match is
 * offered above, "Did you mean"; publications holding only some of the words are listed as
 * partial matches, so nothing matching means none of the words stands anywhere).
 */
export function EmptyResults({
  state,
  start,
  filterCount,
  onClearFilters,
  onClearQuery,
}: EmptyResultsProps) {
  const { t, count } = useI18n();
  const client = useSearchClient();
  const paths = usePaths();
  const query = state.q.trim();
  // The query without the reader's filters (not an embed's: its scope is fixed).
  const countUnfiltered = filterCount > 0 && paths.scope === 'site';
  const unfilteredSearch = useQuery({
    ...searchQuery(client, { ...toSearchRequest(withoutFilters(state)), limit: 1 }, start),
    enabled: countUnfiltered,
  });
  const unfiltered =
    countUnfiltered && !unfilteredSearch.isPlaceholderData
      ? unfilteredSearch.data?.total
      : undefined;

  let reason = t.emptyArchive;
  if (query && filterCount > 0) reason = t.noMatchWithFilters(shortened(query), filterCount);
  else if (query) reason = t.noMatch(shortened(query));
  else if (filterCount > 0) reason = t.noMatchFilters(filterCount);

  return (
    <div className="notice">
      <h2 className="notice__heading">{t.noResults}</h2>
      <p>{reason}</p>
      {unfiltered !== undefined && unfiltered > 0 && (
        <p>{t.withoutFilters(count(t.publicationCount, unfiltered))}</p>
      )}
      <p className="notice__actions">
        {filterCount > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              onClearFilters();
              focusWhenLost(resultsSection);
            }}
          >
            {t.clearFilters}
          </button>
        )}
        {query && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              onClearQuery();
              focusWhenLost(() => document.querySelector<HTMLElement>('input[type="search"]'));
            }}
          >
            {t.clearSearch}
          </button>
        )}
      </p>
    </div>
  );
}
