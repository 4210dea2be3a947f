import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatProblems, readCorpusText } from '../src/corpus/corpus-file.ts';
import { prepareData } from '../src/corpus/search-data.ts';

/**
 * Validates the corpus (CORPUS=…, default data/corpus.json) before the dev server or a build
 * starts, and turns it into the static files the app loads (docs/decisions/002-build-time-data.md).
 * An invalid corpus stops both with every problem listed by JSON path.
 */

const DEFAULT_CORPUS = 'data/corpus.json';

/** The files of one corpus build, by path below `data/<version>/`. */
type DataFiles = Map<string, string>;

/** Prints the report as it is (one problem a line), then fails whatever Vite was starting. */
function corpusError(report: string): Error {
  console.error(`\n${report}\n`);
  const error = new Error('the corpus is invalid: see the problems listed above');
  // A stack trace would only bury the report.
  error.stack = error.message;
  return error;
}

function loadDataFiles(corpusPath: string, displayName: string): DataFiles {
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
  files.set('meta.json', JSON.stringify(data.meta));
  files.set('search.json', JSON.stringify(data.search));
  for (const [id, file] of data.publications) {
    files.set(`publications/${id}.json`, JSON.stringify(file));
  }
  return files;
}

/** A short hash of every file, so a changed corpus gets new URLs and caches never go stale. */
function versionOf(files: DataFiles): string {
  const hash = createHash('sha256');
  for (const [name, content] of files) hash.update(name).update('\0').update(content).update('\0');
  return hash.digest('hex').slice(0, 12);
}

function serveDataFiles(server: ViteDevServer, getFiles: () => DataFiles | null) {
  const prefix = `${server.config.base}data/dev/`;
  server.middlewares.use((request, response, next) => {
    const url = request.url?.split('?')[0] ?? '';
    if (!url.startsWith(prefix)) return next();
    const content = getFiles()?.get(decodeURIComponent(url.slice(prefix.length)));
    if (content === undefined) {
      response.statusCode = 404;
      response.end('Not found');
      return;
    }
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache');
    response.end(content);
  });
}

export function corpusPlugin(): Plugin {
  const root = process.cwd();
  const corpusPath = path.resolve(root, process.env.CORPUS ?? DEFAULT_CORPUS);
  const displayName = path.relative(root, corpusPath) || corpusPath;
  let files: DataFiles | null = null;
  let version = 'dev';

  return {
    name: 'statement-explorer:corpus',
    config(_config, env) {
      if (env.isPreview) return;
      files = loadDataFiles(corpusPath, displayName);
      version = env.command === 'serve' ? 'dev' : versionOf(files);
      return { define: { __DATA_VERSION__: JSON.stringify(version) } };
    },
    configureServer(server) {
      serveDataFiles(server, () => files);
      server.watcher.add(corpusPath);
      server.watcher.on('change', (changed) => {
        if (path.resolve(changed) !== corpusPath) return;
        try {
          files = loadDataFiles(corpusPath, displayName);
          server.config.logger.info(`${displayName} changed: reloading`, { timestamp: true });
          server.ws.send({ type: 'full-reload' });
        } catch (error) {
          // Keep serving the last valid corpus and say what is wrong with the new one.
          server.config.logger.error(error instanceof Error ? error.message : String(error));
        }
      });
    },
    writeBundle(options) {
      if (!files || !options.dir) return;
      const dataDir = path.join(options.dir, 'data', version);
      mkdirSync(path.join(dataDir, 'publications'), { recursive: true });
      for (const [name, content] of files) writeFileSync(path.join(dataDir, name), content);
    },
  };
}
