import { useSyncExternalStore } from 'react';

const NARROW = '(max-width: 48rem)';

/** One query list for the page: asking the browser anew on every render costs a style lookup. */
let narrowQuery: MediaQueryList | undefined;
function query(): MediaQueryList {
  narrowQuery ??= window.matchMedia(NARROW);
  return narrowQuery;
}

function subscribe(onChange: () => void) {
  const list = query();
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/**
 * Whether the screen is phone-sized. The pre-rendered page assumes a wide screen; React renders
 * that first and then switches, so hydration never meets a page it did not expect.
 */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => query().matches,
    () => false,
  );
}
