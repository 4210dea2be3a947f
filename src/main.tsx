import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { AppProviders, createAppSearchClient, createQueryClient } from './app/providers.tsx';
import { appRoutes } from './app/routes.tsx';
import './app/styles.css';

const queryClient = createQueryClient();
const searchClient = createAppSearchClient();
const router = createBrowserRouter(appRoutes(queryClient), {
  basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/',
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} searchClient={searchClient}>
      <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
    </AppProviders>
  </StrictMode>,
);
