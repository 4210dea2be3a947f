import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'react-dom';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { AppProviders, createAppSearchClient, createQueryClient } from '../app/providers.tsx';
import { appRoutes } from '../app/routes.tsx';
import { dataRoot, dataUrls } from '../search/client/data-files.ts';
import { startData } from '../search/core/prepared-core.ts';
import type { Corpus } from '../corpus/schema.ts';
import { cardFile, encodeColumns, encodeShard, prepareData } from '../search/index/search-data.ts';
import { corpusFixture } from './corpus-fixture.ts';

type Responder = (url: string) => Response | undefined;

/** Serves the files the build would make from `corpus`; only the network is faked. */
export function serveCorpus(corpus: Corpus, override?: Responder) {
  const data = prepareData(corpus);
  const files = new Map<string, unknown>([
    [dataUrls.start, startData(data)],
    [`${dataRoot}${data.meta.files.columns}`, encodeColumns(data.columns)],
    ...data.shards.map(
      (shard, index) =>
        [`${dataRoot}${data.meta.files.shards[index]?.file}`, encodeShard(shard)] as const,
    ),
    ...data.bodyShards.map(
      (shard, index) =>
        [`${dataRoot}${data.meta.files.bodyShards[index]?.file}`, encodeShard(shard)] as const,
    ),
    ...data.cards.map((chunk, index) => [`${dataRoot}${cardFile(index)}`, chunk] as const),
    ...[...data.publications].map(([id, file]) => [dataUrls.publication(id), file] as const),
  ]);
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const overridden = override?.(url);
    if (overridden) return overridden;
    const body = await files.get(url);
    if (body === undefined) return new Response('Not found', { status: 404 });
    if (body instanceof Uint8Array) {
      return new Response(body.slice().buffer, {
        headers: { 'Content-Type': 'application/octet-stream' },
      });
    }
    return new Response(JSON.stringify(body), {
      headers: { 'Content-Type': 'application/json' },
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
    <AppProviders queryClient={queryClient} searchClient={createAppSearchClient(queryClient)}>
      <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
    </AppProviders>,
  );
  return { router, user, fetchMock, unmount };
}

/** `?…` of the router's current location, decoded for readable assertions. */
export function currentSearch(router: ReturnType<typeof createMemoryRouter>): string {
  return decodeURIComponent(router.state.location.search.replace(/\+/g, ' '));
}
