import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../generate-corpus.ts';
import { benchBrowser, type BrowserFigures } from './browser-bench.ts';
import { benchNode, type NodeFigures } from './node-bench.ts';
import { against, bytes, ms, table } from './stats.ts';

/**
 * npm run bench [-- --sizes 1000,10000,50000 --runs 20 --no-browser]
 *
 * Prints, for generated corpora of each size, the figures of docs/decisions/007-data-at-scale.md
 * against the budget. Phone estimates follow docs/benchmarking.md: 4 × the unthrottled time for
 * anything the worker does; the 4x CPU throttle for the main thread. It never fails: it measures.
 */

const BUDGET = {
  firstResultsMs: 1000,
  bytesBeforeFirstResults: 1024 * 1024,
  queryMedianMs: 50,
  queryP95Ms: 100,
  longTaskMs: 50,
  heapMb: 150,
  appJsGzip: 150 * 1024,
};
const PHONE = 4;

function build(corpus: string, outDir: string): number {
  const started = performance.now();
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'],
    {
      env: { ...process.env, CORPUS: corpus, BASE_PATH: '/' },
      encoding: 'utf8',
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error(`build of ${corpus} failed`);
  return (performance.now() - started) / 1000;
}

function report(
  size: number,
  buildSeconds: number,
  node: NodeFigures,
  browser: BrowserFigures | null,
) {
  const startRaw = node.startFiles.reduce((sum, file) => sum + file.raw, 0);
  const startGzip = node.startFiles.reduce((sum, file) => sum + file.gzip, 0);
  const appJs = node.startFiles.filter((file) => file.name.endsWith('.js'));
  const appJsGzip = appJs.reduce((sum, file) => sum + file.gzip, 0);
  const lines: string[] = [];
  lines.push(`\n=== ${size.toLocaleString('en')} publications ===`);
  lines.push(
    table([
      ['figure', 'measured', 'phone estimate', 'against budget'],
      [
        'build time',
        `${buildSeconds.toFixed(1)} s`,
        '',
        size >= 50000 ? against(buildSeconds, 120, (s) => `${s} s`) : '',
      ],
      [
        'start files (HTML, JS, CSS, start.json)',
        `${bytes(startRaw)} raw, ${bytes(startGzip)} gzip`,
        '',
        against(startGzip, BUDGET.bytesBeforeFirstResults, bytes),
      ],
      [
        'app JavaScript at start',
        `${bytes(appJsGzip)} gzip`,
        '',
        against(appJsGzip, BUDGET.appJsGzip, bytes),
      ],
      [
        'worker ready (columns decoded, core built)',
        ms(node.readyMs),
        ms(node.readyMs * PHONE),
        '',
      ],
      [
        'query median (core, warm)',
        ms(node.allMedianMs),
        ms(node.allMedianMs * PHONE),
        against(node.allMedianMs * PHONE, BUDGET.queryMedianMs, ms),
      ],
      [
        'query p95 (core, warm)',
        ms(node.allP95Ms),
        ms(node.allP95Ms * PHONE),
        against(node.allP95Ms * PHONE, BUDGET.queryP95Ms, ms),
      ],
      ['facet counts (filters only)', ms(node.facetMs), ms(node.facetMs * PHONE), ''],
      [
        'worker heap (Node estimate)',
        `${node.heapMb.toFixed(1)} MB`,
        '',
        against(node.heapMb, BUDGET.heapMb, (mb) => `${mb} MB`),
      ],
      ['plain Fuse.js index build', ms(node.fuseIndexMs), '', ''],
    ]),
  );
  lines.push('\nQueries (Node, full speed; ratio = plain Fuse.js time ÷ ours):');
  lines.push(
    table([
      [
        'query',
        'matches',
        'first use',
        'median',
        'p95',
        'Fuse.js median',
        'ratio',
        'recall ours/Fuse',
        'top-10 precision ours/Fuse',
        'agreement with Fuse (recall, top-10)',
      ],
      ...node.queries.map((q) => [
        `${q.label}: "${q.query}"`,
        q.total.toLocaleString('en'),
        ms(q.firstMs),
        ms(q.medianMs),
        ms(q.p95Ms),
        ms(q.fuseMedianMs),
        `${(q.fuseMedianMs / q.medianMs).toFixed(0)}×`,
        `${(q.recallOurs * 100).toFixed(0)}% / ${(q.recallFuse * 100).toFixed(0)}%`,
        `${(q.top10PrecisionOurs * 100).toFixed(0)}% / ${(q.top10PrecisionFuse * 100).toFixed(0)}%`,
        `${(q.recallOfFuse * 100).toFixed(0)}%, ${(q.top10Agreement * 100).toFixed(0)}%`,
      ]),
    ]),
  );
  lines.push('\nData files:');
  lines.push(
    table([
      ['files', 'count', 'raw', 'gzip'],
      ...node.dataFiles.map((file) => [
        file.kind,
        String(file.count),
        bytes(file.raw),
        bytes(file.gzip),
      ]),
    ]),
  );
  if (browser) {
    lines.push('\nIn Chromium (served gzipped from localhost):');
    lines.push(
      table([
        ['figure', 'measured', 'phone estimate', 'against budget'],
        ['navigation → first results, no throttle', ms(browser.firstResults1xMs), '', ''],
        [
          'navigation → first results, main thread 4x slower',
          ms(browser.firstResults4xMs),
          ms(browser.firstResults4xMs),
          against(browser.firstResults4xMs, BUDGET.firstResultsMs, ms),
        ],
        [
          'transferred before first results',
          `${bytes(browser.bytesBeforeFirstResults)} in ${browser.requestsBeforeFirstResults} requests`,
          '',
          against(browser.bytesBeforeFirstResults, BUDGET.bytesBeforeFirstResults, bytes),
        ],
        [
          'query → results, median (no throttle)',
          ms(browser.queryAllMedianMs),
          ms(browser.queryAllMedianMs * PHONE),
          against(browser.queryAllMedianMs * PHONE, BUDGET.queryMedianMs, ms),
        ],
        [
          'query → results, p95 (no throttle)',
          ms(browser.queryAllP95Ms),
          ms(browser.queryAllP95Ms * PHONE),
          against(browser.queryAllP95Ms * PHONE, BUDGET.queryP95Ms, ms),
        ],
        ['query → results, median, main thread 4x slower', ms(browser.query4xMedianMs), '', ''],
        [
          'longest main-thread task typing "bialiatski" (4x)',
          browser.longTasksWhileTyping ? ms(browser.longestTaskWhileTypingMs) : 'none over 50 ms',
          '',
          browser.longTasksWhileTyping
            ? against(browser.longestTaskWhileTypingMs, BUDGET.longTaskMs, ms)
            : '✓',
        ],
        [
          "  each run's longest task, shortest first",
          browser.longestTaskPerRunMs.map((task) => task.toFixed(0)).join(', ') + ' ms',
          '',
          '',
        ],
        ['  total blocking time typing it (4x)', ms(browser.blockingWhileTypingMs), '', ''],
      ]),
    );
    lines.push('\nQuery → results per query (no throttle; first use loads its index shard):');
    lines.push(
      table([
        ['query', 'first use', 'median', 'p95'],
        ...browser.queryMs.map((q) => [`"${q.query}"`, ms(q.firstMs), ms(q.medianMs), ms(q.p95Ms)]),
      ]),
    );
  }
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,50000' },
      runs: { type: 'string', default: '20' },
      'no-browser': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const runs = Number(values.runs);
  mkdirSync('bench-results', { recursive: true });
  const output: string[] = [
    `Statement Explorer bench — ${new Date().toISOString()} — Node ${process.version}`,
    'Phone estimate: 4 × unthrottled for worker work (Chromium does not throttle workers); the 4x-throttled figure for main-thread work.',
  ];
  console.log(output.join('\n'));
  const json: unknown[] = [];
  for (const size of sizes) {
    const corpus = path.join('bench-results', `corpus-${size}.json`);
    if (!existsSync(corpus)) {
      console.log(`Generating ${corpus}…`);
      await generateCorpus({ count: size, out: corpus, seed: 1 });
    }
    const dist = path.join('bench-results', `dist-${size}`);
    console.log(`Building ${dist}…`);
    const buildSeconds = build(corpus, dist);
    console.log('Measuring in Node…');
    const node = await benchNode({
      dist,
      corpusFile: corpus,
      runs,
      fuseRuns: size >= 50000 ? 3 : 5,
    });
    let browser: BrowserFigures | null = null;
    if (!values['no-browser']) {
      console.log('Measuring in Chromium…');
      browser = await benchBrowser({
        dist,
        queries: node.queries.map((q) => ({ query: q.query, total: q.total })),
        runs: Math.min(runs, 7),
      });
    }
    const text = report(size, buildSeconds, node, browser);
    console.log(text);
    output.push(text);
    json.push({ size, buildSeconds, node, browser });
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(path.join('bench-results', `bench-${stamp}.txt`), `${output.join('\n')}\n`);
  writeFileSync(path.join('bench-results', `bench-${stamp}.json`), JSON.stringify(json, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
