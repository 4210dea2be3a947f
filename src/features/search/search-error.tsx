import { useQuery } from '@tanstack/react-query';
import type { searchQuery } from '../../lib/queries.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/**
 * "Could not be loaded", with a way to try again; hidden while a try is under way. It watches
 * the search on its own: were the page to read whether a search is fetching, every keystroke
 * would render the whole page once more when its search starts.
 */
export function SearchError({ query }: { query: ReturnType<typeof searchQuery> }) {
  const { isError, isFetching, refetch } = useQuery(query);
  const { t } = useI18n();
  if (!isError || isFetching) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{navigator.onLine ? t.searchFailed : t.offline}</p>
      <button type="button" className="button" onClick={() => void refetch()}>
        {t.tryAgain}
      </button>
    </div>
  );
}
