import type { BrowserFigures, TypingFigures } from './browser-bench.ts';
import type { OutputFigures } from './build-figures.ts';
import type { ColdFigures, QueryRun } from './cold-browser.ts';
import { splitTable } from './query-split.ts';
import type { ColdQuery, NodeCold } from './cold-queries.ts';
import type { NodeFigures } from './node-bench.ts';
import type { PagefindBuild } from './pagefind-bench.ts';
import type { QualityFigures } from './quality.ts';
import { figureRows, figureTable, PHONE, ratio, type Figure } from './figure-table.ts';
import { against, bytes, median, ms, percent, percentile, table } from './stats.ts';

/**
 * The bench's budgets, the figures it gathers per corpus, and the report it prints of them
 * (scripts/bench/run.ts measures; docs/benchmarking.md says how).
 */
export const BUDGET = {
  firstResultsMs: 1000,
  bytesBeforeFirstResults: 1024 * 1024,
  queryMedianMs: 50,
  queryP95Ms: 100,
  longTaskMs: 50,
  /** Issue 12: keystroke → next paint, main thread 4x slower. */
  keystrokeMedianMs: 50,
  keystrokeP90Ms: 100,
  heapMb: 150,
  appJsGzip: 150 * 1024,
  /** Synthetic corpus, 50,000 publications (docs/decisions/007-data-at-scale.md). */
  syntheticBuildSeconds: 120,
};

/** Issue 9's budgets, realistic corpus, phone estimate = 4 × full-speed time. */
export const ISSUE_9 = {
  coldMedianBytes: 150 * 1024,
  coldP95Bytes: 400 * 1024,
  settledMedianPhoneMs: 1000,
  warmPhoneMs: 50,
  buildSecondsAt50k: 300,
  buildPeakAt50k: 8 * 1024 ** 3,
  buildSecondsAt200k: 25 * 60,
  /** Cold-query bytes may grow this much from 50,000 to 200,000 publications. */
  growth: 1.5,
  recall: 0.95,
  largestQueryFileGzip: 64 * 1024,
};

/** The heap a build gets when it ran out of Node's default one. */
export const LARGER_HEAP = '--max-old-space-size=12288';

export type Spec = { kind: 'real' | 'synthetic'; count: number };

export const specName = (spec: Spec) => `${spec.kind}-${spec.count}`;
export const title = (spec: Spec) =>
  `${spec.kind === 'real' ? 'realistic' : 'synthetic'} corpus, ${spec.count.toLocaleString('en')} publications`;

export const gb = (value: number) => `${(value / 1024 ** 3).toFixed(2)} GB`;
export const seconds = (value: number) =>
  value >= 120 ? `${(value / 60).toFixed(1)} min (${value.toFixed(0)} s)` : `${value.toFixed(1)} s`;

export type RealFigures = {
  probes: { distinctWords: number; tokens: number };
  queries: ColdQuery[];
  nodeCold: NodeCold[];
  quality: QualityFigures;
  pagefind: (PagefindBuild & { language: string }) | null;
  /** Why there are no Pagefind figures, when it failed. */
  pagefindError: string | null;
  appCold: ColdFigures | null;
  pagefindCold: ColdFigures | null;
};

export type CorpusFigures = {
  spec: Spec;
  /** The machine's load average (1, 5, 15 min) when this corpus was done: others share it. */
  load: number[];
  corpusBytes: number;
  build: {
    seconds: number;
    peakBytes: number;
    /** When the build ran out of Node's default heap first: when, at what heap, and the retry. */
    heapFailure: { seconds: number; heapMb: number; retriedWith: string } | null;
  } | null;
  output: OutputFigures;
  node: NodeFigures;
  browser: BrowserFigures | null;
  real: RealFigures | null;
};

// --- The report ---------------------------------------------------------------------------------

export const kB = (value: number) => (Number.isFinite(value) ? bytes(value) : '—');

export function outputTable(output: OutputFigures): string {
  return table([
    ['files', 'count', 'raw', 'gzip', 'as served', 'median gzip', 'max gzip', 'max as served'],
    ...output.kinds.map((kind) => [
      kind.kind,
      kind.count.toLocaleString('en'),
      bytes(kind.raw),
      bytes(kind.gzip),
      bytes(kind.wire),
      bytes(kind.medianGzip),
      bytes(kind.maxGzip),
      bytes(kind.maxWire),
    ]),
    [
      'total',
      output.files.toLocaleString('en'),
      bytes(output.raw),
      bytes(output.gzip),
      bytes(output.wire),
      '',
      '',
      '',
    ],
  ]);
}

export const fileLine = (file: OutputFigures['largestQueryFile']) =>
  file
    ? `${file.name.replace(/^data\/[^/]+\//, '')}: ${bytes(file.raw)} raw, ${bytes(file.gzip)} gzip, ${bytes(file.wire)} as served`
    : '—';

export type ColdSummary = {
  bytesMedian: number;
  bytesP95: number;
  afterMedian: number;
  afterP95: number;
  msMedian: number;
  msP95: number;
  warmMedian: number;
  warmP95: number;
  /** Cold queries whose count in the page differed from Node's; that never settled in 30 s. */
  unsettled: number;
  neverSettled: number;
};

export function summarize(figures: ColdFigures): ColdSummary {
  const values = (runs: readonly QueryRun[], pick: (run: QueryRun) => number) => runs.map(pick);
  const b = values(figures.cold, (run) => run.bytes);
  const a = values(figures.cold, (run) => run.bytesAfter);
  const time = (run: QueryRun) => (Number.isFinite(run.ms) ? run.ms : Number.POSITIVE_INFINITY);
  const t = values(figures.cold, time);
  const w = values(figures.warm, time);
  return {
    bytesMedian: median(b),
    bytesP95: percentile(b, 95),
    afterMedian: median(a),
    afterP95: percentile(a, 95),
    msMedian: median(t),
    msP95: percentile(t, 95),
    warmMedian: median(w),
    warmP95: percentile(w, 95),
    unsettled: figures.cold.filter((run) => !run.settled).length,
    neverSettled: figures.cold.filter((run) => !Number.isFinite(run.ms)).length,
  };
}

export function settledCell(run: QueryRun, nodeTotal: number | undefined): string {
  if (!Number.isFinite(run.ms)) return `never (count ${run.total ?? '—'})`;
  if (run.settled) return ms(run.ms);
  return `${ms(run.ms)} at ${run.total ?? '—'}, Node ${nodeTotal ?? '—'}`;
}

export function buildSection(figures: CorpusFigures): string[] {
  const { spec, build, output, real } = figures;
  const lines: string[] = [];
  const pagefind = real?.pagefind ?? null;
  const at50k = spec.count === 50000;
  const at200k = spec.count >= 200000;
  const timeBudget =
    spec.kind === 'synthetic'
      ? spec.count >= 50000
        ? BUDGET.syntheticBuildSeconds
        : undefined
      : at50k
        ? ISSUE_9.buildSecondsAt50k
        : at200k
          ? ISSUE_9.buildSecondsAt200k
          : undefined;
  const heapFailure = build?.heapFailure;
  const outputLine = (of: OutputFigures) =>
    `${bytes(of.raw)} in ${of.files.toLocaleString('en')} files (${bytes(of.gzip)} gzip)`;
  const rows: Figure[] = [
    {
      label: 'build time',
      value: build?.seconds ?? 'not timed (--reuse-builds)',
      unit: seconds,
      pagefind: pagefind?.seconds,
      budget: timeBudget,
    },
    ...(heapFailure
      ? [
          {
            label: 'first attempt (default Node heap)',
            value: `out of memory after ~${seconds(heapFailure.seconds)} at ${(heapFailure.heapMb / 1024).toFixed(1)} GB of heap; the figures below are with ${heapFailure.retriedWith}`,
            verdict: '✗ fails as `npm run build` runs it',
          },
        ]
      : []),
    {
      label: 'peak memory (max RSS)',
      value: build?.peakBytes ?? '—',
      unit: gb,
      pagefind: pagefind?.peakBytes,
      budget: at50k && spec.kind === 'real' ? ISSUE_9.buildPeakAt50k : undefined,
    },
    {
      label: 'output',
      value: outputLine(output),
      pagefind: pagefind ? outputLine(pagefind.output) : undefined,
    },
    {
      label: 'largest file a query may fetch, as served',
      value: fileLine(output.largestQueryFile),
      pagefind: pagefind ? fileLine(pagefind.output.largestQueryFile) : undefined,
    },
    {
      label: 'largest file a query may fetch, gzip',
      value: output.largestQueryFileGzip?.gzip ?? '—',
      shown: fileLine(output.largestQueryFileGzip),
      unit: bytes,
      pagefind: pagefind ? fileLine(pagefind.output.largestQueryFileGzip) : undefined,
      budget: ISSUE_9.largestQueryFileGzip,
    },
    {
      label: 'largest publication file',
      value: fileLine(output.largestPublication),
      pagefind: pagefind ? '(Pagefind: in its fragment)' : undefined,
    },
  ];
  const header = ['build', 'app', ...(pagefind ? ['Pagefind'] : []), 'app against budget'];
  lines.push(figureTable(header, rows, { pagefind: Boolean(pagefind) }));
  lines.push(
    '\nOutput files of the app (source maps left out; "as served": gzip where scripts/serve.ts gzips — HTML, JS, CSS, JSON —, the file as it is otherwise, e.g. .bin):',
  );
  lines.push(outputTable(output));
  if (pagefind) {
    lines.push(
      `\nOutput files of Pagefind (pagefind/; its index and fragments are gzipped by Pagefind itself; one language "${pagefind.language}" for every page):`,
    );
    lines.push(outputTable(pagefind.output));
  }
  return lines;
}

export function coldSection(real: RealFigures): string[] {
  const lines: string[] = [];
  const app = real.appCold;
  const pf = real.pagefindCold;
  const node = new Map(real.nodeCold.map((cold) => [cold.query, cold]));
  lines.push(
    '\nCold queries — a fresh browser context each: page idle, then the query; bytes on the wire from the keystroke until the results settle (+ what comes after: the passages of body-only results); phone = 4 × time:',
  );
  const header = [
    'query',
    'kind',
    'matches',
    'recall',
    'bytes settled',
    '+ after',
    'reqs',
    'settled',
    'phone',
    ...(pf ? ['Pagefind matches', 'Pagefind bytes', 'Pagefind time', 'bytes ÷ Pagefind'] : []),
    'Node: files, as served, largest',
  ];
  const rows: string[][] = [header];
  real.queries.forEach((query, index) => {
    const cold = app?.cold[index];
    const other = pf?.cold[index];
    const inNode = node.get(query.query);
    rows.push([
      query.kind === 'typo' ? `"${query.query}" (${query.of})` : `"${query.query}"`,
      query.label,
      `${inNode?.total ?? '—'} (${query.wanted.length})`,
      inNode ? percent(inNode.recall) : '—',
      cold ? bytes(cold.bytes) : '—',
      cold ? bytes(cold.bytesAfter) : '—',
      cold ? `${cold.requests}+${cold.requestsAfter - cold.requests}` : '—',
      cold ? settledCell(cold, inNode?.total) : '—',
      cold && Number.isFinite(cold.ms) ? ms(cold.ms * PHONE) : '—',
      ...(pf
        ? [
            String(other?.total ?? '—'),
            other ? bytes(other.bytes) : '—',
            other ? ms(other.ms) : '—',
            cold && other ? ratio(cold.bytes, other.bytes) : '—',
          ]
        : []),
      inNode ? `${inNode.files}, ${bytes(inNode.wire)}, ${bytes(inNode.largest.wire)}` : '—',
    ]);
  });
  lines.push(table(rows));
  lines.push(
    "  matches: the app's count (publications holding some form of the word or name: what the reader wants); recall: of those, the share found (Node). For a typo, of the publications holding the word it changes.",
  );
  if (!app) return lines;
  const splits = app.cold.flatMap((run) => (run.split ? [run.split] : []));
  if (splits.length > 0) {
    lines.push(
      `\nWhere a cold query's time goes (the app, ${splits.length} cold queries; the worker's spans, src/search/core/trace.ts):`,
    );
    lines.push(splitTable(splits));
  }
  const a = summarize(app);
  const p = pf ? summarize(pf) : null;
  /** A figure of the app's cold queries beside the same of Pagefind's. */
  const side = (label: string, pick: (of: ColdSummary) => number, more: Partial<Figure> = {}) => ({
    label,
    value: pick(a),
    pagefind: p ? pick(p) : undefined,
    ...more,
  });
  const inBytes = { unit: kB, ratio: true };
  const requests = (of: ColdFigures) => `${bytes(of.loadBytes)} in ${of.loadRequests} requests`;
  const figures: Figure[] = [
    side('bytes until settled, median', (of) => of.bytesMedian, {
      ...inBytes,
      budget: ISSUE_9.coldMedianBytes,
      belowPagefind: 'fewer',
    }),
    side('bytes until settled, p95', (of) => of.bytesP95, {
      ...inBytes,
      budget: ISSUE_9.coldP95Bytes,
    }),
    side('bytes with what comes after (passages), median', (of) => of.afterMedian, inBytes),
    side('bytes with what comes after (passages), p95', (of) => of.afterP95, inBytes),
    side('time to settled results, median (full speed)', (of) => of.msMedian, { ratio: true }),
    side('time to settled results, median (phone = 4×)', (of) => of.msMedian * PHONE, {
      budget: ISSUE_9.settledMedianPhoneMs,
    }),
    side('time to settled results, p95 (phone = 4×)', (of) => of.msP95 * PHONE),
    side('warm query (same page, again), median (phone = 4×)', (of) => of.warmMedian * PHONE, {
      budget: ISSUE_9.warmPhoneMs,
    }),
    side('warm query, p95 (phone = 4×)', (of) => of.warmP95 * PHONE),
    {
      label: 'fetched by a fresh page before it is idle',
      value: requests(app),
      pagefind: pf ? requests(pf) : undefined,
    },
  ];
  if (a.unsettled) {
    figures.push({
      label: 'cold queries whose count in the page differs from Node’s (timed when it settled)',
      value: String(a.unsettled - a.neverSettled),
    });
  }
  if (a.neverSettled) {
    figures.push({
      label: 'cold queries that never settled (30 s)',
      value: String(a.neverSettled),
    });
  }
  lines.push('\nCold and warm queries, over the 20:');
  const columns = ['figure', 'app', ...(p ? ['Pagefind', 'app ÷ Pagefind'] : [])];
  lines.push(
    figureTable([...columns, 'app against budget'], figures, { pagefind: Boolean(p), ratio: true }),
  );
  lines.push(
    '\nWarm queries per query (full speed, same page, second time; bytes fetched then):  ' +
      app.warm
        .map((run) => `"${run.query}" ${ms(run.ms)}${run.bytes ? `, ${bytes(run.bytes)}` : ''}`)
        .join('; '),
  );
  return lines;
}

export function qualitySection(quality: QualityFigures): string[] {
  const lines: string[] = [];
  lines.push(
    '\nWord forms and precision (Node, over the build; queries as typed; families of hunspell lemmas with ≥ 2 forms present):',
  );
  lines.push(
    table([
      [
        'language',
        'families',
        'queries',
        'recall of other forms',
        'same first 3 letters',
        'families ≥ 95 %',
        'precision',
        'median precision',
        'word complete: recall, precision',
        'rare (≤ 5 publications): median matches vs true',
        'against budget',
      ],
      ...quality.languages.map((row) => [
        row.language,
        String(row.families),
        String(row.queries),
        percent(row.recall),
        percent(row.recallSameStart),
        percent(row.familiesAt95),
        percent(row.precision),
        percent(row.medianPrecision),
        `${percent(row.recallComplete)}, ${percent(row.precisionComplete)}`,
        `${row.rare.medianMatches} vs ${row.rare.medianTrue} (${row.rare.families} families, ${row.rare.queries} queries)`,
        against(-row.recall, -ISSUE_9.recall, (value) => `≥ ${percent(-value)}`),
      ]),
    ]),
  );
  for (const row of quality.languages) {
    lines.push(
      `  ${row.language}, lowest recall: ` +
        row.worst
          .map(
            (worst) =>
              `"${worst.query}" ${percent(worst.recall)} of ${worst.wanted} (${worst.matches} matches)`,
          )
          .join('; '),
    );
  }
  lines.push(
    "\nNames (each spelling as a query; recall over the publications holding any spelling with as many words; precision counts only text mentions, so an organization's own publications lower it):",
  );
  lines.push(
    table([
      ['name', 'publications', 'spellings', 'recall', 'precision', 'spellings under 95 % recall'],
      ...quality.names.map((name) => [
        name.name,
        String(name.publications),
        String(name.forms.length),
        percent(name.recall),
        percent(name.precision),
        name.forms
          .filter((form) => form.recall < 0.95)
          .map((form) => `"${form.form}" ${percent(form.recall)} (${form.matches} matches)`)
          .join('; '),
      ]),
    ]),
  );
  lines.push(`  (measured in ${ms(quality.ms)})`);
  return lines;
}

/** Keystroke → paint figures of the Chromium table (also printed alone by scripts/bench/typing.ts). */
export function typingFigures(typing: TypingFigures): Figure[] {
  const perRun = (pick: (keystrokes: number[]) => number) =>
    typing.runs.map((run) => pick(run.keystrokesMs).toFixed(0)).join(', ') + ' ms';
  return [
    {
      label: `keystroke → paint typing "${typing.query}", median (4x)`,
      value: typing.medianMs,
      phone: 'measured',
      budget: BUDGET.keystrokeMedianMs,
    },
    { label: '  p90 (4x)', value: typing.p90Ms, phone: 'measured', budget: BUDGET.keystrokeP90Ms },
    { label: '  slowest keystroke (4x)', value: typing.maxMs, phone: 'measured' },
    {
      label: `  each run's median, p90, slowest (of ${typing.runs.length})`,
      value: perRun(median),
    },
    { label: '', value: perRun((keys) => percentile(keys, 90)) },
    { label: '', value: perRun((keys) => Math.max(...keys)) },
    { label: '  long tasks typing it (median of the runs)', value: String(typing.longTasks) },
  ];
}

/** The keystroke rows alone, as scripts/bench/typing.ts prints them. */
export const typingRows = (typing: TypingFigures) =>
  figureRows(typingFigures(typing), { phone: true });

export function classicSection(figures: CorpusFigures): string[] {
  const { node, browser, spec } = figures;
  const lines: string[] = [];
  const startRaw = node.startFiles.reduce((sum, file) => sum + file.raw, 0);
  const startGzip = node.startFiles.reduce((sum, file) => sum + file.gzip, 0);
  const appJsGzip = node.startFiles
    .filter((file) => file.name.endsWith('.js'))
    .reduce((sum, file) => sum + file.gzip, 0);
  const header = ['figure', 'measured', 'phone estimate', 'against budget'];
  const synthetic = spec.kind === 'synthetic';
  lines.push('\nStart and warm queries (Node, full speed; the speed budget of decision 007):');
  const start: Figure[] = [
    {
      label: 'start files (HTML, JS, CSS, start.json)',
      value: startGzip,
      shown: `${bytes(startRaw)} raw, ${bytes(startGzip)} gzip`,
      unit: bytes,
      budget: BUDGET.bytesBeforeFirstResults,
    },
    {
      label: 'app JavaScript at start',
      value: appJsGzip,
      shown: `${bytes(appJsGzip)} gzip`,
      unit: bytes,
      budget: BUDGET.appJsGzip,
    },
    { label: 'worker ready (columns decoded, core built)', value: node.readyMs, phone: 'scaled' },
    {
      label: 'query median (core, warm)',
      value: node.allMedianMs,
      phone: 'scaled',
      budget: BUDGET.queryMedianMs,
    },
    {
      label: 'query p95 (core, warm)',
      value: node.allP95Ms,
      phone: 'scaled',
      budget: BUDGET.queryP95Ms,
    },
    { label: 'facet counts (filters only)', value: node.facetMs, phone: 'scaled' },
    {
      label: 'worker heap (Node estimate)',
      value: node.heapMb,
      shown: `${node.heapMb.toFixed(1)} MB`,
      unit: (mb) => `${mb} MB`,
      budget: BUDGET.heapMb,
    },
    ...(synthetic ? [{ label: 'plain Fuse.js index build', value: node.fuseIndexMs }] : []),
  ];
  lines.push(figureTable(header, start, { phone: true }));
  lines.push(
    synthetic
      ? '\nQueries (Node, full speed; ratio = plain Fuse.js time ÷ ours):'
      : '\nQueries (Node, full speed, one core kept: first use, then warm runs):',
  );
  lines.push(
    table([
      [
        'query',
        'matches',
        'first use',
        'median',
        'p95',
        ...(synthetic
          ? [
              'Fuse.js median',
              'ratio',
              'recall ours/Fuse',
              'top-10 precision ours/Fuse',
              'agreement with Fuse (recall, top-10)',
            ]
          : []),
      ],
      ...node.queries.map((q) => [
        `${q.label}: "${q.query}"`,
        q.total.toLocaleString('en'),
        ms(q.firstMs),
        ms(q.medianMs),
        ms(q.p95Ms),
        ...(synthetic
          ? [
              ms(q.fuseMedianMs),
              `${(q.fuseMedianMs / q.medianMs).toFixed(0)}×`,
              `${percent(q.recallOurs)} / ${percent(q.recallFuse)}`,
              `${percent(q.top10PrecisionOurs)} / ${percent(q.top10PrecisionFuse)}`,
              `${percent(q.recallOfFuse)}, ${percent(q.top10Agreement)}`,
            ]
          : []),
      ]),
    ]),
  );
  if (browser) {
    lines.push('\nIn Chromium (served gzipped from localhost):');
    const chromium: Figure[] = [
      { label: 'navigation → first results, no throttle', value: browser.firstResults1xMs },
      {
        label: 'navigation → first results, main thread 4x slower',
        value: browser.firstResults4xMs,
        phone: 'measured',
        budget: BUDGET.firstResultsMs,
      },
      {
        label: 'transferred before first results',
        value: browser.bytesBeforeFirstResults,
        shown: `${bytes(browser.bytesBeforeFirstResults)} in ${browser.requestsBeforeFirstResults} requests`,
        unit: bytes,
        budget: BUDGET.bytesBeforeFirstResults,
      },
      {
        label: 'query → results, median (no throttle; warm)',
        value: browser.queryAllMedianMs,
        phone: 'scaled',
        budget: BUDGET.queryMedianMs,
      },
      {
        label: 'query → results, p95 (no throttle; warm)',
        value: browser.queryAllP95Ms,
        phone: 'scaled',
        budget: BUDGET.queryP95Ms,
      },
      {
        label: 'query → results, median, main thread 4x slower',
        value: browser.query4xMedianMs,
      },
      {
        label: 'longest main-thread task typing "bialiatski" (4x)',
        ...(browser.longTasksWhileTyping
          ? { value: browser.longestTaskWhileTypingMs, budget: BUDGET.longTaskMs }
          : { value: 'none over 50 ms', verdict: '✓' }),
      },
      {
        label: "  each run's longest task, shortest first",
        value: browser.longestTaskPerRunMs.map((task) => task.toFixed(0)).join(', ') + ' ms',
      },
      { label: '  total blocking time typing it (4x)', value: browser.blockingWhileTypingMs },
      ...typingFigures(browser.typing),
    ];
    lines.push(figureTable(header, chromium, { phone: true }));
    lines.push(
      '\nQuery → results per query (no throttle; first use on a page that has its columns, then warm):',
    );
    lines.push(
      table([
        ['query', 'first use', 'median', 'p95'],
        ...browser.queryMs.map((q) => [`"${q.query}"`, ms(q.firstMs), ms(q.medianMs), ms(q.p95Ms)]),
      ]),
    );
  }
  return lines;
}

export function report(figures: CorpusFigures): string {
  const { spec, real } = figures;
  const lines: string[] = [];
  const words = real
    ? `; ${real.probes.distinctWords.toLocaleString('en')} distinct words in ${real.probes.tokens.toLocaleString('en')}`
    : '';
  lines.push(`\n=== ${title(spec)} (${bytes(figures.corpusBytes)} of JSON${words}) ===`);
  lines.push(
    `(load average of this 2-core machine when done: ${figures.load.map((value) => value.toFixed(1)).join(', ')})`,
  );
  lines.push(...buildSection(figures));
  if (real?.pagefindError) lines.push(`\nPagefind failed: ${real.pagefindError}`);
  if (real) {
    lines.push(...coldSection(real));
    lines.push(...qualitySection(real.quality));
  }
  lines.push(...classicSection(figures));
  return lines.join('\n');
}

/** One table over every realistic size: issue 9's figures side by side. */
export function overview(all: readonly CorpusFigures[]): string {
  const real = all.filter((figures) => figures.real);
  if (real.length === 0) return '';
  const lines = ['\n=== Side by side (issue 9), realistic corpora ==='];
  const rows: string[][] = [
    [
      'publications',
      'build (app / Pagefind)',
      'peak memory',
      'output files',
      'largest query file, gzip',
      'cold bytes median / p95',
      'Pagefind median / p95',
      'settled median / p95, phone',
      'Pagefind, phone',
      'recall be / ru / en',
    ],
  ];
  for (const figures of real) {
    const r = figures.real as RealFigures;
    const a = r.appCold ? summarize(r.appCold) : null;
    const p = r.pagefindCold ? summarize(r.pagefindCold) : null;
    const recall = r.quality.languages.map((row) => percent(row.recall)).join(' / ');
    rows.push([
      figures.spec.count.toLocaleString('en'),
      `${figures.build ? seconds(figures.build.seconds) : '—'} / ${r.pagefind ? seconds(r.pagefind.seconds) : '—'}`,
      `${figures.build ? gb(figures.build.peakBytes) : '—'} / ${r.pagefind ? gb(r.pagefind.peakBytes) : '—'}`,
      `${figures.output.files.toLocaleString('en')} / ${r.pagefind ? r.pagefind.output.files.toLocaleString('en') : '—'}`,
      `${figures.output.largestQueryFileGzip ? bytes(figures.output.largestQueryFileGzip.gzip) : '—'} / ${r.pagefind?.output.largestQueryFileGzip ? bytes(r.pagefind.output.largestQueryFileGzip.gzip) : '—'}`,
      a ? `${kB(a.bytesMedian)} / ${kB(a.bytesP95)}` : '—',
      p ? `${kB(p.bytesMedian)} / ${kB(p.bytesP95)}` : '—',
      a ? `${ms(a.msMedian * PHONE)} / ${ms(a.msP95 * PHONE)}` : '—',
      p ? `${ms(p.msMedian * PHONE)} / ${ms(p.msP95 * PHONE)}` : '—',
      recall,
    ]);
  }
  lines.push(table(rows));
  const at = (count: number) => real.find((figures) => figures.spec.count === count)?.real?.appCold;
  const from = at(50000);
  const to = at(200000);
  if (from && to) {
    const growth = summarize(to).bytesMedian / summarize(from).bytesMedian;
    lines.push(
      `Cold-query bytes (median) from 50,000 to 200,000 publications: ×${growth.toFixed(2)} ${growth <= ISSUE_9.growth ? '✓' : '✗'} (budget ×${ISSUE_9.growth})`,
    );
  }
  lines.push(
    'Pagefind: one HTML page per publication (title as h1, summary, body in data-pagefind-body), every page in one language (--force-language: one index serves every query; no stemming); bench.html calls init() at load, then per query search() and data() of the first 10 results.',
  );
  return lines.join('\n');
}
