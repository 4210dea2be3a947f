import type { SearchHit, SearchRequest, SearchResponse } from '../core/search-core.ts';
import type { CorpusMeta, ExportRow } from '../index/search-data.ts';
import type { RelatedRequest } from '../protocol.ts';

/** A piece of work for the search session, and its answer. */
export type Job =
  | { kind: 'search'; request: SearchRequest }
  | { kind: 'export'; request: SearchRequest }
  | { kind: 'related'; request: RelatedRequest };

export type Answer =
  | { kind: 'search'; response: SearchResponse }
  | { kind: 'export'; rows: ExportRow[] }
  | { kind: 'related'; hits: SearchHit[] };

/** Messages between `search-client.ts` and `search.worker.ts`: requests carry ids, answers hits. */
export type ToWorker =
  { type: 'init'; dataRoot: string; meta: CorpusMeta } | { type: 'job'; id: number; job: Job };

export type FromWorker =
  { type: 'answer'; id: number; answer: Answer } | { type: 'error'; id: number; message: string };

/** Runs a job on a session (in the worker, or on the main thread where there is none). */
export async function runJob(
  session: {
    search(request: SearchRequest): Promise<SearchResponse>;
    exportRows(request: SearchRequest): Promise<ExportRow[]>;
    related(request: RelatedRequest): Promise<SearchHit[]>;
  },
  job: Job,
): Promise<Answer> {
  switch (job.kind) {
    case 'search':
      return { kind: 'search', response: await session.search(job.request) };
    case 'export':
      return { kind: 'export', rows: await session.exportRows(job.request) };
    case 'related':
      return { kind: 'related', hits: await session.related(job.request) };
  }
}
