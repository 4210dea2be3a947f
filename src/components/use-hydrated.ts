import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => undefined;

/**
 * False in the build's pre-render and while React adopts a pre-rendered page; true in every
 * render after. What only the browser knows (today's date, where the reader came from: history
 * state, which survives a reload) renders once this is true, so the page React adopts is the one
 * the build wrote, and the rest follows in the next render.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
