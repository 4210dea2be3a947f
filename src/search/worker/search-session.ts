import { fetchBinary, fetchData } from '../client/data-files.ts';
import {
  createSearchCore,
  type SearchCore,
  type SearchHit,
  type SearchRequest,
  type SearchResponse,
} from '../core/search-core.ts';
import type { ExportRow, CorpusMeta } from '../index/search-data.ts';
import type { RelatedRequest } from '../protocol.ts';
import {
  cardChunkSchema,
  cardFile,
  publicationFileSchema,
  decodeColumns,
  decodeShard,
} from '../index/search-data.ts';

/**
 * Loads the search data and answers searches with the core. The same session runs inside the
 * worker and, where there is no worker, on the main thread. The filter columns load at once;
 * index shards and result cards load when a search first needs them. A failed load is retried on
 * the next search, so a flaky network costs one "Try again", not a reload.
 */
export function createSearchSession(dataRoot: string, meta: CorpusMeta) {
  let loading: Promise<SearchCore> | null = null;
  const file = (name: string) => `${dataRoot}${name}`;

  function load(): Promise<SearchCore> {
    if (!loading) {
      const attempt = fetchBinary(file(meta.files.columns)).then((buffer) =>
        createSearchCore(meta, decodeColumns(buffer), {
          shard: async (index) =>
            decodeShard(await fetchBinary(file(meta.files.shards[index]?.file ?? 'missing'))),
          bodyShard: async (index) =>
            decodeShard(await fetchBinary(file(meta.files.bodyShards[index]?.file ?? 'missing'))),
          cards: (chunk) => fetchData(file(cardFile(chunk)), cardChunkSchema),
          body: async (id) =>
            (
              await fetchData(
                file(`publications/${encodeURIComponent(id)}.json`),
                publicationFileSchema,
              )
            ).publication.body ?? '',
        }),
      );
      attempt.catch(() => {
        if (loading === attempt) loading = null;
      });
      loading = attempt;
    }
    return loading;
  }

  return {
    load,
    async search(request: SearchRequest): Promise<SearchResponse> {
      return (await load()).search(request);
    },
    async exportRows(request: SearchRequest): Promise<ExportRow[]> {
      return (await load()).exportRows(request);
    },
    async related(request: RelatedRequest): Promise<SearchHit[]> {
      return (await load()).related(request);
    },
  };
}
