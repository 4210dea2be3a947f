import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A function that never changes identity but always calls the latest `callback`, for memoized
 * children that must not re-render because their parent did.
 */
export function useLatestCallback<A extends unknown[], R>(callback: (...args: A) => R) {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
