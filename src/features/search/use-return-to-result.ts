import { useEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { isReturning } from '../../lib/search-origin.ts';

const KEY = 'statement-explorer:opened-result';

type Opened = { search: string; id: string };

/** A search's parameters without the interface language: the same results in any language. */
function sameSearch(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('hl');
  return params.toString();
}

function read(): Opened | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { search, id } = value as Record<string, unknown>;
    return typeof search === 'string' && typeof id === 'string' ? { search, id } : null;
  } catch {
    return null;
  }
}

/** Remembers the result opened from the search at `search` (`?…` as the URL will have it). */
export function rememberOpenedResult(search: string, id: string) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ search, id }));
  } catch {
    // No storage (a sandboxed embed): Back keeps the browser's own scroll position.
  }
}

/** How long an embed waits for its frame to grow to the list before it scrolls anyway. */
const FRAME_GROWTH_MS = 1500;

/**
 * Runs `show` once the page fits its frame. In an embed the frame grows to the list's height
 * only once the host page has heard it (use-report-height.ts): scrolled before, the result would
 * be brought into view inside the frame, which then grows under it, and the host's page would
 * stay where it was. Scrolled after, it is the host's page that scrolls to it.
 */
function whenFrameFits(show: () => void): () => void {
  const fits = () => document.documentElement.scrollHeight <= window.innerHeight + 1;
  if (window.parent === window || fits()) {
    show();
    return () => undefined;
  }
  const done = () => {
    window.removeEventListener('resize', check);
    clearTimeout(timer);
    show();
  };
  const check = () => {
    if (fits()) done();
  };
  window.addEventListener('resize', check);
  const timer = setTimeout(done, FRAME_GROWTH_MS);
  return () => {
    window.removeEventListener('resize', check);
    clearTimeout(timer);
  };
}

/**
 * Back from a publication puts the reader at the result they opened, not at a pixel offset: the
 * results below the fold are laid out by an estimate (content-visibility), which on a phone is
 * far from their real height, so the old offset lands somewhere else. So does the publication
 * page's way back after the language was switched there (a link, not Back), and Back in an
 * embed, where the host's page scrolls to the result.
 */
export function useReturnToResult(search: string, ready: boolean) {
  const navigationType = useNavigationType();
  const { state } = useLocation();
  const returning = navigationType === 'POP' || isReturning(state);
  useEffect(() => {
    if (!ready || !returning) return;
    const opened = read();
    if (!opened || sameSearch(opened.search) !== sameSearch(search)) return;
    const link = document.querySelector<HTMLAnchorElement>(
      `a[data-publication="${CSS.escape(opened.id)}"]`,
    );
    if (!link) return;
    sessionStorage.removeItem(KEY);
    return whenFrameFits(() => {
      link.focus({ preventScroll: true });
      link.scrollIntoView({ block: 'center' });
    });
  }, [ready, search, returning]);
}
