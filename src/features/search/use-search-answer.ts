import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { searchQuery } from '../../lib/queries.ts';
import { useSearchClient } from '../../lib/search-client-context.tsx';
import type { StartData } from '../../search/protocol.ts';
import { toSearchRequest, type SearchState } from './search-params.ts';

/**
 * The answers to a search: to the state on screen, which follows every keystroke, and to the
 * state in the URL, which waits for typing to pause.
 */
export function useSearchAnswer(meta: StartData, state: SearchState, committed: SearchState) {
  const client = useSearchClient();
  const request = useMemo(() => toSearchRequest(state), [state]);
  const search = searchQuery(client, request, meta);
  const results = useQuery(search);
  const settledRequest = useMemo(() => toSearchRequest(committed), [committed]);
  const settled = useQuery(searchQuery(client, settledRequest, meta));
  // New results arrive as a synchronous render (React Query's store): the lists, facets and
  // timeline they change render deferred, which React interrupts for a keystroke.
  const answer = useMemo(
    () => ({ data: results.data, placeholder: results.isPlaceholderData }),
    [results.data, results.isPlaceholderData],
  );
  const { data, placeholder } = useDeferredValue(answer);
  return {
    request,
    /** The query of the state on screen, for what says it waits or failed. */
    search,
    /** Its answer, a render behind; `placeholder` while it is the previous search's. */
    data,
    placeholder,
    failed: results.isError,
    retry: () => void results.refetch(),
    /**
     * The answer for the URL, once it is known: the count screen readers hear is read once a
     * word is typed, not after every letter.
     */
    settled: settled.isPlaceholderData ? undefined : settled.data,
  };
}
