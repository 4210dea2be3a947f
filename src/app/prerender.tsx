import { renderToString } from 'react-dom/server';
import { createMemoryRouter } from 'react-router';
import { publicationQuery, startQuery } from '../lib/queries.ts';
import type { PublicationFile } from '../search/index/data-schemas.ts';
import type { StartData } from '../search/protocol.ts';
import { App, routerOptions } from './app.tsx';
import { createAppSearchClient, createQueryClient } from './providers.tsx';
import { appRoutes } from './routes.tsx';
import { provideCatalog } from '../i18n/catalog.ts';
import { be } from '../i18n/catalogs/be.ts';
import { en } from '../i18n/catalogs/en.ts';
import { ru } from '../i18n/catalogs/ru.ts';
import { INTERFACE_LANGUAGES, type InterfaceLanguage } from '../i18n/languages.ts';

provideCatalog('en', en);
provideCatalog('be', be);
provideCatalog('ru', ru);

/** A page rendered in one interface language. */
export type LanguageRender = { language: InterfaceLanguage; html: string };

/**
 * The search page's first view as HTML, once per interface language, rendered by the build into
 * index.html (which merges them: docs/decisions/015-pages-in-every-language.md): readers see
 * the newest publications in their language while the scripts still load, and React takes the
 * page over where it is
 * (docs/decisions/007-data-at-scale.md). Each is rendered at the start page's address without
 * `hl`, as a browser whose language it is would render it.
 */
export function renderStartPage(start: StartData): LanguageRender[] {
  const queryClient = createQueryClient();
  queryClient.setQueryData(startQuery().queryKey, start);
  const router = createMemoryRouter(appRoutes(queryClient), {
    ...routerOptions(start),
    initialEntries: [import.meta.env.BASE_URL],
  });
  const searchClient = createAppSearchClient(queryClient);
  const renders = INTERFACE_LANGUAGES.map((language) => ({
    language,
    html: renderToString(
      <App
        router={router}
        queryClient={queryClient}
        searchClient={searchClient}
        language={language}
      />,
    ),
  }));
  router.dispose();
  return renders;
}

/**
 * A publication's page as HTML, once per interface language, for the file the build writes at
 * publications/<id>/index.html (docs/decisions/014-pages-as-files.md): the route's loader and
 * lazy module run first, from the cache filled here, as they do in the browser before it hydrates
 * the page.
 */
export async function renderPublicationPage(
  start: StartData,
  file: PublicationFile,
): Promise<LanguageRender[]> {
  const queryClient = createQueryClient();
  queryClient.setQueryData(startQuery().queryKey, start);
  queryClient.setQueryData(publicationQuery(file.publication.id).queryKey, file);
  const router = createMemoryRouter(appRoutes(queryClient), {
    ...routerOptions(start),
    initialEntries: [
      `${import.meta.env.BASE_URL}publications/${encodeURIComponent(file.publication.id)}`,
    ],
  });
  await new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
  if (router.state.errors) throw new Error(`publication ${file.publication.id} did not render`);
  const searchClient = createAppSearchClient(queryClient);
  const renders = INTERFACE_LANGUAGES.map((language) => ({
    language,
    html: renderToString(
      <App
        router={router}
        queryClient={queryClient}
        searchClient={searchClient}
        language={language}
      />,
    ),
  }));
  router.dispose();
  return renders;
}
