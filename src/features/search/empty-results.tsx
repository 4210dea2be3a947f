import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { usePaths } from '../../lib/link-scope.tsx';
import { searchQuery } from '../../lib/queries.ts';
import { useSearchClient } from '../../lib/search-client-context.tsx';
import type { SearchRequest, StartData } from '../../search/protocol.ts';
import { serializeSearchParams, type SearchState } from './search-params.ts';

type EmptyResultsProps = {
  state: SearchState;
  request: SearchRequest;
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

/** The plain words of a query (no phrases, no exclusions), for searching some of them. */
function plainWords(query: string): string[] {
  if (/["-]/.test(query)) return [];
  return [...new Set(query.split(/\s+/).filter((word) => /[\p{L}\p{N}]{2}/u.test(word)))];
}

/** Says why nothing matched and offers the ways out: fewer words, no filters. */
export function EmptyResults({
  state,
  request,
  start,
  filterCount,
  onClearFilters,
  onClearQuery,
}: EmptyResultsProps) {
  const { t, count } = useI18n();
  const client = useSearchClient();
  const paths = usePaths();
  const query = state.q.trim();
  const words = plainWords(query);
  const single = (q: string): SearchRequest => ({ ...request, query: q, offset: 0, limit: 1 });
  // Each word alone (every word must match: one missing empties the list), and the query
  // without the reader's filters (not an embed's: its scope is fixed).
  const withoutFilters = filterCount > 0 && paths.scope === 'site';
  const tries: SearchRequest[] = words.length >= 2 ? words.slice(0, 4).map(single) : [];
  if (withoutFilters) {
    tries.push({
      ...single(request.query),
      types: [],
      organizations: [],
      languages: [],
      from: undefined,
      to: undefined,
    });
  }
  const answers = useQueries({ queries: tries.map((tried) => searchQuery(client, tried, start)) });
  const totals = answers.map((answer) =>
    answer.isPlaceholderData ? undefined : answer.data?.total,
  );
  const wordTotals = words.length >= 2 ? totals.slice(0, Math.min(words.length, 4)) : [];
  const unfiltered = withoutFilters ? totals.at(-1) : undefined;

  let reason = t.emptyArchive;
  if (query && filterCount > 0) reason = t.noMatchWithFilters(shortened(query), filterCount);
  else if (query) reason = t.noMatch(shortened(query));
  else if (filterCount > 0) reason = t.noMatchFilters(filterCount);
  const found = words
    .slice(0, wordTotals.length)
    .map((word, index) => ({ word, total: wordTotals[index] ?? 0 }))
    .filter((entry) => entry.total > 0);

  return (
    <div className="notice">
      <h2 className="notice__heading">{t.noResults}</h2>
      <p>{reason}</p>
      {found.length > 0 && (
        <>
          <p>{t.someOfTheWords}</p>
          <ul className="notice__suggestions">
            {found.map(({ word, total }) => (
              <li key={word}>
                <Link to={paths.search(serializeSearchParams({ ...state, q: word, page: 1 }))}>
                  {word}
                </Link>{' '}
                <span className="muted">({count(t.publicationCount, total)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {unfiltered !== undefined && unfiltered > 0 && (
        <p>{t.withoutFilters(count(t.publicationCount, unfiltered))}</p>
      )}
      <p className="notice__actions">
        {filterCount > 0 && (
          <button type="button" className="button" onClick={onClearFilters}>
            {t.clearFilters}
          </button>
        )}
        {query && (
          <button type="button" className="button button--quiet" onClick={onClearQuery}>
            {t.clearSearch}
          </button>
        )}
      </p>
    </div>
  );
}
