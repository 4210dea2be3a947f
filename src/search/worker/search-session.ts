import { fetchBinary } from '../client/data-files.ts';
import { createSearchCore, type SearchCore } from '../core/search-core.ts';
import { readColumns } from '../index/columns.ts';
import type { CorpusMeta } from '../protocol.ts';

/**
 * Loads the search data and answers with the core. The same session runs inside the worker and,
 * where there is no worker, on the main thread. The filter columns load at once; the index's
 * files and result cards load when a search first needs them. A failed load is retried on the
 * next search, so a flaky network costs one "Try again", not a reload.
 */
export function createSearchSession(
  dataRoot: string,
  meta: CorpusMeta,
): SearchCore & {
  load(): Promise<SearchCore>;
} {
  let loading: Promise<SearchCore> | null = null;
  const read = async (name: string) => new Uint8Array(await fetchBinary(`${dataRoot}${name}`));

  function load(): Promise<SearchCore> {
    if (!loading) {
      const attempt = readColumns(read, meta.publicationCount).then((columns) =>
        createSearchCore(meta, columns, { read }),
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
    search: async (request) => (await load()).search(request),
    passages: async (request) => (await load()).passages(request),
    exportRows: async (request) => (await load()).exportRows(request),
    related: async (request) => (await load()).related(request),
  };
}
