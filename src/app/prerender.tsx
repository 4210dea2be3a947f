import { renderToString } from 'react-dom/server';
import { createMemoryRouter } from 'react-router';
import { startQuery } from '../lib/queries.ts';
import type { StartData } from '../search/protocol.ts';
import { App, routerOptions } from './app.tsx';
import { createAppSearchClient, createQueryClient } from './providers.tsx';
import { appRoutes } from './routes.tsx';

/**
 * The search page's first view as HTML, rendered by the build into index.html: readers see the
 * newest publications while the scripts still load, and React takes the page over where it is
 * (docs/decisions/007-data-at-scale.md).
 */
export function renderStartPage(start: StartData): string {
  const queryClient = createQueryClient();
  queryClient.setQueryData(startQuery().queryKey, start);
  const router = createMemoryRouter(appRoutes(queryClient), {
    ...routerOptions(start),
    initialEntries: [import.meta.env.BASE_URL],
  });
  return renderToString(
    <App
      router={router}
      queryClient={queryClient}
      searchClient={createAppSearchClient(queryClient)}
    />,
  );
}
