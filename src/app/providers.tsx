import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { dataUrls } from '../corpus/data-files.ts';
import { createSearchClient, type SearchClient } from '../corpus/search-client.ts';
import { SearchClientProvider } from '../corpus/search-client-context.tsx';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { refetchOnWindowFocus: false } },
  });
}

export function createAppSearchClient(): SearchClient {
  return createSearchClient({ meta: dataUrls.meta, search: dataUrls.search });
}

export function AppProviders({
  queryClient,
  searchClient,
  children,
}: {
  queryClient: QueryClient;
  searchClient: SearchClient;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <SearchClientProvider client={searchClient}>{children}</SearchClientProvider>
    </QueryClientProvider>
  );
}
