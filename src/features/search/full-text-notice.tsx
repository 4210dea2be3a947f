import { useI18n } from '../../i18n/i18n-context.tsx';
import type { SearchResponse } from '../../search/protocol.ts';

/**
 * Says when the results do not include matches in publication bodies yet (their index is still
 * loading, on a slow network) or could not (it failed to load), so the reader knows what they see.
 */
export function FullTextNotice({
  state,
  onRetry,
}: {
  state: SearchResponse['fullText'];
  onRetry(): void;
}) {
  const { t } = useI18n();
  if (state === 'pending') {
    return <p className="full-text-notice muted">{t.fullTextPending}</p>;
  }
  if (state === 'failed') {
    return (
      <p className="full-text-notice notice">
        {t.fullTextFailed}{' '}
        <button type="button" className="button button--quiet" onClick={onRetry}>
          {t.fullTextRetry}
        </button>
      </p>
    );
  }
  return null;
}
