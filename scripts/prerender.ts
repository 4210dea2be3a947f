import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import react from '@vitejs/plugin-react';
import * as v from 'valibot';
import { build, type Plugin } from 'vite';
import type { PublicationPagesJob } from './prerender-entry.ts';
import { keepOnly, sha256 } from './build-cache.ts';
import { startSchema, type StartData } from '../src/search/protocol.ts';
import type { SanitizeAheadJob } from './sanitize-ahead.ts';
import { be } from '../src/i18n/catalogs/be.ts';
import { en } from '../src/i18n/catalogs/en.ts';
import { ru } from '../src/i18n/catalogs/ru.ts';
import { INTERFACE_LANGUAGES, interfaceLanguageOf } from '../src/i18n/languages.ts';
import {
  archiveNameIn,
  bootTagWithTitles,
  htmlStartTag,
  pageLanguage,
  startHeadTags,
} from './publication-pages.ts';

/**
 * Renders pages with the app's own components at build time (docs/decisions/007-data-at-scale.md,
 * 014-pages-as-files.md): the search page's first view into dist/index.html, and each
 * publication's page into dist/publications/<id>/index.html. A small server-side build of
 * scripts/prerender-entry.ts (src/app/prerender.tsx's renderers), with the client build's base,
 * renders the same components the browser will hydrate; worker threads running the
 * same bundle write the publication pages, one per core.
 */

const SSR_DOMPURIFY = path.resolve('scripts/ssr-dompurify.ts');
const SANITIZE_BODY = path.resolve('src/features/publication/sanitize-body.ts');
const BODY_CACHE = path.resolve('scripts/body-cache.ts');

/**
 * `dompurify` imported by the app becomes DOMPurify on a jsdom window (scripts/ssr-dompurify.ts);
 * its sanitize-body.ts becomes scripts/body-cache.ts, which finds bodies sanitized ahead.
 */
function sanitizeOnJsdom(): Plugin {
  return {
    name: 'statement-explorer:ssr-dompurify',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || importer === SSR_DOMPURIFY || importer === BODY_CACHE) return null;
      if (source === 'dompurify') return SSR_DOMPURIFY;
      if (
        source.startsWith('.') &&
        path.resolve(path.dirname(importer), source) === SANITIZE_BODY
      ) {
        return BODY_CACHE;
      }
      return null;
    },
  };
}

/**
 * A folder of its own under node_modules/.cache: builds run side by side (the e2e sites), and
 * worker threads load a bundle after the build that made it, so no other build's may take its place.
 */
function cacheFolder(root: string, name: string): string {
  return path.join(root, 'node_modules', '.cache', name, `${process.pid}-${Date.now()}`);
}

/** Bodies sanitized while the data build runs: see scripts/sanitize-ahead.ts. */
export type SanitizeAhead = {
  /** Where the sanitized bodies are. */
  dir: string;
  /** A publication file the data build has written. */
  add(file: string): void;
  /** Stops the threads (what they have not done, the pages do). */
  stop(): Promise<void>;
  /** Stops them and deletes the bodies. */
  close(): Promise<void>;
};

/**
 * Starts worker threads, one per core but the one the data build runs on, that sanitize bodies
 * as the publication files are written (docs/decisions/014-pages-as-files.md).
 */
export async function sanitizeAhead(options: { root: string }): Promise<SanitizeAhead> {
  const bundleDir = cacheFolder(options.root, 'statement-explorer-ssr');
  const dir = cacheFolder(options.root, 'statement-explorer-bodies');
  mkdirSync(dir, { recursive: true });
  await build({
    configFile: false,
    root: options.root,
    logLevel: 'warn',
    plugins: [sanitizeOnJsdom()],
    build: {
      ssr: 'scripts/sanitize-ahead.ts',
      outDir: bundleDir,
      emptyOutDir: true,
      rollupOptions: { output: { entryFileNames: 'sanitize-ahead.mjs' } },
    },
  });
  const job: SanitizeAheadJob = {
    kind: 'sanitize-ahead',
    dir,
    siteUrl: process.env.SITE_URL || undefined,
  };
  const bundle = pathToFileURL(path.join(bundleDir, 'sanitize-ahead.mjs'));
  const workers = Array.from({ length: Math.max(1, availableParallelism() - 1) }, () => {
    const worker = new Worker(bundle, { workerData: job });
    // Never what keeps the build running, nor what fails it: the pages sanitize what is left.
    worker.unref();
    worker.on('error', () => undefined);
    return worker;
  });
  let next = 0;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= Promise.all(workers.map((worker) => worker.terminate())).then(() => {
      rmSync(bundleDir, { recursive: true, force: true });
    });
    return stopped;
  };
  return {
    dir,
    add(file) {
      if (stopped) return;
      workers[next++ % workers.length]?.postMessage(file);
    },
    stop,
    close: () => stop().then(() => rmSync(dir, { recursive: true, force: true })),
  };
}

type PrerenderModule = { renderStartPageHtml(start: unknown, language: string): string };

function isPrerenderModule(module: unknown): module is PrerenderModule {
  return (
    typeof module === 'object' &&
    module !== null &&
    'renderStartPageHtml' in module &&
    typeof module.renderStartPageHtml === 'function'
  );
}

async function loadPrerender(options: { root: string; base: string }) {
  const ssrDir = cacheFolder(options.root, 'statement-explorer-ssr');
  await build({
    configFile: false,
    root: options.root,
    base: options.base,
    logLevel: 'warn',
    plugins: [sanitizeOnJsdom(), react()],
    build: {
      ssr: 'scripts/prerender-entry.ts',
      outDir: ssrDir,
      emptyOutDir: true,
      // One file: a lazy route's chunk would import the entry without the query string that
      // makes each build's import fresh, and get a second copy of every module (and context).
      rollupOptions: { output: { entryFileNames: 'prerender.mjs', codeSplitting: false } },
    },
  });
  const url = pathToFileURL(path.join(ssrDir, 'prerender.mjs'));
  const module: unknown = await import(`${url.href}?${Date.now()}`);
  if (!isPrerenderModule(module)) {
    throw new Error('scripts/prerender-entry.ts must export renderStartPageHtml');
  }
  return { module, url, dir: ssrDir };
}

/** Which page the boot script is on (scripts/boot-script.ts). */
function bootTag(base: string, bootScript: string, page: 'start' | 'publication') {
  return `<script src="${base}${bootScript}" data-base="${base}" data-page="${page}"></script>`;
}

/** What a reader without scripts is told on the search page, in the page's language. */
const NOSCRIPT_NOTES: Record<string, (href: string) => string> = {
  en: (href) =>
    `Search needs JavaScript, which is off in this browser. <a href="${href}">The list of publications</a> and every publication open without it.`,
  be: (href) =>
    `Для пошуку патрэбны JavaScript, а ў гэтым браўзеры ён выключаны. <a href="${href}">Спіс публікацый</a> і кожная публікацыя адкрываюцца і без яго.`,
  ru: (href) =>
    `Для поиска нужен JavaScript, а в этом браузере он выключен. <a href="${href}">Список публикаций</a> и каждая публикация открываются и без него.`,
};

export function noscriptNote(language: string, base: string): string {
  const note = NOSCRIPT_NOTES[language] ?? NOSCRIPT_NOTES.en;
  // Not <noscript>: shown unless the boot script ran (boot.css), whatever disabled scripts.
  return `<p class="noscript-note">${note?.(base) ?? ''}</p>`;
}

type StartInfo = { name?: unknown; names?: unknown; language?: unknown };

/** worker → main (scripts/prerender-entry.ts): a batch written, or why it failed. */
const workerReplySchema = v.union([
  /**
   * `pages`: when there is a cache (scripts/build-cache.ts), each page's publication file name,
   * its key, and whether it was copied from the cache.
   */
  v.object({
    written: v.number(),
    pages: v.array(v.tuple([v.string(), v.string(), v.boolean()])),
  }),
  v.object({ error: v.string() }),
]);
export type WorkerReply = v.InferOutput<typeof workerReplySchema>;

/** File names a worker is given at a time: small enough that the workers finish together. */
const BATCH = 50;

/**
 * Shares the pages out between worker threads; rejects at the first page that fails. Resolves
 * to how many threads there were and the pages' keys in the cache, if any.
 */
function renderInWorkers(
  bundle: URL,
  job: PublicationPagesJob,
  names: string[],
): Promise<{ threads: number; pages: [string, string, boolean][] }> {
  const count = Math.max(1, Math.min(availableParallelism(), Math.ceil(names.length / BATCH)));
  const workers: Worker[] = [];
  const pages: [string, string, boolean][] = [];
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        const batch = names.slice(next, next + BATCH);
        next += batch.length;
        worker.postMessage(batch.length > 0 ? batch : null);
      };
      worker.on('message', (message: unknown) => {
        const reply = v.parse(workerReplySchema, message);
        if ('error' in reply) reject(new Error(`a publication page failed: ${reply.error}`));
        else {
          pages.push(...reply.pages);
          send();
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`a page worker stopped (exit code ${code})`)),
      );
      send();
    });
  for (let index = 0; index < count; index++) {
    workers.push(new Worker(bundle, { workerData: job }));
  }
  return Promise.all(workers.map(run)).then(
    () => ({ threads: count, pages }),
    async (error: unknown) => {
      await Promise.all(workers.map((worker) => worker.terminate()));
      throw error;
    },
  );
}

/**
 * The start data a publication page is rendered with: without what an added publication may
 * change (the count, the languages by use, the years, the first page of results, the index's
 * files), which no publication page shows (docs/decisions/017-growing-archive.md). Given only this, a page is by construction a
 * function of its publication, the archive's names and the code, so the incremental build can
 * key it by them (scripts/build-cache.ts).
 */
export function pageStart(startJson: string): string {
  const start = v.parse(startSchema, JSON.parse(startJson));
  const empty = { types: [], organizations: [], languages: [] };
  const page: StartData = {
    name: start.name,
    ...(start.names ? { names: start.names } : {}),
    language: start.language,
    types: start.types,
    organizations: start.organizations,
    // Most used first, and the dates' span: a day's publications may change them.
    languages: [],
    years: null,
    publicationCount: 0,
    directory: [],
    fuzzy: '',
    columns: [],
    averageLengths: { title: 0, summary: 0, body: 0 },
    first: { total: 0, offset: 0, hits: [], facets: empty, timeline: { unit: 'year', bins: [] } },
  };
  return JSON.stringify(page);
}

/** Where the pages of earlier builds are, and what every key includes (build-cache.ts). */
export type PageCache = { dir: string; toolchain: string };

/**
 * The publication pages a build wrote: how many, how many were copied from the cache, and each
 * one's key there (by its path in the output), when there is a cache.
 */
export type WrittenPages = { count: number; reused: number; keys: Map<string, string> };

async function writePublicationPages(
  bundle: URL,
  options: {
    outDir: string;
    base: string;
    template: string;
    bootScript: string;
    bodies?: string | undefined;
    pages?: PageCache | undefined;
  },
  startJson: string,
  info: StartInfo,
) {
  const dataDir = path.join(options.outDir, 'data', 'publications');
  let names: string[] = [];
  try {
    names = readdirSync(dataDir).filter((name) => name.endsWith('.json'));
  } catch {
    return undefined;
  }
  if (names.length === 0) return undefined;
  const language = pageLanguage(typeof info.language === 'string' ? info.language : undefined);
  const started = performance.now();
  const job: PublicationPagesJob = {
    kind: 'publication-pages',
    dataDir,
    outDir: options.outDir,
    start: pageStart(startJson),
    // What no publication page has, taken out once rather than in every page.
    template: options.template
      .replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '')
      .replace(/<script type="application\/json"[^>]*>[^<]*<\/script>\s*/, ''),
    bootTag: bootTag(options.base, options.bootScript, 'publication'),
    language,
    corpusLanguage: typeof info.language === 'string' ? info.language : language,
    archiveName: archiveNameIn(info, language),
    base: options.base,
    siteUrl: process.env.SITE_URL || undefined,
    bodies: options.bodies,
  };
  if (options.pages) {
    // Every input of a page but its publication file: the code (the server-side bundle, and
    // what it imports from node_modules through the toolchain's key) and this job's fields but
    // the folders it reads and writes.
    const inputs = { ...job, dataDir: null, outDir: null, bodies: null };
    job.cache = {
      dir: options.pages.dir,
      key: sha256(
        'publication page',
        options.pages.toolchain,
        readFileSync(fileURLToPath(bundle)),
        JSON.stringify(inputs),
      ),
    };
  }
  const { threads, pages } = await renderInWorkers(bundle, job, names);
  const written: WrittenPages = { count: names.length, reused: 0, keys: new Map() };
  for (const [name, key, reused] of pages) {
    written.keys.set(`publications/${name.slice(0, -'.json'.length)}/index.html`, key);
    if (reused) written.reused++;
  }
  if (options.pages) {
    // The cache keeps the pages of this build: what the next one may reuse.
    keepOnly(options.pages.dir, new Set(pages.map(([, key]) => `${key}.html`)));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (names.length >= 5000) {
    const ahead = options.bodies ? readdirSync(options.bodies).length : 0;
    console.log(
      `${names.length} publication pages written in ${seconds} s (${threads} threads; ` +
        `${written.reused} copied from the cache; ` +
        `${ahead} bodies sanitized ahead, during the data build)`,
    );
  }
  return written;
}

export async function prerenderPages(options: {
  root: string;
  outDir: string;
  base: string;
  startJson: string;
  bootScript: string;
  /** Bodies sanitized ahead (`sanitizeAhead`), if any. */
  bodies?: string | undefined;
  /** The pages of earlier builds (scripts/build-cache.ts), if the build keeps them. */
  pages?: PageCache | undefined;
}) {
  const { module, url, dir } = await loadPrerender(options);
  try {
    return await prerenderWith(module, url, options);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function prerenderWith(
  module: PrerenderModule,
  bundle: URL,
  options: Parameters<typeof prerenderPages>[0],
) {
  const start: unknown = JSON.parse(options.startJson);
  const info: StartInfo = typeof start === 'object' && start !== null ? start : {};
  const language = pageLanguage(typeof info.language === 'string' ? info.language : undefined);
  // In every interface language, merged: the reader's shows
  // (docs/decisions/015-pages-in-every-language.md).
  const html = module.renderStartPageHtml(start, language);
  if (typeof html !== 'string') throw new Error('renderStartPageHtml must return HTML');

  const indexFile = path.join(options.outDir, 'index.html');
  const template = readFileSync(indexFile, 'utf8');
  if (!template.includes('<div id="root"></div>')) {
    throw new Error(`${indexFile} has no empty #root`);
  }
  const titles = Object.fromEntries(
    INTERFACE_LANGUAGES.map((other) => [other, archiveNameIn(info, other)]),
  );
  const startTag = bootTagWithTitles(
    bootTag(options.base, options.bootScript, 'start'),
    titles,
    archiveNameIn(info, language),
  );
  const catalog = { en, be, ru }[interfaceLanguageOf(language) ?? 'en'];
  const preview = startHeadTags(
    { archiveName: archiveNameIn(info, language), description: catalog.description },
    { base: options.base, siteUrl: process.env.SITE_URL || undefined },
  );
  writeFileSync(
    indexFile,
    template
      .replace(/<html lang="[^"]*"/, () => htmlStartTag(language))
      .replace(/\s*<meta\s+name="description"[^>]*>/, '')
      .replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '')
      .replace('<div id="root"></div>', () => {
        // After the page, not before: a skip link must be the page's first link (axe, and
        // keyboard readers); boot.css keeps the note in view at the bottom of the screen.
        return `<div id="root">${html}</div>\n    ${noscriptNote(language, options.base)}`;
      })
      .replace('</title>', () => `</title>\n    ${startTag}\n    ${preview}`),
  );
  return writePublicationPages(bundle, { ...options, template }, options.startJson, info);
}
