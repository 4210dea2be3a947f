import { vi } from 'vitest';
import type { Corpus } from '../corpus/schema.ts';
import { dataRoot } from '../search/data-files.ts';
import { buildData, corpusSource, memoryStore } from '../search/index/build-data.ts';
import { TINY_INDEX } from './search-fixture.ts';

/** Answers a request in place of the files (or throws, as fetch does when the network fails). */
export type Responder = (url: string) => Response | undefined;

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
