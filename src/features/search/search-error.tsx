import { useQuery } from '@tanstack/react-query';
import { ArchiveUpdated, useArchiveReplaced } from '../../components/archive-update.tsx';
import { useFailureText } from '../../components/connection-notice.tsx';
import type { searchQuery } from '../../lib/queries.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/**
 * "The search could not run", why (offline, the network, the server), and a way to try again;
 * hidden while a try is under way. It watches the search on its own: were the page to read
 * whether a search is fetching, every keystroke would render the whole page once more when its
 * search starts. It is tried again by itself when the connection comes back.
 */
export function SearchError({ query }: { query: ReturnType<typeof searchQuery> }) {
  const { isError, isFetching, error, refetch } = useQuery(query);
  const { t } = useI18n();
  const failureText = useFailureText();
  // A deploy replaced the data this tab was started with: trying again cannot help, reloading does.
  const replaced = useArchiveReplaced(isError ? error : null);
  if (!isError || isFetching) return null;
  if (replaced) return <ArchiveUpdated />;
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <strong>{t.searchFailed}</strong> {failureText(error)}
      </p>
      <button type="button" className="button" onClick={() => void refetch()}>
        {t.tryAgain}
      </button>
    </div>
  );
}
