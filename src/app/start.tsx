import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App, routerOptions } from './app.tsx';
import { createAppSearchClient, createQueryClient } from './providers.tsx';
import { appRoutes } from './routes.tsx';
import { embeddedStartData, startQuery } from '../lib/queries.ts';

const queryClient = createQueryClient();
const searchClient = createAppSearchClient(queryClient);
const start = embeddedStartData();
if (start) queryClient.setQueryData(startQuery().queryKey, start);
const router = createBrowserRouter(appRoutes(queryClient), routerOptions(start));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const app = <App router={router} queryClient={queryClient} searchClient={searchClient} />;

// index.html carries the first page pre-rendered. On that page React adopts it as it is; on any
// other URL the boot script has hidden it (it shows the wrong page), and React renders afresh.
const html = document.documentElement;
if (start && root.firstElementChild && !html.hasAttribute('data-stale-snapshot')) {
  hydrateRoot(root, app);
} else {
  root.replaceChildren();
  html.removeAttribute('data-stale-snapshot');
  createRoot(root).render(app);
}
