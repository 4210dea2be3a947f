import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App, routerOptions } from './app.tsx';
import { createAppSearchClient, createQueryClient, retryWhenOnline } from './providers.tsx';
import { appRoutes } from './routes.tsx';
import { embeddedStartData, startQuery } from '../lib/queries.ts';
import { loadCatalog } from '../i18n/catalog.ts';
import { languageForSearch } from '../i18n/languages.ts';
import { keepLanguage } from './language-variants.ts';

const queryClient = createQueryClient();
const searchClient = createAppSearchClient(queryClient);
const start = embeddedStartData();
if (start) queryClient.setQueryData(startQuery().queryKey, start);
const router = createBrowserRouter(appRoutes(queryClient), routerOptions(start));
retryWhenOnline(queryClient, router);
// The interface language's catalog, before the first render: the page shows in it from the start.
// A page without start data (a publication's, written by the build) is in the corpus language.
const corpusLanguage =
  start?.language ?? document.documentElement.getAttribute('lang') ?? undefined;
const language = languageForSearch(window.location.search, corpusLanguage);
await loadCatalog(language);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const app = <App router={router} queryClient={queryClient} searchClient={searchClient} />;

// index.html carries the first page pre-rendered. On that page React adopts it as it is; on any
// other URL the boot script has hidden it (it shows the wrong page), and React renders afresh.
// A pre-rendered page holds its interface in every language: only the reader's stays, and the
// page is then exactly what React renders in it (src/app/language-variants.ts).
const html = document.documentElement;
const snapshot = root.firstElementChild !== null && !html.hasAttribute('data-stale-snapshot');

function hydrate(container: HTMLElement) {
  keepLanguage(container, language);
  hydrateRoot(container, app);
}

function renderAfresh(container: HTMLElement) {
  // The boot script's state (a search box holding the query, or "Loading…") stays until React
  // replaces the snapshot, in its first commit: never a blank page in between.
  new MutationObserver((_, observer) => {
    observer.disconnect();
    html.removeAttribute('data-stale-snapshot');
  }).observe(container, { childList: true });
  createRoot(container).render(app);
}

if (snapshot && start) {
  hydrate(root);
} else if (snapshot) {
  // A publication's page written by the build (docs/decisions/014-pages-as-files.md): it stays as
  // it is while its data and code load, then React adopts it.
  const adopt = () => {
    if (router.state.errors) renderAfresh(root);
    else hydrate(root);
  };
  if (router.state.initialized) adopt();
  else {
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      adopt();
    });
  }
} else {
  renderAfresh(root);
}
