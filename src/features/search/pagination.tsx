import { memo, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { usePaths } from '../../lib/link-scope.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { PAGE_SIZE, type SearchResponse } from '../../search/protocol.ts';

type PaginationProps = {
  /** The page of results on screen: where it starts and how many there are. */
  response: Pick<SearchResponse, 'offset' | 'total'>;
  /** The current search's URL parameters, without `page`. */
  query: string;
};

/** Page numbers around the current one, with the first and last always in reach. */
function visiblePages(page: number, pageCount: number): (number | 'gap')[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const result: (number | 'gap')[] = [];
  sorted.forEach((p, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && p - previous > 1) result.push('gap');
    result.push(p);
  });
  return result;
}

/** What a page link tells the search page: show the new page from the top of the results. */
export const PAGED = { paged: true } as const;

/** Whether a location was reached through a page link. */
function wasPaged(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'paged' in state && state.paged === true;
}

/** A page link shows the new page from the top of the results, with focus there, not on <body>. */
export function useShowPagedResults(resultsId: string) {
  const location = useLocation();
  useEffect(() => {
    if (!wasPaged(location.state)) return;
    const section = document.getElementById(resultsId);
    section?.focus({ preventScroll: true });
    section?.scrollIntoView({ block: 'start' });
  }, [location.key, location.state, resultsId]);
}

/** Links, not buttons: every page of results has its own URL to share or open in a new tab. */
export const Pagination = memo(function Pagination({ response, query }: PaginationProps) {
  const paths = usePaths();
  const { t, number } = useI18n();
  const page = Math.floor(response.offset / PAGE_SIZE) + 1;
  const pageCount = Math.max(1, Math.ceil(response.total / PAGE_SIZE));
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(query);
    params.delete('page');
    if (target > 1) params.set('page', String(target));
    return paths.search(params);
  };
  return (
    <nav className="pagination" aria-label={t.pagesOfResults}>
      <ul>
        <li>
          {page > 1 ? (
            <Link
              to={hrefFor(page - 1)}
              rel="prev"
              aria-label={t.previousPage}
              state={PAGED}
              preventScrollReset
            >
              <span aria-hidden="true">←</span>
              <span className="pagination__word">{t.previous}</span>
            </Link>
          ) : (
            <span aria-hidden="true" className="pagination__disabled">
              ←<span className="pagination__word">{t.previous}</span>
            </span>
          )}
        </li>
        {visiblePages(page, pageCount).map((item, index) =>
          item === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true" className="pagination__gap">
              …
            </li>
          ) : (
            // Pages next to the current one give way on a narrow phone: the rest fit a finger.
            <li
              key={item}
              className={
                item !== page && item !== 1 && item !== pageCount ? 'pagination__near' : undefined
              }
            >
              <Link
                to={hrefFor(item)}
                aria-current={item === page ? 'page' : undefined}
                aria-label={t.page(number(item))}
                state={PAGED}
                preventScrollReset
              >
                {number(item)}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link
              to={hrefFor(page + 1)}
              rel="next"
              aria-label={t.nextPage}
              state={PAGED}
              preventScrollReset
            >
              <span className="pagination__word">{t.next}</span>
              <span aria-hidden="true">→</span>
            </Link>
          ) : (
            <span aria-hidden="true" className="pagination__disabled">
              <span className="pagination__word">{t.next}</span>→
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
});
