import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openCorpus } from '../../src/corpus/corpus-reader.ts';
import { escapeHtml } from '../generate-corpus.ts';
import { outputFigures, pagefindKinds, timedRun, type OutputFigures } from './build-figures.ts';
import type { Engine, Settled } from './cold-browser.ts';

/**
 * Pagefind (the `pagefind` npm package, pinned in package.json) over the same publications, for
 * the side-by-side figures of docs/benchmarking.md:
 *
 * - every publication becomes one HTML page, `p/<n>/<id>.html`: its title as `<h1>`, its summary,
 *   its body, inside `<main data-pagefind-body>`;
 * - every page declares the same language (the corpus's), and the CLI is told
 *   `--force-language` too, so that ONE index serves every query: by default Pagefind splits its
 *   index by `<html lang>` and a page only searches the index of its own language, so a Russian
 *   word would find nothing from a Belarusian page. One language means Pagefind stems no word
 *   (it has no Belarusian stemmer) — it matches words as typed, and as prefixes;
 * - the CLI (its binary, from the npm package's platform dependency) is timed under GNU time like
 *   the app's build (and stopped, like it, should the machine run short of memory: at 50,000
 *   publications it takes ~16 GB);
 * - `bench.html` imports `/pagefind/pagefind.js`, calls `init()` at load (so that the page is idle
 *   with Pagefind's metadata and WebAssembly loaded, as the app's page is with its worker's
 *   columns), and per question `await pagefind.search(q)` and loads the data of the first 10
 *   results (what a results page shows: title, URL, excerpt).
 */

const BENCH_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Pagefind bench</title></head>
<body>
<p id="state">loading</p>
<script type="module">
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  window.__search = async (query) => {
    const started = performance.now();
    const search = await pagefind.search(query);
    await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
    const ended = performance.now();
    return {
      ms: ended - started,
      start: performance.timeOrigin + started,
      end: performance.timeOrigin + ended,
      total: search.results.length,
      settled: true,
    };
  };
  document.getElementById('state').textContent = 'ready';
  window.__ready = true;
</script>
</body>
</html>
`;

/** The path of publication `index`'s page (in corpus order) under the site: p/<thousands>/<id>.html. */
export const pagePath = (index: number, id: string) =>
  path.join('p', String(Math.floor(index / 1000)), `${id}.html`);

export function page(language: string, title: string, summary: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main data-pagefind-body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(summary)}</p>${body}</main></body>
</html>
`;
}

/** The bench's page, and what the static server answers for any other path (/favicon.ico). */
export function writeSmallPages(site: string) {
  writeFileSync(path.join(site, 'bench.html'), BENCH_PAGE);
  writeFileSync(
    path.join(site, 'index.html'),
    '<!doctype html>\n<html lang="en"><head><title>Pages</title></head><body></body></html>\n',
  );
}

/**
 * Writes the corpus as one HTML page per publication under `site`, unless the pages of this very
 * corpus file are there already (the file's size and time are recorded). Returns the language.
 */
export async function writePagefindSite(corpusFile: string, site: string): Promise<string> {
  const source = statSync(corpusFile);
  const stamp = { corpusFile, size: source.size, mtime: source.mtimeMs };
  const marker = path.join(site, '.written-from.json');
  if (existsSync(marker)) {
    const written = JSON.parse(readFileSync(marker, 'utf8')) as typeof stamp & { language: string };
    const same = (Object.keys(stamp) as (keyof typeof stamp)[]).every(
      (key) => written[key] === stamp[key],
    );
    if (same) {
      writeSmallPages(site);
      return written.language;
    }
  }
  const opened = await openCorpus(corpusFile);
  if (!opened.ok) throw new Error(`${corpusFile} is not a valid corpus`);
  const { corpus } = opened.opened;
  const language = corpus.language ?? 'en';
  try {
    rmSync(site, { recursive: true, force: true });
    corpus.publications.forEach((_, index) => {
      const publication = opened.opened.publication(index);
      const file = path.join(site, pagePath(index, publication.id));
      if (index % 1000 === 0) mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(
        file,
        page(language, publication.title, publication.summary ?? '', publication.body ?? ''),
      );
    });
    writeSmallPages(site);
    writeFileSync(marker, JSON.stringify({ ...stamp, language }));
    return language;
  } finally {
    opened.opened.close();
  }
}

export type PagefindBuild = {
  seconds: number;
  peakBytes: number;
  output: OutputFigures;
};

/** The CLI's own binary (what `npx pagefind` runs through a small Node wrapper). */
function pagefindBinary(): string {
  const binary = path.join(
    'node_modules',
    '@pagefind',
    `${process.platform}-${process.arch}`,
    'bin',
    'pagefind_extended',
  );
  if (!existsSync(binary)) throw new Error(`no Pagefind binary at ${binary}: npm install`);
  return binary;
}

/** Runs the pagefind CLI over the site (its old bundle removed first), timed. */
export async function buildPagefind(site: string, language: string): Promise<PagefindBuild> {
  rmSync(path.join(site, 'pagefind'), { recursive: true, force: true });
  const run = await timedRun(pagefindBinary(), [
    '--site',
    site,
    '--force-language',
    language,
    '--quiet',
  ]);
  return {
    seconds: run.seconds,
    peakBytes: run.peakBytes,
    output: outputFigures(path.join(site, 'pagefind'), pagefindKinds),
  };
}

export const pagefindEngine: Engine = {
  path: '/bench.html',
  async ready(page: Page) {
    await page.waitForFunction(() => Reflect.get(window, '__ready') === true, null, {
      timeout: 60_000,
    });
  },
  async ask(page: Page, query: string): Promise<Settled> {
    return (await page.evaluate(
      (q) => (Reflect.get(window, '__search') as (query: string) => Promise<unknown>)(q),
      query,
    )) as Settled;
  },
};
