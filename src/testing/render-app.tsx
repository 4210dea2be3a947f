import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'react-dom';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { AppProviders, createAppSearchClient, createQueryClient } from '../app/providers.tsx';
import { appRoutes } from '../app/routes.tsx';
import { dataRoot } from '../search/data-files.ts';
import { buildData, corpusSource, memoryStore } from '../search/index/build-data.ts';
import type { Corpus } from '../corpus/schema.ts';
import { corpusFixture } from './corpus-fixture.ts';
import { TINY_INDEX } from './search-fixture.ts';

type Responder = (url: string) => Response | undefined;

/**
 * Serves the files the build would make from `corpus` (cut into tiny index files, so that every
 * path of a large archive is taken); only the network is faked.
 */
export function serveCorpus(corpus: Corpus, override?: Responder) {
  const files = (async () => {
    const store = memoryStore();
    await buildData(corpusSource(corpus), store, { index: TINY_INDEX });
    return store.files;
  })();
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const overridden = override?.(url);
    if (overridden) return overridden;
    const name = url.startsWith(dataRoot) ? decodeURIComponent(url.slice(dataRoot.length)) : '';
    const body = (await files).get(name);
    if (body === undefined) return new Response('Not found', { status: 404 });
    return new Response(body.slice().buffer, {
      headers: {
        'Content-Type': name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

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
