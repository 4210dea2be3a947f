import { formatCount, publicationCount } from '../../components/format.ts';
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
  let text = failed ? 'Search is unavailable' : 'Loading publications…';
  if (response) {
    const first = response.total > 0 ? response.offset + 1 : 0;
    const last = response.offset + response.hits.length;
    text = publicationCount(response.total);
    if (response.total > 0) text += ` · showing ${formatCount(first)}–${formatCount(last)}`;
  }
  return (
    <p role="status" className="results-bar__status">
      {text}
    </p>
  );
}
