import { useI18n } from '../../i18n/i18n-context.tsx';
import type { SearchResponse } from '../../search/protocol.ts';

/**
 * The number of matching publications, in the page's one `role="status"` element (the interface
 * contract: digits, then "publication(s)"), with the range shown after it.
 */
export function ResultCount({
  response,
  failed,
}: {
  response: SearchResponse | undefined;
  failed: boolean;
}) {
  const { t, count, number } = useI18n();
  let text = failed ? t.searchUnavailable : t.loadingPublications;
  if (response) {
    const first = response.total > 0 ? response.offset + 1 : 0;
    const last = response.offset + response.hits.length;
    text = count(t.publicationCount, response.total);
    if (response.total > 0) text += ` · ${t.showing(number(first), number(last))}`;
  }
  return (
    <p role="status" className="results-bar__status">
      {text}
    </p>
  );
}
