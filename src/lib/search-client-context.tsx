import { createContext, useContext, type ReactNode } from 'react';
import type { SearchClient } from '../search/client/search-client.ts';

const SearchClientContext = createContext<SearchClient | null>(null);

export function SearchClientProvider({
  client,
  children,
}: {
  client: SearchClient;
  children: ReactNode;
}) {
  return <SearchClientContext.Provider value={client}>{children}</SearchClientContext.Provider>;
}

export function useSearchClient(): SearchClient {
  const client = useContext(SearchClientContext);
  if (!client) throw new Error('useSearchClient needs a SearchClientProvider');
  return client;
}
