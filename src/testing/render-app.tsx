import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'react-dom';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { AppProviders, createAppSearchClient, createQueryClient } from '../app/providers.tsx';
import { appRoutes } from '../app/routes.tsx';
import type { Corpus } from '../corpus/schema.ts';
import { corpusFixture } from './corpus-fixture.ts';
import { serveCorpus, type Responder } from './serve-corpus.ts';

/** The whole app at `url`, in a memory router, over a corpus (the test fixture by default). */
export function renderApp(url = '/', options: { corpus?: Corpus; respond?: Responder } = {}) {
  const fetchMock = serveCorpus(options.corpus ?? corpusFixture, options.respond);
  const queryClient = createQueryClient();
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [url] });
  const user = userEvent.setup();
  const { unmount } = render(
    <AppProviders
      router={router}
      queryClient={queryClient}
      searchClient={createAppSearchClient(queryClient)}
    >
      <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
    </AppProviders>,
  );
  return { router, user, fetchMock, unmount };
}

/** `?…` of the router's current location, decoded for readable assertions. */
export function currentSearch(router: ReturnType<typeof createMemoryRouter>): string {
  return decodeURIComponent(router.state.location.search.replace(/\+/g, ' '));
}
