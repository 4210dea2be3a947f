import type { SearchRequest, SearchResponse } from './search-core.ts';
import type { CorpusMeta } from './search-data.ts';

/** Messages between `search-client.ts` and `search.worker.ts`: requests carry ids, answers carry hits. */
export type ToWorker =
  | { type: 'init'; dataRoot: string; meta: CorpusMeta }
  | { type: 'search'; id: number; request: SearchRequest };

export type FromWorker =
  | { type: 'result'; id: number; response: SearchResponse }
  | { type: 'error'; id: number; message: string };
