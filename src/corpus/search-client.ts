import type { SearchRequest, SearchResponse } from './search-core.ts';
import type { CorpusMeta } from './search-data.ts';
import type { FromWorker, ToWorker } from './search-protocol.ts';

/**
 * Searches as promises. The work runs in a Web Worker so typing never waits for it; where workers
 * are missing or fail to start, the same session runs on the main thread.
 *
 * One search is in the worker at a time. Searches queued behind it whose caller gave up (TanStack
 * Query aborts a query nobody shows any more) are dropped unsent, so fast typing never builds a
 * backlog of stale work.
 */
export type SearchClient = {
  search(request: SearchRequest, signal?: AbortSignal): Promise<SearchResponse>;
  /** Starts the worker and its data loading ahead of the first search. */
  warmUp(): void;
  dispose(): void;
};

type SearchSession = { search(request: SearchRequest): Promise<SearchResponse> };

type Pending = {
  id: number;
  request: SearchRequest;
  signal: AbortSignal | undefined;
  resolve: (response: SearchResponse) => void;
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
  /** Resolves once the worker has been told where the data is. */
  let workerReady: Promise<void> | null = null;
  let fallback: Promise<SearchSession> | null = null;
  const queue: Pending[] = [];
  let inFlight: Pending | null = null;
  let nextId = 1;

  /** Loaded only where it is needed, so the search code stays out of the main bundle. */
  function runOnMainThread(): Promise<SearchSession> {
    if (!fallback) {
      const attempt = Promise.all([import('./search-session.ts'), loadMeta()]).then(
        ([{ createSearchSession }, meta]) => createSearchSession(dataRoot, meta),
      );
      attempt.catch(() => {
        if (fallback === attempt) fallback = null;
      });
      fallback = attempt;
    }
    return fallback;
  }

  function initWorker(): Promise<void> {
    if (!workerReady) {
      const attempt = loadMeta().then((meta) => {
        const init: ToWorker = { type: 'init', dataRoot, meta };
        worker?.postMessage(init);
      });
      attempt.catch(() => {
        if (workerReady === attempt) workerReady = null;
      });
      workerReady = attempt;
    }
    return workerReady;
  }

  function settle(pending: Pending, outcome: { response?: SearchResponse; error?: unknown }) {
    if (inFlight !== pending) return;
    inFlight = null;
    if (outcome.response) pending.resolve(outcome.response);
    else pending.reject(outcome.error);
    pump();
  }

  function send(pending: Pending) {
    warmUp();
    inFlight = pending;
    if (worker) {
      initWorker().then(
        () => {
          const message: ToWorker = { type: 'search', id: pending.id, request: pending.request };
          worker?.postMessage(message);
        },
        (error: unknown) => settle(pending, { error }),
      );
      return;
    }
    runOnMainThread()
      .then((session) => session.search(pending.request))
      .then(
        (response) => settle(pending, { response }),
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
      worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
      return;
    }
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (!inFlight || inFlight.id !== message.id) return;
      if (message.type === 'result') settle(inFlight, { response: message.response });
      else settle(inFlight, { error: new Error(message.message) });
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

  return {
    warmUp,
    search(request, signal) {
      return new Promise<SearchResponse>((resolve, reject) => {
        const pending: Pending = { id: nextId++, request, signal, resolve, reject };
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
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const pending of queue.splice(0)) pending.reject(abortError());
    },
  };
}
