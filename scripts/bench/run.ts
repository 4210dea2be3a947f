import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { generateCorpus } from '../generate-corpus.ts';
import {
  describeStats,
  generateRealisticCorpus,
  probesFileFor,
} from '../generate-realistic-corpus.ts';
import { benchBrowser, type BrowserFigures } from './browser-bench.ts';
import { appKinds, buildApp, outputFigures } from './build-figures.ts';
import { appEngine, measureCold } from './cold-browser.ts';
import { chooseColdQueries, coldInNode, openBuild, readProbes } from './cold-queries.ts';
import { firstSecondsTable, measureFirstSeconds } from './first-seconds.ts';
import { serveFolder } from './network.ts';
import { benchNode, QUERIES } from './node-bench.ts';
import { GROWTH_BUDGET } from './growth.ts';
import { growthSection } from './growth-bench.ts';
import { buildPagefind, pagefindEngine, writePagefindSite } from './pagefind-bench.ts';
import { relevanceReport, runRelevance } from './relevance/relevance.ts';
import { measureQuality } from './quality.ts';
import {
  LARGER_HEAP,
  overview,
  report,
  specName,
  title,
  type CorpusFigures,
  type RealFigures,
  type Spec,
} from './report.ts';
import { snapshotSource } from './snapshot.ts';

/**
 * npm run bench [-- --sizes real:2000,real:50000,real:200000,synthetic:50000 --runs 20
 *                   --no-browser --no-pagefind --reuse-builds --no-relevance --no-growth]
 *
 * Prints, per corpus, the figures of issue 9 (realistic corpora: build, output, cold queries side
 * by side with Pagefind, word forms and precision) and of the speed budget (first results, query
 * latency, typing), against their budgets; docs/benchmarking.md says how each is measured. Phone
 * estimates: 4 × the unthrottled time for anything the worker does (Chromium does not throttle
 * workers); the 4x CPU throttle for the main thread. It never fails: it measures.
 */

function parseSizes(text: string): Spec[] {
  return text.split(',').map((part) => {
    const [kind, count] = part.includes(':') ? part.split(':') : ['synthetic', part];
    if ((kind !== 'real' && kind !== 'synthetic') || !Number.isInteger(Number(count)))
      throw new Error(`--sizes: "${part}" is not real:N or synthetic:N`);
    return { kind, count: Number(count) };
  });
}

// --- Measuring one corpus -----------------------------------------------------------------------
async function ensureCorpus(spec: Spec): Promise<string> {
  const file = path.join(
    'bench-results',
    spec.kind === 'real' ? `real-${spec.count}.json` : `corpus-${spec.count}.json`,
  );
  const missing = !existsSync(file) || (spec.kind === 'real' && !existsSync(probesFileFor(file)));
  if (missing) {
    console.log(`Generating ${file}…`);
    const started = performance.now();
    if (spec.kind === 'real') {
      const stats = await generateRealisticCorpus({ count: spec.count, out: file, seed: 1 });
      for (const line of describeStats(stats, file, (performance.now() - started) / 1000))
        console.log(line);
    } else {
      await generateCorpus({ count: spec.count, out: file, seed: 1 });
    }
  }
  return file;
}

async function withServer<T>(dir: string, work: (origin: string) => Promise<T>): Promise<T> {
  const { server, origin }: { server: Server; origin: string } = await serveFolder(dir);
  try {
    return await work(origin);
  } finally {
    server.close();
  }
}

async function measureCorpus(
  spec: Spec,
  options: {
    runs: number;
    browser: boolean;
    pagefind: boolean;
    reuseBuilds: boolean;
    /** Where the source to build is: the bench's snapshot of it. */
    root: string;
  },
): Promise<CorpusFigures> {
  const corpus = await ensureCorpus(spec);
  const dist = path.join('bench-results', `dist-${specName(spec)}`);
  let build: CorpusFigures['build'] = null;
  if (options.reuseBuilds && existsSync(path.join(dist, 'index.html'))) {
    console.log(`Reusing ${dist} (build not timed)…`);
  } else {
    console.log(`Building ${dist} (timed under /usr/bin/time -v)…`);
    try {
      const run = await buildApp(corpus, dist, options.root);
      build = { seconds: run.seconds, peakBytes: run.peakBytes, heapFailure: null };
    } catch (error) {
      // As `npm run build` runs it, Node's heap is limited (~4 GB here). Should the build run out
      // of it, say so and when, and measure it again with a larger heap.
      const message = error instanceof Error ? error.message : String(error);
      if (!message.includes('JavaScript heap out of memory')) throw error;
      const last = /(\d+) ms: Mark-Compact (\d+(?:\.\d+)?)/g;
      let failedAfter = Number.NaN;
      let heapMb = Number.NaN;
      for (const match of message.matchAll(last)) {
        failedAfter = Number(match[1]) / 1000;
        heapMb = Number(match[2]);
      }
      console.log(
        `The build ran out of Node's default heap (after ~${failedAfter.toFixed(0)} s); again with ${LARGER_HEAP}…`,
      );
      const run = await buildApp(corpus, dist, options.root, LARGER_HEAP);
      build = {
        seconds: run.seconds,
        peakBytes: run.peakBytes,
        heapFailure: { seconds: failedAfter, heapMb, retriedWith: LARGER_HEAP },
      };
    }
  }
  console.log('Measuring the output files…');
  const output = outputFigures(dist, appKinds);

  let real: RealFigures | null = null;
  let nodeQueries = QUERIES;
  let publicationCount = 0;
  if (spec.kind === 'real') {
    console.log('Choosing the cold queries, measuring them and word forms in Node…');
    const probes = readProbes(probesFileFor(corpus));
    const queries = await chooseColdQueries(probes);
    const opened = await openBuild(dist);
    publicationCount = opened.start.publicationCount;
    const nodeCold = await coldInNode(opened, queries);
    const quality = await measureQuality(opened.core(), probes);
    nodeQueries = queries.map((query) => ({ label: query.label, query: query.query }));
    let pagefind: RealFigures['pagefind'] = null;
    let pagefindError: string | null = null;
    if (options.pagefind) {
      const site = path.join('bench-results', `pagefind-${specName(spec)}`);
      try {
        console.log(`Writing the publications as HTML pages to ${site}…`);
        const language = await writePagefindSite(corpus, site);
        console.log('Running the pagefind CLI (timed under /usr/bin/time -v)…');
        pagefind = { ...(await buildPagefind(site, language)), language };
      } catch (error) {
        pagefindError = error instanceof Error ? error.message : String(error);
        console.error(`Pagefind failed: ${pagefindError}`);
      }
    }
    real = {
      probes: { distinctWords: probes.distinctWords, tokens: probes.tokens },
      queries,
      nodeCold,
      quality,
      pagefind,
      pagefindError,
      appCold: null,
      pagefindCold: null,
    };
  }

  console.log('Measuring in Node…');
  const node = await benchNode({
    dist,
    runs: options.runs,
    queries: nodeQueries,
    fuse:
      spec.kind === 'synthetic'
        ? { corpusFile: corpus, runs: spec.count >= 50000 ? 3 : 5 }
        : undefined,
  });

  let browser: BrowserFigures | null = null;
  if (options.browser) {
    console.log('Measuring in Chromium: first results, query → results, typing…');
    // For the realistic corpus, one query of each kind (the cold queries' first of each label).
    const browserQueries = node.queries.filter(
      (query, index) => spec.kind === 'synthetic' || node.queries[index - 1]?.label !== query.label,
    );
    browser = await benchBrowser({
      dist,
      queries: browserQueries.map((q) => ({ query: q.query, total: q.total })),
      runs: Math.min(options.runs, 7),
    });
    if (real) {
      const chrome = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      try {
        console.log('Measuring cold and warm queries in Chromium: the app…');
        const specs = real.nodeCold.map((cold) => ({ query: cold.query, total: cold.total }));
        real.appCold = await withServer(dist, (origin) =>
          measureCold(chrome, origin, appEngine(publicationCount), specs),
        );
        if (real.pagefind) {
          console.log('… and Pagefind…');
          const site = path.join('bench-results', `pagefind-${specName(spec)}`);
          real.pagefindCold = await withServer(site, (origin) =>
            measureCold(
              chrome,
              origin,
              pagefindEngine,
              specs.map(({ query }) => ({ query, total: null })),
            ),
          );
        }
      } finally {
        await chrome.close();
      }
    }
  }
  return {
    spec,
    load: loadavg(),
    corpusBytes: statSync(corpus).size,
    build,
    output,
    node,
    browser,
    real,
  };
}

/**
 * Copies the source and runs the bench from the copy, so that the search code measured in Node
 * and every build come from the same moment, whatever changes in the working tree meanwhile.
 */
async function fromSnapshot(): Promise<number> {
  const dir = path.join('bench-results', `source-${process.pid}`);
  const snapshot = snapshotSource(process.cwd(), dir);
  const provenance = JSON.stringify({ head: snapshot.head, changed: snapshot.changed });
  const script = path.join(dir, 'scripts', 'bench', 'run.ts');
  const args = [...process.execArgv, script, ...process.argv.slice(2), '--provenance', provenance];
  try {
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: 'inherit' });
      child.on('error', reject);
      child.on('close', (status) => resolve(status ?? 1));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: 'real:2000,real:50000,real:200000,synthetic:50000' },
      runs: { type: 'string', default: '20' },
      'no-browser': { type: 'boolean', default: false },
      'no-pagefind': { type: 'boolean', default: false },
      'reuse-builds': { type: 'boolean', default: false },
      'no-relevance': { type: 'boolean', default: false },
      'no-growth': { type: 'boolean', default: false },
      /** Set by fromSnapshot(): this process runs from the copy. */
      provenance: { type: 'string' },
    },
  });
  if (values.provenance === undefined) {
    process.exitCode = await fromSnapshot();
    return;
  }
  const provenance = JSON.parse(values.provenance) as { head: string; changed: string[] };
  const root = path.resolve(import.meta.dirname, '..', '..');
  const specs = parseSizes(values.sizes);
  const runs = Number(values.runs);
  mkdirSync('bench-results', { recursive: true });
  const pagefindVersion = (
    JSON.parse(readFileSync(path.join('node_modules', 'pagefind', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const changed = provenance.changed.length
    ? ` + uncommitted changes to ${provenance.changed.length} files under src/ and scripts/ (${provenance.changed.join(', ')})`
    : '';
  const output: string[] = [
    `Statement Explorer bench — ${new Date().toISOString()} — Node ${process.version} — Pagefind ${pagefindVersion}`,
    `Source: the working tree as the bench started, copied (HEAD ${provenance.head}${changed}).`,
    'Phone estimate: 4 × unthrottled for worker work (Chromium does not throttle workers); the 4x-throttled figure for main-thread work. Budgets: issue 9 (realistic corpora), decision 007 (speed).',
  ];
  console.log(output.join('\n'));
  const all: CorpusFigures[] = [];
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const save = (summary: string) => {
    // Written after every corpus: a run of hours that fails late keeps what it measured.
    const text = summary ? [...output, summary] : output;
    writeFileSync(path.join('bench-results', `bench-${stamp}.txt`), `${text.join('\n')}\n`);
    writeFileSync(path.join('bench-results', `bench-${stamp}.json`), JSON.stringify(all, null, 2));
  };
  for (const spec of specs) {
    try {
      const figures = await measureCorpus(spec, {
        runs,
        browser: !values['no-browser'],
        pagefind: !values['no-pagefind'],
        reuseBuilds: values['reuse-builds'],
        root,
      });
      // Issue 17: the first seconds of a shared link on a phone, per interface language.
      const firstSeconds = values['no-browser']
        ? ''
        : `\n${firstSecondsTable(await measureFirstSeconds({ dist: path.join('bench-results', `dist-${specName(spec)}`), runs: 3 }))}`;
      const text = report(figures) + firstSeconds;
      console.log(text);
      output.push(text);
      all.push(figures);
      if (
        spec.kind === 'real' &&
        spec.count <= GROWTH_BUDGET.publications &&
        !values['no-growth']
      ) {
        // Issue 19: what one added, edited or removed publication changes (growth-bench.ts), up
        // to the size its budgets are set for (at 200,000 it would take hours more).
        const growth = await growthSection({
          label: `realistic ${spec.count.toLocaleString('en')}`,
          name: specName(spec),
          corpus: path.join('bench-results', `real-${spec.count}.json`),
          root,
          pagefind: !values['no-pagefind'],
        });
        console.log(growth);
        output.push(growth);
      }
    } catch (error) {
      const text = `\n=== ${title(spec)}: the bench failed ===\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      console.error(text);
      output.push(text);
    }
    save('');
  }
  let summary = overview(all);
  if (summary) console.log(summary);
  if (!values['no-relevance']) {
    // The judged figures (docs/benchmarking.md, "Judged relevance"): a minute, real text.
    const relevance = relevanceReport(await runRelevance({ pagefind: !values['no-pagefind'] }));
    console.log(relevance);
    summary = [summary, relevance].filter(Boolean).join('\n');
  }
  save(summary);
  console.log(`\nWritten to bench-results/bench-${stamp}.txt and .json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
