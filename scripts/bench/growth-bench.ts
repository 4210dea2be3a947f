import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { openCorpus, type OpenedCorpus } from '../../src/corpus/corpus-reader.ts';
import type { Publication } from '../../src/corpus/schema.ts';
import { describeStats, generateRealisticCorpus } from '../generate-realistic-corpus.ts';
import { appKinds, buildApp, outputFigures, type TimedRun } from './build-figures.ts';
import {
  APP,
  PAGEFIND_OUTPUT,
  PAGES,
  appFileKind,
  dataVersion,
  diffManifests,
  growthReport,
  isPagefindOutput,
  isSourceMap,
  only,
  pagefindSiteKind,
  readManifest,
  withoutDataVersion,
  type Comparison,
  type GrowthFigures,
  type Manifest,
  type SiteTotals,
} from './growth.ts';
import { NO_CHANGE, planChanges, writeChangedCorpus, type ChangePlan } from './growth-changes.ts';
import { buildPagefind, page, pagePath, writeSmallPages } from './pagefind-bench.ts';
import { LARGER_HEAP } from './report.ts';

/**
 * npm run bench:growth [-- --sizes demo,real:2000,real:50000 --no-pagefind]
 * (and `npm run bench`, for each realistic size, unless --no-growth)
 *
 * Issue 19's table, "a new publication changes a few files, not the whole site": per corpus, a
 * clean build, then a build of each of three changed copies (add, edit, remove one publication:
 * scripts/bench/growth-changes.ts) and of an unchanged copy (the control), each compared with the
 * clean build file by file (scripts/bench/growth.ts), for the app and for Pagefind over the same
 * publications as HTML pages, in the same run. docs/benchmarking.md says how it is measured.
 *
 * Builds run one at a time (the machine is shared: a 50,000-publication build takes ~5 min and
 * GBs of memory, Pagefind ~8 min and up to ~15 GB). Work files live in
 * bench-results/growth-<name>/: the clean build and Pagefind's site stay for a look; each changed
 * copy and its build are removed once compared.
 */

/** A file's gzipped size, each file measured once (two comparisons may ask for the same). */
function gzipOf(root: string) {
  const sizes = new Map<string, number>();
  return (name: string) => {
    let size = sizes.get(name);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(root, name))).length;
      sizes.set(name, size);
    }
    return size;
  };
}

function maxSize(manifest: Manifest): number {
  let largest = 0;
  for (const file of manifest.values()) largest = Math.max(largest, file.size);
  return largest;
}

/**
 * The app's build, as `npm run build` runs it; should it run out of Node's default heap, again
 * with a larger one (as the bench's own build does), saying so.
 */
async function buildAppOnce(
  corpus: string,
  dist: string,
  root: string,
): Promise<TimedRun & { heap: string | null }> {
  try {
    return { ...(await buildApp(corpus, dist, root)), heap: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.includes('JavaScript heap out of memory')) throw error;
    console.log(`  out of Node's default heap; again with ${LARGER_HEAP}…`);
    return { ...(await buildApp(corpus, dist, root, LARGER_HEAP)), heap: LARGER_HEAP };
  }
}

function publicationPage(language: string, publication: Publication): string {
  return page(language, publication.title, publication.summary ?? '', publication.body ?? '');
}

/** Applies a change to Pagefind's site (one page written or removed); returns its undoing. */
function changeSite(
  site: string,
  language: string,
  opened: OpenedCorpus,
  plan: ChangePlan,
): () => void {
  const count = opened.corpus.publications.length;
  if (plan.added) {
    const file = path.join(site, pagePath(count, plan.added.id));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, publicationPage(language, plan.added));
    return () => rmSync(file);
  }
  if (plan.index === undefined) return () => {};
  const original = opened.publication(plan.index);
  const file = path.join(site, pagePath(plan.index, original.id));
  if (plan.replacement) writeFileSync(file, publicationPage(language, plan.replacement));
  else rmSync(file);
  return () => writeFileSync(file, publicationPage(language, original));
}

type Options = {
  label: string;
  /** Names the work folder, bench-results/growth-<name>. */
  name: string;
  corpus: string;
  /** Where the source to build is (the bench's snapshot, or the working tree). */
  root: string;
  pagefind: boolean;
};

/** The app: the clean build, then each changed copy, built and compared one at a time. */
async function measureApp(
  options: Options,
  dir: string,
  opened: OpenedCorpus,
  plans: ChangePlan[],
) {
  const clean = path.join(dir, 'app-clean');
  console.log(`Growth, ${options.label}: the app's clean build…`);
  const run = await buildAppOnce(options.corpus, clean, options.root);
  const before = readManifest(clean);
  const beforeFiles = only(before, (name) => !isSourceMap(name));
  const mapsBefore = only(before, isSourceMap);
  const output = outputFigures(clean, appKinds);
  const diffs: Comparison[] = [];
  const sourceMaps: Comparison[] = [];
  const stableDataFolder: Comparison[] = [];
  for (const plan of plans) {
    console.log(`Growth, ${options.label}: the app, ${plan.change}: ${plan.description}…`);
    const corpus = path.join(dir, `corpus-${plan.change}.json`);
    const dist = path.join(dir, `app-${plan.change}`);
    writeChangedCorpus(opened, plan, corpus);
    const changed = await buildAppOnce(corpus, dist, options.root);
    const after = readManifest(dist);
    const measure = gzipOf(dist);
    const files = only(after, (name) => !isSourceMap(name));
    const entry = { system: APP, change: plan.change, seconds: changed.seconds };
    diffs.push({ ...entry, diff: diffManifests(beforeFiles, files, appFileKind, measure) });
    const maps = diffManifests(mapsBefore, only(after, isSourceMap), appFileKind, measure);
    sourceMaps.push({ ...entry, diff: maps });
    const stableBefore = withoutDataVersion(beforeFiles);
    const stableAfter = withoutDataVersion(files);
    const version = dataVersion(files);
    if (stableBefore && stableAfter && dataVersion(beforeFiles) !== version) {
      const unversioned = (name: string) => measure(name.replace(/^data\//, `data/${version}/`));
      stableDataFolder.push({
        ...entry,
        diff: diffManifests(stableBefore, stableAfter, appFileKind, unversioned),
      });
    }
    rmSync(dist, { recursive: true, force: true });
    rmSync(corpus, { force: true });
  }
  return {
    clean: { seconds: run.seconds, peakBytes: run.peakBytes, heap: run.heap },
    diffs,
    sourceMaps,
    stableDataFolder,
    totals: {
      files: output.files,
      raw: output.raw,
      gzip: output.gzip,
      largest: maxSize(beforeFiles),
      sourceMaps: mapsBefore.size,
      sourceMapBytes: [...mapsBefore.values()].reduce((sum, file) => sum + file.size, 0),
    },
  };
}

function siteTotals(manifest: Manifest, gzip: (name: string) => number): SiteTotals {
  let raw = 0;
  let gzipped = 0;
  for (const [name, file] of manifest) {
    raw += file.size;
    gzipped += gzip(name);
  }
  return { files: manifest.size, raw, gzip: gzipped, largest: maxSize(manifest) };
}

/**
 * Pagefind: the same publications as HTML pages (pagefind-bench.ts's), at paths that stay when
 * others are added or removed; each change made to the site, indexed, undone.
 */
async function measurePagefind(
  options: Options,
  dir: string,
  opened: OpenedCorpus,
  plans: ChangePlan[],
) {
  const site = path.join(dir, 'site');
  const language = opened.corpus.language ?? 'en';
  console.log(`Growth, ${options.label}: writing the publications as HTML pages…`);
  opened.corpus.publications.forEach((_, index) => {
    const publication = opened.publication(index);
    const file = path.join(site, pagePath(index, publication.id));
    if (index % 1000 === 0) mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, publicationPage(language, publication));
  });
  writeSmallPages(site);
  console.log(`Growth, ${options.label}: Pagefind's clean build…`);
  const run = await buildPagefind(site, language);
  const before = readManifest(site);
  const outputBefore = only(before, isPagefindOutput);
  const pagesBefore = only(before, (name) => !isPagefindOutput(name));
  const system = `Pagefind ${pagefindVersion()}`;
  const diffs: Comparison[] = [];
  for (const plan of plans) {
    console.log(`Growth, ${options.label}: Pagefind, ${plan.change}…`);
    const undo = changeSite(site, language, opened, plan);
    try {
      const changed = await buildPagefind(site, language);
      const after = readManifest(site);
      const measure = gzipOf(site);
      const compare = (was: Manifest, keep: (name: string) => boolean) =>
        diffManifests(was, only(after, keep), pagefindSiteKind, measure);
      diffs.push(
        {
          system: `${system} ${PAGEFIND_OUTPUT}`,
          change: plan.change,
          seconds: changed.seconds,
          diff: compare(outputBefore, isPagefindOutput),
        },
        {
          system: `${system}, ${PAGES}`,
          change: plan.change,
          seconds: null,
          diff: compare(pagesBefore, (name) => !isPagefindOutput(name)),
        },
      );
    } finally {
      undo();
    }
  }
  return {
    clean: { seconds: run.seconds, peakBytes: run.peakBytes },
    diffs,
    totals: {
      output: { ...siteTotals(outputBefore, () => 0), gzip: run.output.gzip },
      pages: siteTotals(pagesBefore, gzipOf(site)),
    },
  };
}

export async function measureGrowth(options: Options): Promise<GrowthFigures> {
  const dir = path.join('bench-results', `growth-${options.name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = await openCorpus(options.corpus);
  if (!result.ok) throw new Error(`${options.corpus} is not a valid corpus`);
  const opened = result.opened;
  const loadBefore = loadavg();
  try {
    const plans = [...planChanges(opened.corpus.publications, opened.publication), NO_CHANGE];
    const app = await measureApp(options, dir, opened, plans);
    let pagefind: Awaited<ReturnType<typeof measurePagefind>> | null = null;
    let pagefindError: string | null = null;
    if (options.pagefind) {
      try {
        pagefind = await measurePagefind(options, dir, opened, plans);
      } catch (error) {
        // The app's figures stand on their own (Pagefind may be stopped for memory at 50,000).
        pagefindError = error instanceof Error ? error.message : String(error);
        console.error(`Pagefind failed: ${pagefindError}`);
      }
    }
    return {
      label: options.label,
      load: { before: loadBefore, after: loadavg() },
      publications: opened.corpus.publications.length,
      pagefindVersion: pagefindVersion(),
      changes: plans.map(({ change, description }) => ({ change, description })),
      clean: { app: app.clean, pagefind: pagefind?.clean ?? null },
      pagefindError,
      diffs: [...app.diffs, ...(pagefind?.diffs ?? [])],
      sourceMaps: app.sourceMaps,
      stableDataFolder: app.stableDataFolder,
      totals: {
        app: app.totals,
        pagefind: pagefind?.totals.output ?? null,
        pages: pagefind?.totals.pages ?? null,
      },
    };
  } finally {
    opened.close();
  }
}

function pagefindVersion(): string {
  const file = path.join('node_modules', 'pagefind', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Measures, prints the report, and keeps the figures in bench-results/growth-<name>.json. */
export async function growthSection(options: Options): Promise<string> {
  const figures = await measureGrowth(options);
  writeFileSync(
    path.join('bench-results', `growth-${options.name}.json`),
    JSON.stringify(figures, null, 2),
  );
  return growthReport(figures);
}

// --- npm run bench:growth -----------------------------------------------------------------------

async function corpusFor(size: string): Promise<{ label: string; name: string; corpus: string }> {
  if (size === 'demo') return { label: 'demo corpus', name: 'demo', corpus: 'data/corpus.json' };
  const count = Number(/^real:(\d+)$/.exec(size)?.[1]);
  if (!Number.isInteger(count)) throw new Error(`--sizes: "${size}" is not demo or real:N`);
  const corpus = path.join('bench-results', `real-${count}.json`);
  if (!existsSync(corpus)) {
    console.log(`Generating ${corpus}…`);
    const started = performance.now();
    const stats = await generateRealisticCorpus({ count, out: corpus, seed: 1 });
    for (const line of describeStats(stats, corpus, (performance.now() - started) / 1000))
      console.log(line);
  }
  return { label: `realistic ${count.toLocaleString('en')}`, name: `real-${count}`, corpus };
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: 'demo,real:2000' },
      'no-pagefind': { type: 'boolean', default: false },
    },
  });
  mkdirSync('bench-results', { recursive: true });
  const texts: string[] = [];
  for (const size of values.sizes.split(',')) {
    const text = await growthSection({
      ...(await corpusFor(size)),
      root: process.cwd(),
      pagefind: !values['no-pagefind'],
    });
    console.log(text);
    texts.push(text);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.join('bench-results', `growth-${stamp}.txt`);
  writeFileSync(out, `${texts.join('\n')}\n`);
  console.log(`\nWritten to ${out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
