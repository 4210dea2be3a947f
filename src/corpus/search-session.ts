import { fetchData } from './data-files.ts';
import {
  createSearchCore,
  type SearchCore,
  type SearchRequest,
  type SearchResponse,
} from './search-core.ts';
import { metaSchema, searchDataSchema } from './search-data.ts';

export type SearchDataUrls = { meta: string; search: string };

/**
 * Loads the search data once and answers searches with the core. The same session runs inside the
 * worker and, where there is no worker, on the main thread. A failed load is retried on the next
 * search, so a flaky network costs one "Try again", not a reload.
 */
export function createSearchSession(urls: SearchDataUrls) {
  let loading: Promise<SearchCore> | null = null;

  function load(): Promise<SearchCore> {
    if (!loading) {
      const attempt = Promise.all([
        fetchData(urls.meta, metaSchema),
        fetchData(urls.search, searchDataSchema),
      ]).then(([meta, data]) => createSearchCore(meta, data));
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
  };
}
