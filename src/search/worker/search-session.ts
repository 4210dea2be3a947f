import { fetchBinary } from '../data-files.ts';
import { createSearchCore } from '../core/search-core.ts';
import { readColumns } from '../index/columns.ts';
import { clearSpans, fileKind, traceSpans, waited } from '../core/trace.ts';
import { eachOperation, runJob, type CorpusMeta, type SearchOperations } from '../protocol.ts';
import { retrying } from '../retrying.ts';

/**
 * Loads the search data and answers with the core. The same session runs inside the worker and,
 * where there is no worker, on the main thread. The filter columns load at once; the index's
 * files and result cards load when a search first needs them. A failed load is retried on the
 * next search, so a flaky network costs one "Try again", not a reload.
 */
export function createSearchSession(
  dataRoot: string,
  meta: CorpusMeta,
): SearchOperations & {
  load(): Promise<SearchOperations>;
} {
  // Each file's wait is a span of the query's split (core/trace.ts).
  traceSpans(true);
  const read = (name: string) =>
    waited(
      `wait:${fileKind(name)}`,
      async () => new Uint8Array(await fetchBinary(`${dataRoot}${name}`)),
    );
  const load = retrying(() =>
    readColumns(read, meta.columns).then((columns) => createSearchCore(meta, columns, { read })),
  );

  return {
    load,
    ...eachOperation(async (job) => {
      // A search's split of where its time went starts afresh (core/trace.ts).
      if (job.kind === 'search') clearSpans();
      return runJob(await load(), job);
    }),
  };
}
