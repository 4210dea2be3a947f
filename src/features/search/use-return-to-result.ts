import { useEffect } from 'react';
import { useNavigationType } from 'react-router';

const KEY = 'statement-explorer:opened-result';

type Opened = { search: string; id: string };

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

/**
 * Back from a publication puts the reader at the result they opened, not at a pixel offset: the
 * results below the fold are laid out by an estimate (content-visibility), which on a phone is
 * far from their real height, so the old offset lands somewhere else.
 */
export function useReturnToResult(search: string, ready: boolean) {
  const navigationType = useNavigationType();
  useEffect(() => {
    if (!ready || navigationType !== 'POP') return;
    const opened = read();
    if (!opened || opened.search !== search) return;
    const link = document.querySelector<HTMLAnchorElement>(
      `a[data-publication="${CSS.escape(opened.id)}"]`,
    );
    if (!link) return;
    sessionStorage.removeItem(KEY);
    link.scrollIntoView({ block: 'center' });
    link.focus({ preventScroll: true });
  }, [ready, search, navigationType]);
}
