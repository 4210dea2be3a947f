import type { SearchCore } from '../core/search-core.ts';
import type { CorpusMeta } from '../protocol.ts';

/**
 * Messages between the client (`search-client.ts`) and the worker (`search.worker.ts`),
 * derived from the core's own type: one operation a method, its request and its answer, so a new
 * operation needs no new message and an answer keeps its request's type.
 */
export type Operation = keyof SearchCore;
export type RequestOf<K extends Operation> = Parameters<SearchCore[K]>[0];
export type AnswerOf<K extends Operation> = Awaited<ReturnType<SearchCore[K]>>;

export type Job = { [K in Operation]: { kind: K; request: RequestOf<K> } }[Operation];

export type ToWorker =
  { type: 'init'; dataRoot: string; meta: CorpusMeta } | { type: 'job'; id: number; job: Job };

export type FromWorker =
  { type: 'answer'; id: number; answer: unknown } | { type: 'error'; id: number; message: string };

/** Runs a job on anything shaped like the core (the session, in the worker or on the main thread). */
export function runJob(core: SearchCore, job: Job): Promise<unknown> {
  const operation = core[job.kind] as (request: RequestOf<typeof job.kind>) => Promise<unknown>;
  return operation(job.request);
}
