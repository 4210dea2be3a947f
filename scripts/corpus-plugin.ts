import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { Plugin, Rollup, ViteDevServer } from 'vite';
import { formatProblems } from '../src/corpus/corpus-file.ts';
import { openCorpus } from '../src/corpus/corpus-reader.ts';
import { BOOT_SCRIPT } from './boot-script.ts';
import {
  buildCacheFolder,
  cacheSlot,
  compareWithLastBuild,
  deflateCache,
  indexCheckpoint,
  outputManifest,
  sha256,
  toolchainKey,
  writeAtomically,
} from './build-cache.ts';
import {
  prerenderPages,
  sanitizeAhead,
  type SanitizeAhead,
  type WrittenPages,
} from './prerender.ts';
import { CONTENT_SECURITY_POLICY, archiveNameIn, pageLanguage } from './publication-pages.ts';
import { atomFeeds } from '../src/corpus/atom-feeds.ts';
import {
  buildData,
  type DataStore,
  type DeflateCache,
  type IndexCheckpoint,
} from '../src/search/index/build-data.ts';
import { START_DATA_ELEMENT_ID } from '../src/search/protocol.ts';

/**
 * Validates the corpus (CORPUS=…, default data/corpus.json) before the dev server or a build
 * starts, and turns it into the static files the app loads (docs/decisions/002-build-time-data.md,
 * docs/index-format.md). An invalid corpus stops both with every problem listed by JSON path.
 * The corpus is read as a stream and the files are written to a staging folder as they are made,
 * so an archive of hundreds of thousands of publications never sits in memory whole.
 */

const DEFAULT_CORPUS = 'data/corpus.json';
const EMBED_SCRIPT = path.resolve('src/embed/embed-script.ts');
const SERVICE_WORKER = path.resolve('src/app/service-worker/service-worker.ts');
/** The string in src/app/service-worker/service-worker.ts that sw.js has the list of files in place of. */
const SW_MANIFEST = /(["'`])__SW_MANIFEST__\1/;
const STAGING_ROOT = path.resolve('node_modules/.cache/statement-explorer-data');

/** Prints the report as it is (one problem a line), then fails whatever Vite was starting. */
function corpusError(report: string): Error {
  console.error(`\n${report}\n`);
  const error = new Error('the corpus is invalid: see the problems listed above');
  // A stack trace would only bury the report.
  error.stack = error.message;
  return error;
}

type CorpusOutput = {
  /** Where the data files are, until the build moves them into place. */
  dir: string;
  startJson: string;
  feeds: Map<string, string>;
  /** Publications whose index the build took from the cache, of `publications`. */
  restored: number;
  publications: number;
};

let stagingCount = 0;

/**
 * Publication files whose pages the last build left in the cache (by a hash of their bytes): the
 * pages of the same files are likely copied, so their bodies need no sanitizing ahead. Only a
 * saving of work: a page not copied after all sanitizes its body as it renders.
 */
type PagesKept = { has(hash: string): boolean; note(hash: string): void; save(): void };

function pagesKept(slot: string): PagesKept {
  const file = path.join(slot, 'pages-made-from.json');
  let previous = new Set<string>();
  try {
    const hashes: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(hashes)) previous = new Set(hashes.map(String));
  } catch {
    previous = new Set();
  }
  const now: string[] = [];
  return {
    has: (hash) => previous.has(hash),
    note: (hash) => now.push(hash),
    save: () => writeAtomically(file, JSON.stringify(now)),
  };
}

/**
 * Writes the data files of a corpus into a fresh staging folder, hashing them as they go, and
 * hands each publication file to `ahead` (the build sanitizes its body meanwhile) unless its page
 * is likely in the cache (`kept`).
 */
async function buildDataFiles(
  corpusPath: string,
  displayName: string,
  base: string,
  log: (message: string) => void,
  ahead?: SanitizeAhead,
  cache?: {
    checkpoint: IndexCheckpoint;
    kept: PagesKept;
    deflated: DeflateCache & { prune(): void };
  },
): Promise<CorpusOutput> {
  let opened;
  try {
    opened = await openCorpus(corpusPath);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw corpusError(`${displayName}: cannot read the corpus (${reason})`);
  }
  if (!opened.ok) throw corpusError(formatProblems(displayName, opened.problems));
  const { corpus, publication, close } = opened.opened;
  const dir = path.join(STAGING_ROOT, `${process.pid}-${Date.now()}-${stagingCount++}`);
  mkdirSync(dir, { recursive: true });
  const made = new Set<string>();
  const store: DataStore = {
    write(name, content) {
      const file = path.join(dir, name);
      const folder = path.dirname(file);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(file, content);
      if (!name.startsWith('publications/')) return;
      const hash = cache ? sha256(content) : '';
      cache?.kept.note(hash);
      if (ahead && !cache?.kept.has(hash)) ahead.add(file);
    },
    read: (name) => readFileSync(path.join(dir, name)),
  };
  const started = performance.now();
  try {
    const { restored } = await buildData({ corpus, publication }, store, {
      checkpoint: cache?.checkpoint,
      deflated: cache?.deflated,
      progress: (done, total) =>
        log(`indexed ${done.toLocaleString('en')} of ${total.toLocaleString('en')} publications`),
    });
    cache?.deflated.prune();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (corpus.publications.length >= 5000) log(`data files written in ${seconds} s`);
    // Feeds live at stable addresses (feed readers keep them), outside the data folder.
    const feeds = atomFeeds(corpus, { siteUrl: process.env.SITE_URL, base });
    return {
      dir,
      startJson: readFileSync(path.join(dir, 'start.json'), 'utf8'),
      feeds,
      restored,
      publications: corpus.publications.length,
    };
  } finally {
    close();
  }
}

/** Staging folders of earlier runs that ended before they could tidy up. */
function removeStaleStaging() {
  let entries: string[] = [];
  try {
    entries = readdirSync(STAGING_ROOT);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = Number(entry.split('-')[0]);
    let alive = false;
    try {
      // Signal 0 only asks whether the process is there.
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) rmSync(path.join(STAGING_ROOT, entry), { recursive: true, force: true });
  }
}

/** Moves the staged files into the build's output (a rename where the disks allow). */
function moveInto(dir: string, target: string) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    renameSync(dir, target);
  } catch {
    cpSync(dir, target, { recursive: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The chunk of src/app/start.tsx and every chunk it imports but the entry, in a build. */
function appChunks(bundle: Rollup.OutputBundle | undefined): string[] {
  if (!bundle) return [];
  const chunks = Object.values(bundle).flatMap((output) =>
    output.type === 'chunk' && !output.isEntry ? [output] : [],
  );
  const entry = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/src/app/start.tsx'));
  const files = new Set<string>();
  const visit = (fileName: string) => {
    if (files.has(fileName) || !chunks.some((chunk) => chunk.fileName === fileName)) return;
    files.add(fileName);
    for (const imported of chunks.find((chunk) => chunk.fileName === fileName)?.imports ?? [])
      visit(imported);
  };
  if (entry) visit(entry.fileName);
  return [...files];
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function serveDataFiles(server: ViteDevServer, getOutput: () => CorpusOutput | null) {
  const prefix = `${server.config.base}data/`;
  const feedPrefix = `${server.config.base}feeds/`;
  server.middlewares.use((request, response, next) => {
    const url = request.url?.split('?')[0] ?? '';
    if (url.startsWith(feedPrefix)) {
      const feed = getOutput()?.feeds.get(
        `feeds/${decodeURIComponent(url.slice(feedPrefix.length))}`,
      );
      if (feed === undefined) return next();
      response.setHeader('Content-Type', 'application/atom+xml; charset=utf-8');
      response.end(feed);
      return;
    }
    if (!url.startsWith(prefix)) return next();
    const output = getOutput();
    const name = decodeURIComponent(url.slice(prefix.length));
    const file = output ? path.resolve(output.dir, name) : '';
    let content: Buffer | undefined;
    try {
      if (output && file.startsWith(`${output.dir}${path.sep}`)) content = readFileSync(file);
    } catch {
      content = undefined;
    }
    if (content === undefined) {
      response.statusCode = 404;
      response.end('Not found');
      return;
    }
    const binary = !name.endsWith('.json');
    response.setHeader(
      'Content-Type',
      binary ? 'application/octet-stream' : 'application/json; charset=utf-8',
    );
    response.setHeader('Cache-Control', 'no-cache');
    response.end(content);
  });
}

/** In development, /embed.js is compiled from its source on each request. */
function serveEmbedScript(server: ViteDevServer) {
  const address = `${server.config.base}embed.js`;
  server.middlewares.use((request, response, next) => {
    if (request.url?.split('?')[0] !== address) return next();
    server.transformRequest(path.relative(server.config.root, EMBED_SCRIPT)).then((result) => {
      response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
      response.end((result?.code ?? '').replace(/^export\s*\{\s*\};?\s*$/m, ''));
    }, next);
  });
}

/**
 * What the incremental build took from the cache, and how many files changed against the last
 * build of the same corpus (what a deploy uploads).
 */
function reportReuse(
  slot: string,
  outDir: string,
  output: CorpusOutput,
  pages: WrittenPages | undefined,
) {
  const number = (value: number) => value.toLocaleString('en');
  const compared = compareWithLastBuild(
    slot,
    outDir,
    outputManifest(outDir, pages?.keys ?? new Map()),
  );
  const reused =
    `the index of ${number(output.restored)} and the pages of ${number(pages?.reused ?? 0)} ` +
    `of ${number(output.publications)} publications`;
  const changes = compared
    ? `${number(compared.changed)} of ${number(compared.files)} files new or changed ` +
      `(${(compared.bytes / 1e6).toFixed(1)} MB), ${number(compared.removed)} gone, against the last build`
    : 'no earlier build to compare with';
  console.log(`build cache: reused ${reused}; ${changes}`);
}

export function corpusPlugin(): Plugin {
  const root = process.cwd();
  const corpusPath = path.resolve(root, process.env.CORPUS ?? DEFAULT_CORPUS);
  const displayName = path.relative(root, corpusPath) || corpusPath;
  let output: CorpusOutput | null = null;
  let base = '/';
  let command: 'build' | 'serve' = 'serve';
  let outDir: string | null = null;
  let bootScript = '';
  let ahead: SanitizeAhead | undefined;
  /** This build's folder in the incremental build's cache (scripts/build-cache.ts), if any. */
  let slot: string | null = null;
  let kept: PagesKept = { has: () => false, note: () => undefined, save: () => undefined };

  return {
    name: 'statement-explorer:corpus',
    async config(config, env) {
      if (env.isPreview) return;
      base = config.base ?? '/';
      removeStaleStaging();
      const cache = env.command === 'build' ? buildCacheFolder(root) : null;
      slot = cache
        ? cacheSlot(cache, { corpus: corpusPath, base, siteUrl: process.env.SITE_URL || undefined })
        : null;
      if (slot) kept = pagesKept(slot);
      if (env.command === 'build') ahead = await sanitizeAhead({ root });
      try {
        output = await buildDataFiles(
          corpusPath,
          displayName,
          base,
          (message) => console.log(`${displayName}: ${message}`),
          ahead,
          slot
            ? {
                checkpoint: indexCheckpoint(root, slot),
                kept,
                deflated: deflateCache(root, slot),
              }
            : undefined,
        );
      } catch (error) {
        await ahead?.close();
        throw error;
      }
      command = env.command;
    },
    configResolved(config) {
      base = config.base;
    },
    buildStart() {
      if (command !== 'build') return;
      // The embed script for host pages, at a stable address: /embed.js under the base path.
      this.emitFile({ type: 'chunk', id: EMBED_SCRIPT, fileName: 'embed.js' });
      // The service worker, at the root of the base path so that its scope is the whole site.
      this.emitFile({ type: 'chunk', id: SERVICE_WORKER, fileName: 'sw.js' });
    },
    generateBundle(_options, bundle) {
      if (command !== 'build') return;
      const reference = this.emitFile({ type: 'asset', name: 'boot.js', source: BOOT_SCRIPT });
      bootScript = this.getFileName(reference);
      const worker = bundle['sw.js'];
      if (worker?.type !== 'chunk' || !SW_MANIFEST.test(worker.code)) {
        this.error('sw.js lacks its manifest placeholder');
      }
      // The shell: the start page, every script and style (the search worker and the publication
      // page included: both are needed offline), the boot script, the icon and the start data.
      const files = [
        ...Object.keys(bundle).filter(
          (name) => name.startsWith('assets/') && !name.endsWith('.map') && name !== bootScript,
        ),
        bootScript,
        'favicon.svg',
        'data/start.json',
      ].sort();
      // Named by what the shell holds (its files' names, each hashed but the start page and the
      // start data, and the start data itself): a build of the same code and corpus writes the
      // same sw.js, and any change makes a new worker, which caches the new shell.
      const shellHash = createHash('sha256')
        .update(files.join('\n'))
        .update('\0')
        .update(readFileSync(path.resolve(root, 'index.html')))
        .update('\0')
        .update(output?.startJson ?? '')
        .digest('hex')
        .slice(0, 16);
      const manifest = {
        shell: `shell-${shellHash}`,
        urls: [base, ...files.map((file) => `${base}${file}`)],
      };
      worker.code = worker.code.replace(SW_MANIFEST, () =>
        JSON.stringify(JSON.stringify(manifest)),
      );
    },
    // The start data travels inside index.html: the first page renders in one pass, with no
    // request after the scripts (docs/decisions/007-data-at-scale.md). JSON in a non-executable
    // script element, so a Content-Security-Policy without 'unsafe-inline' still allows it.
    transformIndexHtml(html, context) {
      const start = output?.startJson;
      if (start === undefined) return html;
      const info = JSON.parse(start) as { name?: unknown; names?: unknown; language?: unknown };
      const name = archiveNameIn(
        info,
        pageLanguage(typeof info.language === 'string' ? info.language : undefined),
      );
      // The app's code is imported once the pre-rendered page is painted (src/main.tsx); fetch
      // it meanwhile, so that waiting for a frame costs no round trip.
      const preloads = appChunks(context.bundle).map((file) => ({
        tag: 'link',
        attrs: { rel: 'modulepreload', crossorigin: '', href: `${base}${file}` },
        injectTo: 'head' as const,
      }));
      // Every page the build writes allows only the site's own scripts and requests
      // (docs/decisions/014-pages-as-files.md); the dev server's inline scripts need no policy.
      const policy =
        command === 'build'
          ? [
              {
                tag: 'meta',
                attrs: {
                  'http-equiv': 'Content-Security-Policy',
                  content: CONTENT_SECURITY_POLICY,
                },
                injectTo: 'head-prepend' as const,
              },
            ]
          : [];
      return {
        // The archive's name, before any script runs: tabs, bookmarks and search engines see it.
        // A function, not a string: "$&", "$'" or "$`" in a name are text, not replacement patterns.
        html: html.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(name)}</title>`),
        tags: [
          ...policy,
          ...preloads,
          {
            tag: 'script',
            attrs: { type: 'application/json', id: START_DATA_ELEMENT_ID },
            // "<" escaped, so no text in the corpus can close the element or open a comment.
            children: start.replace(/</g, '\\u003c'),
            injectTo: 'body-prepend',
          },
        ],
      };
    },
    configureServer(server) {
      serveDataFiles(server, () => output);
      serveEmbedScript(server);
      server.watcher.add(corpusPath);
      server.watcher.on('change', (changed) => {
        if (path.resolve(changed) !== corpusPath) return;
        buildDataFiles(corpusPath, displayName, base, () => undefined).then(
          (reloaded) => {
            const previous = output;
            output = reloaded;
            if (previous) rmSync(previous.dir, { recursive: true, force: true });
            server.config.logger.info(`${displayName} changed: reloading`, { timestamp: true });
            server.ws.send({ type: 'full-reload' });
          },
          (error: unknown) => {
            // Keep serving the last valid corpus and say what is wrong with the new one.
            server.config.logger.error(error instanceof Error ? error.message : String(error));
          },
        );
      });
    },
    writeBundle(options) {
      if (!output || !options.dir) return;
      outDir = options.dir;
      moveInto(output.dir, path.join(options.dir, 'data'));
      for (const [name, content] of output.feeds) {
        mkdirSync(path.dirname(path.join(options.dir, name)), { recursive: true });
        writeFileSync(path.join(options.dir, name), content);
      }
    },
    async closeBundle() {
      const startJson = output?.startJson;
      try {
        if (command !== 'build' || !outDir || startJson === undefined) return;
        // The pages' threads need the cores: what is not sanitized yet, they sanitize.
        await ahead?.stop();
        const pages = await prerenderPages({
          root,
          outDir,
          base,
          startJson,
          bootScript,
          bodies: ahead?.dir,
          pages: slot
            ? { dir: path.join(slot, 'pages'), toolchain: toolchainKey(root) }
            : undefined,
        });
        if (slot && output) {
          kept.save();
          reportReuse(slot, outDir, output, pages);
        }
      } finally {
        await ahead?.close();
      }
    },
  };
}
