import {
  eachOperation,
  runJob,
  type CorpusMeta,
  type Job,
  type SearchOperations,
} from '../protocol.ts';
import { errorFromMessage } from '../data-files.ts';
import { retrying } from '../retrying.ts';
import type { FromWorker, ToWorker } from '../worker/messages.ts';

/**
 * The search core's operations as promises. The work runs in a Web Worker so typing never waits
 * for it; where workers are missing or fail to start, the same session runs on the main thread.
 *
 * One job is in the worker at a time. Jobs queued behind it whose caller gave up (TanStack Query
 * aborts a query nobody shows any more) are dropped unsent, so fast typing never builds a
 * backlog of stale work.
 */
export type SearchClient = SearchOperations<[signal?: AbortSignal]> & {
  /** Starts the worker and its data loading ahead of the first search. */
  warmUp(): void;
  dispose(): void;
};

type Pending = {
  id: number;
  job: Job;
  signal: AbortSignal | undefined;
  resolve: (answer: unknown) => void;
  reject: (error: unknown) => void;
};

function abortError(): Error {
  return new DOMException('The search was superseded', 'AbortError');
}

/** `loadMeta` gives the archive's metadata (the start file, which the page loads anyway). */
export function createSearchClient(
  dataRoot: string,
  loadMeta: () => Promise<CorpusMeta>,
): SearchClient {
  let worker: Worker | null = null;
  let started = false;
  const queue: Pending[] = [];
  let inFlight: Pending | null = null;
  let nextId = 1;

  /** Loaded only where it is needed, so the search code stays out of the main bundle. */
  const runOnMainThread: () => Promise<SearchOperations> = retrying(() =>
    Promise.all([import('../worker/search-session.ts'), loadMeta()]).then(
      ([{ createSearchSession }, meta]) => createSearchSession(dataRoot, meta),
    ),
  );

  /** Resolves once the worker has been told where the data is. */
  const initWorker = retrying(() =>
    loadMeta().then((meta) => {
      const init: ToWorker = { type: 'init', dataRoot, meta };
      worker?.postMessage(init);
    }),
  );

  function settle(pending: Pending, outcome: { answer: unknown } | { error: unknown }) {
    if (inFlight !== pending) return;
    inFlight = null;
    if ('answer' in outcome) pending.resolve(outcome.answer);
    else pending.reject(outcome.error);
    pump();
  }

  function send(pending: Pending) {
    warmUp();
    inFlight = pending;
    if (worker) {
      initWorker().then(
        () => {
          const message: ToWorker = { type: 'job', id: pending.id, job: pending.job };
          worker?.postMessage(message);
        },
        (error: unknown) => settle(pending, { error }),
      );
      return;
    }
    runOnMainThread()
      .then((session) => runJob(session, pending.job))
      .then(
        (answer) => settle(pending, { answer }),
        (error: unknown) => settle(pending, { error }),
      );
  }

  function pump() {
    while (!inFlight && queue.length > 0) {
      const next = queue.shift();
      if (!next) return;
      if (next.signal?.aborted) next.reject(abortError());
      else send(next);
    }
  }

  function startWorker() {
    if (typeof Worker === 'undefined') return;
    try {
      worker = new Worker(new URL('../worker/search.worker.ts', import.meta.url), {
        type: 'module',
      });
    } catch {
      worker = null;
      return;
    }
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (!inFlight || inFlight.id !== message.id) return;
      if (message.type === 'answer') settle(inFlight, { answer: message.answer });
      // The same kind of error as in the worker: a network failure is not a server fault.
      else settle(inFlight, { error: errorFromMessage(message.message) });
    });
    worker.addEventListener('error', () => {
      // The worker could not start (a strict Content-Security-Policy, say): search here instead.
      worker?.terminate();
      worker = null;
      const retry = inFlight;
      inFlight = null;
      if (retry) send(retry);
      else pump();
    });
    // Start loading the filter data now, while the reader looks at the first page.
    initWorker().catch(() => undefined);
  }

  /** Not at construction: the first page needs no worker, and start-up has better things to do. */
  function warmUp() {
    if (started) return;
    started = true;
    startWorker();
  }

  function enqueue(job: Job, signal?: AbortSignal): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      const pending: Pending = { id: nextId++, job, signal, resolve, reject };
      signal?.addEventListener(
        'abort',
        () => {
          const index = queue.indexOf(pending);
          if (index < 0) return;
          queue.splice(index, 1);
          reject(abortError());
        },
        { once: true },
      );
      queue.push(pending);
      pump();
    });
  }

  return {
    warmUp,
    ...eachOperation((job, signal?: AbortSignal) => enqueue(job, signal)),
    dispose() {
      worker?.terminate();
      worker = null;
      for (const pending of queue.splice(0)) pending.reject(abortError());
    },
  };
}
