import { useEffect, useState } from 'react';

/** How long the search text must stay the same before "No results" is said. */
export const QUIET_MS = 1000;

/**
 * Whether `value` has stayed the same for `ms` (true from the start: a shared link's search is
 * not being typed). While a word is typed its beginnings often match nothing ("Bialat" before
 * "Bialatski" is corrected): that is no answer to tell the reader about.
 */
export function useQuiet(value: string, ms = QUIET_MS): boolean {
  const [quiet, setQuiet] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setQuiet(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return quiet === value;
}
