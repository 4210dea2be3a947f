import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, Rollup, ViteDevServer } from 'vite';
import { formatProblems, readCorpusText } from '../src/corpus/corpus-file.ts';
import { BOOT_SCRIPT, prerenderIndex } from './prerender.ts';
import { atomFeeds } from '../src/corpus/atom-feeds.ts';
import { startData } from '../src/search/core/prepared-core.ts';
import {
  START_DATA_ELEMENT_ID,
  cardFile,
  encodeColumns,
  encodeShard,
  prepareData,
} from '../src/search/index/search-data.ts';

/**
 * Validates the corpus (CORPUS=…, default data/corpus.json) before the dev server or a build
 * starts, and turns it into the static files the app loads (docs/decisions/002-build-time-data.md).
 * An invalid corpus stops both with every problem listed by JSON path.
 */

const DEFAULT_CORPUS = 'data/corpus.json';
const EMBED_SCRIPT = path.resolve('src/embed/embed-script.ts');

/** The files of one corpus build, by path below `data/<version>/`. */
type DataFiles = Map<string, string | Uint8Array>;

/** Prints the report as it is (one problem a line), then fails whatever Vite was starting. */
function corpusError(report: string): Error {
  console.error(`\n${report}\n`);
  const error = new Error('the corpus is invalid: see the problems listed above');
  // A stack trace would only bury the report.
  error.stack = error.message;
  return error;
}

type CorpusOutput = { files: DataFiles; feeds: Map<string, string> };

async function loadDataFiles(
  corpusPath: string,
  displayName: string,
  base: string,
): Promise<CorpusOutput> {
  let text: string;
  try {
    text = readFileSync(corpusPath, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw corpusError(`${displayName}: cannot read the corpus (${reason})`);
  }
  const result = readCorpusText(text);
  if (!result.ok) throw corpusError(formatProblems(displayName, result.problems));
  const data = prepareData(result.corpus);
  const files: DataFiles = new Map();
  files.set('start.json', JSON.stringify(await startData(data)));
  files.set(data.meta.files.columns, encodeColumns(data.columns));
  data.shards.forEach((shard, index) => {
    files.set(data.meta.files.shards[index]?.file ?? `terms-${index}.bin`, encodeShard(shard));
  });
  data.bodyShards.forEach((shard, index) => {
    files.set(data.meta.files.bodyShards[index]?.file ?? `body-${index}.bin`, encodeShard(shard));
  });
  data.cards.forEach((chunk, index) => files.set(cardFile(index), JSON.stringify(chunk)));
  for (const [id, file] of data.publications) {
    files.set(`publications/${id}.json`, JSON.stringify(file));
  }
  // Feeds live at stable addresses (feed readers keep them), outside the hashed data folder.
  const feeds = atomFeeds(result.corpus, { siteUrl: process.env.SITE_URL, base });
  return { files, feeds };
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

/** A short hash of every file, so a changed corpus gets new URLs and caches never go stale. */
function versionOf(files: DataFiles): string {
  const hash = createHash('sha256');
  for (const [name, content] of files) hash.update(name).update('\0').update(content).update('\0');
  return hash.digest('hex').slice(0, 12);
}

function serveDataFiles(server: ViteDevServer, getOutput: () => CorpusOutput | null) {
  const prefix = `${server.config.base}data/dev/`;
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
    const content = getOutput()?.files.get(decodeURIComponent(url.slice(prefix.length)));
    if (content === undefined) {
      response.statusCode = 404;
      response.end('Not found');
      return;
    }
    const binary = typeof content !== 'string';
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

export function corpusPlugin(): Plugin {
  const root = process.cwd();
  const corpusPath = path.resolve(root, process.env.CORPUS ?? DEFAULT_CORPUS);
  const displayName = path.relative(root, corpusPath) || corpusPath;
  let output: CorpusOutput | null = null;
  let version = 'dev';
  let base = '/';
  let command: 'build' | 'serve' = 'serve';
  let outDir: string | null = null;
  let bootScript = '';

  return {
    name: 'statement-explorer:corpus',
    async config(config, env) {
      if (env.isPreview) return;
      base = config.base ?? '/';
      output = await loadDataFiles(corpusPath, displayName, base);
      command = env.command;
      version = env.command === 'serve' ? 'dev' : versionOf(output.files);
      return { define: { __DATA_VERSION__: JSON.stringify(version) } };
    },
    configResolved(config) {
      base = config.base;
    },
    buildStart() {
      if (command !== 'build') return;
      // The embed script for host pages, at a stable address: /embed.js under the base path.
      this.emitFile({ type: 'chunk', id: EMBED_SCRIPT, fileName: 'embed.js' });
    },
    generateBundle() {
      if (command !== 'build') return;
      const reference = this.emitFile({ type: 'asset', name: 'boot.js', source: BOOT_SCRIPT });
      bootScript = this.getFileName(reference);
    },
    // The start data travels inside index.html: the first page renders in one pass, with no
    // request after the scripts (docs/decisions/007-data-at-scale.md). JSON in a non-executable
    // script element, so a Content-Security-Policy without 'unsafe-inline' still allows it.
    transformIndexHtml(html, context) {
      const start = output?.files.get('start.json');
      if (typeof start !== 'string') return html;
      const name = (JSON.parse(start) as { name?: unknown }).name;
      // The app's code is imported once the pre-rendered page is painted (src/main.tsx); fetch
      // it meanwhile, so that waiting for a frame costs no round trip.
      const preloads = appChunks(context.bundle).map((file) => ({
        tag: 'link',
        attrs: { rel: 'modulepreload', crossorigin: '', href: `${base}${file}` },
        injectTo: 'head' as const,
      }));
      return {
        // The archive's name, before any script runs: tabs, bookmarks and search engines see it.
        html: html.replace(
          /<title>[^<]*<\/title>/,
          `<title>${escapeHtml(typeof name === 'string' ? name : 'Statement Explorer')}</title>`,
        ),
        tags: [
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
        loadDataFiles(corpusPath, displayName, base).then(
          (reloaded) => {
            output = reloaded;
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
      const dataDir = path.join(options.dir, 'data', version);
      mkdirSync(path.join(dataDir, 'publications'), { recursive: true });
      for (const [name, content] of output.files) writeFileSync(path.join(dataDir, name), content);
      for (const [name, content] of output.feeds) {
        mkdirSync(path.dirname(path.join(options.dir, name)), { recursive: true });
        writeFileSync(path.join(options.dir, name), content);
      }
    },
    async closeBundle() {
      const startJson = output?.files.get('start.json');
      if (command !== 'build' || !outDir || typeof startJson !== 'string') return;
      await prerenderIndex({ root, outDir, base, version, startJson, bootScript });
    },
  };
}
