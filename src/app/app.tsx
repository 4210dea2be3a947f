import type { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import type { SearchClient } from '../search/client/search-client.ts';
import type { StartData } from '../search/protocol.ts';
import type { InterfaceLanguage } from '../i18n/languages.ts';
import { AppProviders } from './providers.tsx';

type Router = ReturnType<typeof createBrowserRouter>;

/**
 * The router's basename: BASE_PATH, with its trailing slash when the page was opened under it,
 * so that links to the search page read "/archive/?type=…": some hosts serve no "/archive?…".
 * Opened at "/archive" itself (a host that serves it), links follow that form.
 */
export function routerBasename(pathname = pagePath()): string {
  const base = import.meta.env.BASE_URL;
  if (base === '/') return '/';
  return pathname.startsWith(base) ? base : base.replace(/\/$/, '');
}

/** The page's path; BASE_PATH itself where there is no page (the build's pre-render). */
function pagePath(): string {
  const path: unknown = globalThis.location?.pathname;
  return typeof path === 'string' ? path : import.meta.env.BASE_URL;
}

/**
 * Router options shared by the browser and the build's pre-render, so both render the same page.
 * With the start data at hand the root needs no loading step: the first render is the page.
 */
export function routerOptions(start: StartData | undefined) {
  return {
    basename: routerBasename(),
    ...(start ? { hydrationData: { loaderData: { root: null } } } : {}),
  };
}

/** The whole app: the browser renders it, and the build pre-renders its first page. */
export function App({
  router,
  queryClient,
  searchClient,
  language,
}: {
  router: Router;
  queryClient: QueryClient;
  searchClient: SearchClient;
  /** The build's pre-render renders a page in each interface language. */
  language?: InterfaceLanguage | undefined;
}) {
  return (
    <StrictMode>
      <AppProviders
        router={router}
        queryClient={queryClient}
        searchClient={searchClient}
        language={language}
      >
        <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
      </AppProviders>
    </StrictMode>
  );
}
