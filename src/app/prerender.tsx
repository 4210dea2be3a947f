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

provideCatalog('en', en);
provideCatalog('be', be);
provideCatalog('ru', ru);

/**
 * The search page's first view as HTML, rendered by the build into index.html: readers see the
 * newest publications while the scripts still load, and React takes the page over where it is
 * (docs/decisions/007-data-at-scale.md). It is in the corpus language where the app has it
 * (else English): with no `hl` and no browser, that is the language the app chooses.
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

/**
 * A publication's page as HTML, for the file the build writes at publications/<id>/index.html
 * (docs/decisions/014-pages-as-files.md): the route's loader and lazy module run first, from the
 * cache filled here, as they do in the browser before it hydrates the page.
 */
export async function renderPublicationPage(
  start: StartData,
  file: PublicationFile,
): Promise<string> {
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
  const html = renderToString(
    <App
      router={router}
      queryClient={queryClient}
      searchClient={createAppSearchClient(queryClient)}
    />,
  );
  router.dispose();
  return html;
}
