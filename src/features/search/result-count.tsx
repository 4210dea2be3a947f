import { useI18n } from '../../i18n/i18n-context.tsx';
import type { searchQuery } from '../../lib/queries.ts';
import type { SearchResponse } from '../../search/protocol.ts';
import { useSearchStalled } from './search-waiting.tsx';

/** The count's words: "1 publication", "126 publications · showing 21–40". */
export function countText(
  response: SearchResponse,
  i18n: Pick<ReturnType<typeof useI18n>, 't' | 'count' | 'number'>,
): string {
  const { t, count, number } = i18n;
  const text = count(t.publicationCount, response.total);
  // The range only where the list is one page of several: "1 publication" says it all.
  if (response.total <= response.hits.length && response.offset === 0) return text;
  const first = response.offset + 1;
  const last = response.offset + response.hits.length;
  return `${text} · ${t.showing(number(first), number(last))}`;
}

/**
 * The number of matching publications, in the page's one `role="status"` element (the interface
 * contract: digits, then "publication(s)"), with the range shown after it. It counts the list on
 * screen, always the same answer as the list, while the reader types too.
 *
 * Screen readers hear the count once typing pauses, not after every letter: the visible count is
 * not a live region (`aria-live="off"`), and `announced` (the count of the search in the URL,
 * which follows typing after a pause) is said by a hidden one.
 */
export function ResultCount({
  query,
  response,
  announced,
  failed,
}: {
  /** The search whose answer `response` is (or will be): told "waiting" when it waits too long. */
  query: ReturnType<typeof searchQuery>;
  response: SearchResponse | undefined;
  announced: SearchResponse | undefined;
  failed: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { stalled } = useSearchStalled(query);
  let text = failed ? t.searchUnavailable : t.loadingPublications;
  // Waiting too long: no number (the last one would not be this search's); the alert says why.
  if (stalled) text = t.loadingPublications;
  else if (response && !failed) text = countText(response, i18n);
  return (
    <>
      <p role="status" aria-live="off" className="results-bar__status">
        {text}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announced && !failed ? countText(announced, i18n) : ''}
      </p>
    </>
  );
}
