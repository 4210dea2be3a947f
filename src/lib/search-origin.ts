import { withLanguage } from './link-scope.tsx';

/**
 * Where a publication was opened from, as the search page's result links record it in the
 * history entry's state: the search's path, and whether it is the entry right before (then the
 * way back is the browser's Back, which restores the list as it was).
 */
export type SearchOrigin = { path: string; direct: boolean };

export function searchOrigin(state: unknown): SearchOrigin | null {
  if (typeof state !== 'object' || state === null || !('fromSearch' in state)) return null;
  const path = state.fromSearch;
  if (typeof path !== 'string' || !path.startsWith('/')) return null;
  return { path, direct: 'direct' in state && state.direct === true };
}

/**
 * The state of the same page in another interface language: the way back leads to the same
 * search in that language. It is no longer the entry right before (the switch added one), so
 * the way back is a link, which returns to the result that was opened (`returning`).
 */
export function originInLanguage(state: unknown, language: string): unknown {
  const origin = searchOrigin(state);
  if (!origin) return null;
  const [pathname = '', search = ''] = origin.path.split('?');
  return { fromSearch: `${pathname}?${withLanguage(new URLSearchParams(search), language)}` };
}

/** What the way back to the results says to the search page: put the reader at their result. */
export const RETURNING = { returning: true } as const;

export function isReturning(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'returning' in state;
}
