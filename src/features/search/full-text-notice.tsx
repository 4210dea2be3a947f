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
  if (state === 'pending') {
    return <p className="full-text-notice muted">Searching the full text too…</p>;
  }
  if (state === 'failed') {
    return (
      <p className="full-text-notice notice">
        The full text could not be loaded: these are matches in titles and summaries only.{' '}
        <button type="button" className="button button--quiet" onClick={onRetry}>
          Search the full text again
        </button>
      </p>
    );
  }
  return null;
}
