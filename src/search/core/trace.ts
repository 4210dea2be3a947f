/**
 * Where a query's time goes (the bench's split of a cold query, docs/benchmarking.md): spans on
 * the platform's performance timeline, named `search:<phase>`, in the thread that runs the core.
 * A session turns them on (in the worker, or on the main thread where there is none); the build,
 * the tests and the bench's Node runs leave them off and add nothing. They show in the browser's
 * performance panel too.
 *
 * Phases: `wait:<kind>` a data file on its way (directory, block, pack, cards, …: several may
 * overlap), `decode` turning bytes into entries and postings, `score` matching and ranking.
 */

export type Phase = 'decode' | 'score' | `wait:${string}`;

const PREFIX = 'search:';
let enabled = false;

/** Turns the spans on or off for this thread. */
export function traceSpans(on: boolean) {
  enabled = on && typeof performance !== 'undefined' && typeof performance.measure === 'function';
}

/** Forgets the spans of earlier searches (the timeline would otherwise grow with each). */
export function clearSpans() {
  if (!enabled) return;
  for (const entry of performance.getEntriesByType('measure')) {
    if (entry.name.startsWith(PREFIX)) performance.clearMeasures(entry.name);
  }
}

function record(phase: Phase, start: number) {
  performance.measure(`${PREFIX}${phase}`, { start, end: performance.now() });
}

/** Runs `work`, recording how long it took under `phase`. */
export function timed<T>(phase: Phase, work: () => T): T {
  if (!enabled) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    record(phase, start);
  }
}

/** Awaits `work`, recording how long it took under `phase`. */
export async function waited<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    record(phase, start);
  }
}

/**
 * The kind of a data file, from its name under `data/` (index/files.ts): what the bench groups
 * waits by.
 */
export function fileKind(name: string): string {
  if (name.startsWith('index/dir.')) return 'directory';
  if (name.startsWith('index/d.')) return 'block';
  if (name.startsWith('index/b.')) return 'companion';
  if (/^index\/(tp|bp|xp)\./.test(name)) return 'pack';
  if (name.startsWith('index/f')) return 'typos';
  const slash = name.indexOf('/');
  return slash > 0 ? name.slice(0, slash) : name;
}
