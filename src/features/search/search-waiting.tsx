import { hashKey, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { WaitingNotice, useStalled } from '../../components/connection-notice.tsx';
import type { searchQuery } from '../../lib/queries.ts';

type Search = ReturnType<typeof searchQuery>;

/**
 * Whether a search has waited too long for the network with nothing new to show (the last
 * answer still on screen, or none). Each component that must know watches the search itself, so
 * that the page does not render again each time a search starts.
 */
export function useSearchStalled(query: Search): { stalled: boolean; retry(): void } {
  const { isFetching, isPlaceholderData, data, refetch } = useQuery(query);
  const waiting = isFetching && (isPlaceholderData || data === undefined);
  const stalled = useStalled(waiting ? hashKey(query.queryKey) : null);
  return { stalled, retry: () => void refetch() };
}

/**
 * The results, unless their search has waited too long for the network: then "No answer from the
 * network yet" and "Try again" stand in their place, never the last answer dimmed, which would
 * look like the answer to the new search.
 */
export function UnlessStalled({ query, children }: { query: Search; children: ReactNode }) {
  const { stalled, retry } = useSearchStalled(query);
  if (stalled) return <WaitingNotice onRetry={retry} />;
  return children;
}
