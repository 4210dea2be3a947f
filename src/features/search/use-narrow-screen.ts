import { useSyncExternalStore } from 'react';

const NARROW = '(max-width: 48rem)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * Whether the screen is phone-sized. The pre-rendered page assumes a wide screen; React renders
 * that first and then switches, so hydration never meets a page it did not expect.
 */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}
