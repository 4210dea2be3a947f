import { QueryClient, QueryClientProvider, notifyManager } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { createBrowserRouter } from 'react-router';
import { dataRoot } from '../search/data-files.ts';
import { RETRY_DELAY_MS, retryOnce, startQuery } from '../lib/queries.ts';
import { createSearchClient, type SearchClient } from '../search/client/search-client.ts';
import { SearchClientProvider } from '../lib/search-client-context.tsx';
import { LiveRouterContext } from '../lib/live-location.tsx';
import type { InterfaceLanguage } from '../i18n/languages.ts';
import { LanguageProvider } from './language-provider.tsx';

// Results reach React in the same task as the worker's answer, not a timer later.
notifyManager.setScheduler(queueMicrotask);

/**
 * Queries run whatever `navigator.onLine` says (the service worker may have the file, and a
 * failure must be said at once, not wait paused for a connection: networkMode 'always'), try
 * once more at most (retryOnce), and those that failed run again when the connection comes back.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        networkMode: 'always',
        retry: retryOnce,
        retryDelay: RETRY_DELAY_MS,
      },
    },
  });
}

/** When the connection comes back, what failed is asked for again (React Query and the router). */
export function retryWhenOnline(
  queryClient: QueryClient,
  router: Pick<ReturnType<typeof createBrowserRouter>, 'state' | 'revalidate'>,
): () => void {
  const retry = () => {
    void queryClient.refetchQueries(
      { type: 'active', predicate: (query) => query.state.status === 'error' },
      // Joining a retry already under way (React Query's own on reconnect), not restarting it.
      { cancelRefetch: false },
    );
    if (router.state.errors) void router.revalidate();
  };
  window.addEventListener('online', retry);
  return () => window.removeEventListener('online', retry);
}

/** The search client reads the archive's metadata from the query cache, where the page put it. */
export function createAppSearchClient(queryClient: QueryClient): SearchClient {
  return createSearchClient(dataRoot, () => queryClient.ensureQueryData(startQuery()));
}

export function AppProviders({
  router,
  queryClient,
  searchClient,
  language,
  children,
}: {
  router: Pick<ReturnType<typeof createBrowserRouter>, 'subscribe' | 'state'>;
  queryClient: QueryClient;
  searchClient: SearchClient;
  /** The interface language, fixed (the build's pre-render); else the URL's and browser's. */
  language?: InterfaceLanguage | undefined;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <SearchClientProvider client={searchClient}>
        <LiveRouterContext.Provider value={router}>
          <LanguageProvider router={router} queryClient={queryClient} language={language}>
            {children}
          </LanguageProvider>
        </LiveRouterContext.Provider>
      </SearchClientProvider>
    </QueryClientProvider>
  );
}
