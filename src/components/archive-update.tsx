import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n-context.tsx';
import { startQuery } from '../lib/queries.ts';
import { DataError, NotFoundError, dataUrls, fetchData } from '../search/data-files.ts';
import { startSchema } from '../search/protocol.ts';

/**
 * Whether a failure means the archive was deployed again while this tab was open
 * (docs/decisions/017-growing-archive.md): a data file it asks for is gone (a host replaced the
 * site with the new build) and the server's start data names another release than the tab's.
 * Asked once per failure kind, not on every keystroke.
 */
export function useArchiveReplaced(error: unknown): boolean {
  const { data: start } = useQuery(startQuery());
  const release = start?.release;
  const missing = error instanceof NotFoundError || error instanceof DataError;
  const check = useQuery({
    queryKey: ['corpus', 'release', release],
    queryFn: async ({ signal }) =>
      (await fetchData(dataUrls.start, startSchema, signal)).release ?? null,
    enabled: missing && release !== undefined,
    retry: false,
    staleTime: 0,
  });
  return missing && typeof check.data === 'string' && check.data !== release;
}

/** "The archive has been updated": the one way on is the new build, so the one button reloads. */
export function ArchiveUpdated() {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p>{t.archiveUpdated}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t.reload}
      </button>
    </div>
  );
}
