import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import type { PublicationPage } from '../features/publication/publication-page.tsx';
import { startQuery } from '../lib/queries.ts';
import { retrying } from '../search/retrying.ts';
import { loadCatalog } from '../i18n/catalog.ts';
import { languageForSearch } from '../i18n/languages.ts';
import { publicationLoader } from '../features/publication/publication-loader.ts';
import { SearchPage } from '../features/search/search-page.tsx';
import { EmbedLayout } from '../embed/embed-layout.tsx';
import { LoadingPage } from './loading-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RootLayout } from './root-layout.tsx';
import { RouteError } from './route-error.tsx';

/**
 * The routes of the interface: `/`, `/publications/:id`, the same under `/embed`, and "not found"
 * for anything else.
 * Loaders fill the query cache; components read it.
 */
/**
 * The publication page's code, loaded with its data by the route's loader, not by the router's
 * `lazy` (which keeps a failed load for good, and leaves a blank page): a load that failed
 * offline is tried again when the route is, and the reader sees why it failed meanwhile.
 */
const loadPublicationPage = retrying(() => import('../features/publication/publication-page.tsx'));
let LoadedPublicationPage: typeof PublicationPage | null = null;

function PublicationRoute() {
  if (!LoadedPublicationPage) throw new Error('The publication page showed before its code loaded');
  return <LoadedPublicationPage />;
}

export function appRoutes(queryClient: QueryClient): RouteObject[] {
  const loadData = publicationLoader(queryClient);
  const publicationRoute: Omit<RouteObject, 'index' | 'children'> = {
    loader: async (args) => {
      const [module] = await Promise.all([loadPublicationPage(), loadData(args)]);
      LoadedPublicationPage = module.PublicationPage;
      return null;
    },
    Component: PublicationRoute,
    errorElement: <RouteError />,
  };

  return [
    {
      id: 'root',
      // The archive's name, types and organizations: every page needs them, and they never change.
      // And the catalog of the page's interface language, so a page shows in it from the start.
      loader: async ({ request }) => {
        const start = await queryClient.ensureQueryData(startQuery());
        await loadCatalog(languageForSearch(new URL(request.url).search, start.language));
        return null;
      },
      // Run again for "Try again" (same URL) and for another language, not on every keystroke.
      shouldRevalidate: ({ currentUrl, nextUrl }) =>
        currentUrl.href === nextUrl.href ||
        currentUrl.searchParams.get('hl') !== nextUrl.searchParams.get('hl'),
      HydrateFallback: LoadingPage,
      errorElement: <RouteError />,
      children: [
        {
          element: <RootLayout />,
          children: [
            { index: true, element: <SearchPage />, errorElement: <RouteError /> },
            { path: 'publications/:id', ...publicationRoute },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
        {
          // The same pages for other sites to embed: no header or footer, links stay inside.
          path: 'embed',
          element: <EmbedLayout />,
          children: [
            { index: true, element: <SearchPage />, errorElement: <RouteError /> },
            { path: 'publications/:id', ...publicationRoute },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}
