import { median, ms, percentile, table } from './stats.ts';

/**
 * Where a cold query's time goes (issue 18.6): the spans the search worker leaves on its
 * performance timeline (src/search/core/trace.ts), laid over the moments the page was asked and
 * settled. Spans of one phase may overlap (blocks load side by side), so a phase counts the time
 * any of its spans was open, not their sum.
 */

/** A span: its phase, and when it opened and closed (ms since the epoch). */
export type Span = [phase: string, start: number, end: number];

export type QuerySplit = {
  /** From the keystroke until the worker's first span: input, URL, the message to the worker. */
  toWorker: number;
  /** Waiting for any data file, and for each kind of file. */
  waits: number;
  byKind: Record<string, number>;
  decode: number;
  score: number;
  /** In the worker, in none of the spans above (the core's own bookkeeping, await turns). */
  between: number;
  /** From the worker's last span until the results settled on screen: the answer, React, paint. */
  toScreen: number;
  total: number;
};

/** How long any of `spans` was open within [from, to]. */
function covered(spans: readonly Span[], from: number, to: number): number {
  const clipped = spans
    .map(([, start, end]) => [Math.max(start, from), Math.min(end, to)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let open: [number, number] | null = null;
  for (const [start, end] of clipped) {
    if (open && start <= open[1]) open[1] = Math.max(open[1], end);
    else {
      if (open) total += open[1] - open[0];
      open = [start, end];
    }
  }
  return total + (open ? open[1] - open[0] : 0);
}

export function splitOf(spans: readonly Span[], start: number, end: number): QuerySplit {
  const inside = spans.filter(([, s, e]) => e > start && s < end);
  const first = Math.min(...inside.map(([, s]) => s));
  const last = Math.max(...inside.map(([, , e]) => e));
  const total = end - start;
  if (inside.length === 0) {
    return {
      toWorker: 0,
      waits: 0,
      byKind: {},
      decode: 0,
      score: 0,
      between: 0,
      toScreen: total,
      total,
    };
  }
  const of = (pick: (phase: string) => boolean) =>
    covered(
      inside.filter(([phase]) => pick(phase)),
      start,
      end,
    );
  const kinds = [
    ...new Set(inside.flatMap(([phase]) => (phase.startsWith('wait:') ? [phase.slice(5)] : []))),
  ];
  const toWorker = Math.max(0, first - start);
  const toScreen = Math.max(0, end - last);
  return {
    toWorker,
    waits: of((phase) => phase.startsWith('wait:')),
    byKind: Object.fromEntries(
      kinds.map((kind) => [kind, of((phase) => phase === `wait:${kind}`)]),
    ),
    decode: of((phase) => phase === 'decode'),
    score: of((phase) => phase === 'score'),
    between: Math.max(0, total - toWorker - toScreen - of(() => true)),
    toScreen,
    total,
  };
}

/** The table of the split over the cold queries: median and p95 of each phase. */
export function splitTable(splits: readonly QuerySplit[]): string {
  const kinds = [...new Set(splits.flatMap((split) => Object.keys(split.byKind)))].sort();
  const row = (label: string, pick: (split: QuerySplit) => number) => {
    const values = splits.map(pick);
    return [label, ms(median(values)), ms(percentile(values, 95))];
  };
  return table([
    ['phase (full speed)', 'median', 'p95'],
    row('keystroke → worker (input, URL, message)', (split) => split.toWorker),
    row('waiting for data files (any)', (split) => split.waits),
    ...kinds.map((kind) => row(`  … ${kind}`, (split) => split.byKind[kind] ?? 0)),
    row('decoding (inflate, blocks, postings)', (split) => split.decode),
    row('matching and ranking', (split) => split.score),
    row('in the worker, between', (split) => split.between),
    row('worker → settled on screen (answer, render)', (split) => split.toScreen),
    row('total', (split) => split.total),
  ]);
}
