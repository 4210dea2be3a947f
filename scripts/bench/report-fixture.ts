import type { BrowserFigures } from './browser-bench.ts';
import type { OutputFigures } from './build-figures.ts';
import type { ColdFigures, QueryRun } from './cold-browser.ts';
import type { ColdQuery, NodeCold } from './cold-queries.ts';
import type { NodeFigures, QueryFigures } from './node-bench.ts';
import type { QualityFigures } from './quality.ts';
import type { CorpusFigures, RealFigures } from './report.ts';

/**
 * Made-up bench figures for the report's tests: realistic corpora with Pagefind, without it, in
 * Node only, and a synthetic one; figures within and over their budgets, missing
 * ones, queries that never settled.
 */

const file = (name: string, raw: number) => ({ name, raw, gzip: raw / 4, wire: raw / 4 });

function output(scale: number): OutputFigures {
  return {
    files: 1200 * scale,
    raw: 48e6 * scale,
    gzip: 12e6 * scale,
    wire: 14e6 * scale,
    kinds: [
      {
        kind: 'index/d*.bin',
        count: 900 * scale,
        raw: 30e6 * scale,
        gzip: 9e6 * scale,
        wire: 30e6 * scale,
        medianGzip: 9000,
        maxGzip: 70_000,
        medianWire: 30_000,
        maxWire: 90_000,
      },
      {
        kind: 'cards/*',
        count: 300 * scale,
        raw: 18e6 * scale,
        gzip: 3e6 * scale,
        wire: 3e6 * scale,
        medianGzip: 10_000,
        maxGzip: 20_000,
        medianWire: 10_000,
        maxWire: 20_000,
      },
    ],
    largestQueryFile: file('data/abc123/index/d17.bin', 90_000),
    largestQueryFileGzip: file('data/abc123/cards/4.json', 80_000 * scale),
    largestPublication: file('data/abc123/publications/9.json', 40_000),
  };
}

function run(query: string, ms: number, bytes: number, settled = true): QueryRun {
  return {
    query,
    ms,
    start: 1000,
    end: 1000 + ms,
    total: settled ? 12 : 11,
    settled,
    requests: 3,
    bytes,
    requestsAfter: 5,
    bytesAfter: bytes + 4000,
  };
}

const QUERIES: ColdQuery[] = [
  { label: 'be word', kind: 'word', query: 'суда', of: 'суда', exact: ['a'], wanted: ['a', 'b'] },
  { label: 'en typo', kind: 'typo', query: 'prisin', of: 'prison', exact: ['c'], wanted: ['c'] },
  {
    label: 'name, misspelled',
    kind: 'name',
    query: 'Bialatski',
    of: 'Bialiatski',
    exact: [],
    wanted: ['d', 'e', 'f'],
  },
];

const NODE_COLD: NodeCold[] = QUERIES.slice(0, 2).map((query, index) => ({
  query: query.query,
  total: 12 + index,
  recall: index ? 1 : 0.875,
  precision: 0.9,
  exactRecall: 1,
  ms: 20,
  files: 4,
  wire: 30_000,
  raw: 90_000,
  largest: { name: 'index/d3.bin', wire: 12_000 },
  passageFiles: 2,
  passageWire: 8000,
}));

function cold(scale: number, neverSettled: boolean): ColdFigures {
  return {
    loadBytes: 310_000 * scale,
    loadRequests: 9,
    cold: [
      run('суда', 180 * scale, 40_000 * scale),
      run('prisin', 260 * scale, 61_000 * scale, false),
      neverSettled ? run('Bialatski', Number.NaN, 20_000) : run('Bialatski', 90, 20_000),
    ],
    warm: [run('суда', 8, 0), run('prisin', 12, 2048), run('Bialatski', 9.5, 0)],
  };
}

const QUALITY: QualityFigures = {
  ms: 5300,
  languages: (['be', 'ru', 'en'] as const).map((language, index) => ({
    language,
    families: 150 - index,
    queries: 450 - index,
    recall: [0.97, 0.93, Number.NaN][index] ?? 0,
    familiesAt95: 0.8,
    precision: 0.91,
    recallSameStart: 0.99,
    recallComplete: 0.6,
    precisionComplete: 0.95,
    medianPrecision: 1,
    rare: { families: 20, queries: 60, medianMatches: 4, medianTrue: 3 },
    worst: [
      { query: 'прыклад', recall: 0.5, wanted: 10, matches: 7 },
      { query: 'word', recall: 0.75, wanted: 4, matches: 3 },
    ],
  })),
  names: [
    {
      name: 'Bialiatski',
      publications: 80,
      recall: 0.98,
      precision: 0.97,
      forms: [
        { form: 'Бяляцкі', held: 30, matches: 31, recall: 1, precision: 0.97 },
        { form: 'Bialiatski', held: 20, matches: 18, recall: 0.9, precision: 1 },
      ],
    },
  ],
};

/** `pagefind`: how much Pagefind's cold queries fetch and take beside the app's; 0: it failed. */
function real(scale: number, options: { browser: boolean; pagefind: number }): RealFigures {
  const pagefind = options.pagefind > 0;
  return {
    probes: { distinctWords: 219_199 * scale, tokens: 1_509_101 * scale },
    queries: QUERIES,
    nodeCold: NODE_COLD,
    quality: QUALITY,
    pagefind: pagefind
      ? { seconds: 95, peakBytes: 1.2 * 1024 ** 3, output: output(2), language: 'en' }
      : null,
    pagefindError: pagefind || !options.browser ? null : 'pagefind exited with code 1',
    appCold: options.browser ? cold(scale, scale > 1) : null,
    pagefindCold: options.browser && pagefind ? cold(options.pagefind * scale, false) : null,
  };
}

const nodeQueries = (withFuse: boolean): QueryFigures[] =>
  ['one word', 'two words'].map((label, index) => ({
    label,
    query: index ? 'political prisoners' : 'prisoners',
    total: 12_345 * (index + 1),
    firstMs: 40,
    medianMs: 6.5 * (index + 1),
    p95Ms: 31 * (index + 1),
    fuseMedianMs: withFuse ? 640 : Number.NaN,
    fuseTotal: withFuse ? 12_000 : 0,
    recallOfFuse: 0.99,
    top10Agreement: 0.6,
    recallOurs: 1,
    recallFuse: 0.97,
    top10PrecisionOurs: 1,
    top10PrecisionFuse: 0.7,
  }));

function node(withFuse: boolean, scale: number): NodeFigures {
  return {
    startFiles: [
      { name: 'index.html', raw: 9000, gzip: 3000 },
      { name: 'assets/app.js', raw: 400_000 * scale, gzip: 130_000 * scale },
      { name: 'data/abc123/start.json', raw: 80_000, gzip: 20_000 },
    ],
    readyMs: 45,
    queries: nodeQueries(withFuse),
    allMedianMs: 7.25 * scale,
    allP95Ms: 30 * scale,
    facetMs: 3.5,
    heapMb: 42.25 * scale,
    fuseIndexMs: withFuse ? 5400 : Number.NaN,
  };
}

function browser(scale: number): BrowserFigures {
  return {
    firstResults1xMs: 210,
    firstResults4xMs: 640 * scale,
    bytesBeforeFirstResults: 420_000 * scale,
    requestsBeforeFirstResults: 7,
    queryMs: [
      { query: 'prisoners', firstMs: 50, medianMs: 9, p95Ms: 14 },
      { query: 'political prisoners', firstMs: 60, medianMs: 11, p95Ms: 19 },
    ],
    queryAllMedianMs: 10 * scale,
    queryAllP95Ms: 19 * scale,
    query4xMedianMs: 35,
    longestTaskWhileTypingMs: 48 * scale,
    longestTaskPerRunMs: [40, 44, 48 * scale, 61, 70],
    longTasksWhileTyping: scale > 1 ? 3 : 0,
    blockingWhileTypingMs: 12,
    typing: {
      query: 'bialiatski political prisoners',
      runs: [
        { keystrokesMs: [20, 30, 45 * scale, 80], longTasks: 1 },
        { keystrokesMs: [22, 28, 40, 120 * scale], longTasks: 0 },
      ],
      medianMs: 29 * scale,
      p90Ms: 70 * scale,
      maxMs: 100 * scale,
      longTasks: 0.5,
    },
  };
}

/** A realistic corpus with Pagefind, all within budget but for a few figures. */
export const REAL_WITH_PAGEFIND: CorpusFigures = {
  spec: { kind: 'real', count: 50000 },
  load: [3.2, 2.75, 2.1],
  corpusBytes: 480e6,
  build: {
    seconds: 250,
    peakBytes: 3.5 * 1024 ** 3,
    heapFailure: { seconds: 140, heapMb: 4096, retriedWith: '--max-old-space-size=12288' },
  },
  output: output(1),
  node: node(false, 1),
  browser: browser(1),
  real: real(1, { browser: true, pagefind: 1.3 }),
};

/** A bigger realistic corpus, over several budgets, one query never settled. */
export const REAL_OVER_BUDGET: CorpusFigures = {
  ...REAL_WITH_PAGEFIND,
  spec: { kind: 'real', count: 200000 },
  build: { seconds: 1700, peakBytes: 9 * 1024 ** 3, heapFailure: null },
  output: output(3),
  node: node(false, 3),
  browser: browser(3),
  real: real(3, { browser: true, pagefind: 0.8 }),
};

/** A realistic corpus whose Pagefind build failed. */
export const REAL_WITHOUT_PAGEFIND: CorpusFigures = {
  ...REAL_WITH_PAGEFIND,
  spec: { kind: 'real', count: 10000 },
  real: real(1, { browser: true, pagefind: 0 }),
};

/** A realistic corpus measured in Node only (--no-browser --reuse-builds). */
export const REAL_NODE_ONLY: CorpusFigures = {
  ...REAL_WITH_PAGEFIND,
  spec: { kind: 'real', count: 2000 },
  load: [1, 1, 1],
  corpusBytes: 19.5e6,
  build: null,
  browser: null,
  real: real(1, { browser: false, pagefind: 0 }),
};

/** The synthetic corpus, with the Fuse.js comparison and a browser. */
export const SYNTHETIC: CorpusFigures = {
  ...REAL_WITH_PAGEFIND,
  spec: { kind: 'synthetic', count: 50000 },
  load: [0.5, 0.75, 1],
  corpusBytes: 210e6,
  build: { seconds: 80, peakBytes: 2 * 1024 ** 3, heapFailure: null },
  node: node(true, 1),
  real: null,
};

export const ALL = [
  REAL_NODE_ONLY,
  REAL_WITHOUT_PAGEFIND,
  REAL_WITH_PAGEFIND,
  REAL_OVER_BUDGET,
  SYNTHETIC,
];
