import type { CorpusMeta, Job } from '../protocol.ts';

/**
 * Messages between the client (`search-client.ts`) and the worker (`search.worker.ts`). A job
 * names its operation (protocol.ts lists them), so a new operation needs no new message; the
 * client gives each answer its job's type back.
 */
export type ToWorker =
  { type: 'init'; dataRoot: string; meta: CorpusMeta } | { type: 'job'; id: number; job: Job };

export type FromWorker =
  { type: 'answer'; id: number; answer: unknown } | { type: 'error'; id: number; message: string };
