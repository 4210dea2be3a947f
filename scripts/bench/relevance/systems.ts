import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { Corpus } from '../../../src/corpus/schema.ts';
import { htmlToText } from '../../../src/search/analysis/html-text.ts';
import { createSearchCore, DEFAULT_REQUEST } from '../../../src/search/core/search-core.ts';
import { buildData, corpusSource, memoryStore } from '../../../src/search/index/build-data.ts';
import { readColumns } from '../../../src/search/index/columns.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.ts';
import { serveFolder } from '../network.ts';
import { buildPagefind, writePagefindSite } from '../pagefind-bench.ts';
import { createBm25 } from './bm25.ts';
import { CUTOFF } from './metrics.ts';

/**
 * The three systems of the judged bench, each answering a list of queries with its top 10
 * publication ids: the app's engine in Node, Pagefind over the same publications as HTML pages
 * (in Chromium, as a reader's browser runs it), and plain BM25.
 */

export type SystemName = 'app' | 'pagefind' | 'bm25';
export const SYSTEMS: readonly SystemName[] = ['app', 'pagefind', 'bm25'];

export type Answer = {
  /** The first 10 publication ids, best first. */
  top: string[];
  /** How many publications the system found in all (Pagefind, the app); BM25: any word matched. */
  total: number;
};

/** The app's engine, built in memory from the corpus as the build would, searched in Node. */
export async function askApp(corpus: Corpus, queries: readonly string[]): Promise<Answer[]> {
  const store = memoryStore();
  const { start } = await buildData(corpusSource(corpus), store);
  const read = (name: string) => store.read(name);
  const core = createSearchCore(start, await readColumns(read, start.columns), { read });
  const answers: Answer[] = [];
  for (const query of queries) {
    const response = await core.search({
      ...DEFAULT_REQUEST,
      query,
      sort: 'relevance',
      limit: CUTOFF,
    });
    answers.push({ top: response.hits.map((hit) => hit.id), total: response.total });
  }
  return answers;
}

/** Title, summary and body as one text (what BM25 indexes and what a judge reads). */
export function plainText(publication: Corpus['publications'][number]): string {
  return [publication.title, publication.summary ?? '', htmlToText(publication.body ?? '')]
    .filter(Boolean)
    .join('\n');
}

export function askBm25(corpus: Corpus, queries: readonly string[]): Answer[] {
  const bm25 = createBm25(corpus.publications.map((p) => ({ id: p.id, text: plainText(p) })));
  return queries.map((query) => {
    const all = bm25.search(query, Number.MAX_SAFE_INTEGER);
    return { top: all.slice(0, CUTOFF), total: all.length };
  });
}

/**
 * Pagefind 1.6 as scripts/bench/pagefind-bench.ts sets it up (one page per publication, one
 * index for every language), queried in Chromium through its own pagefind.js.
 */
export async function askPagefind(
  corpus: Corpus,
  queries: readonly string[],
  workDir: string,
): Promise<Answer[]> {
  mkdirSync(workDir, { recursive: true });
  const corpusFile = path.join(workDir, 'corpus.json');
  writeFileSync(corpusFile, JSON.stringify(corpus));
  const site = path.join(workDir, 'pagefind-site');
  const language = await writePagefindSite(corpusFile, site);
  await buildPagefind(site, language);
  const { server, origin } = await serveFolder(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/bench.html`);
    await page.waitForFunction(() => Reflect.get(window, '__ready') === true);
    const answers: Answer[] = [];
    for (const query of queries) {
      const found = await page.evaluate(
        async ({ q, k }) => {
          const pagefind = (await import(`${location.origin}/pagefind/pagefind.js`)) as {
            search(query: string): Promise<{
              results: { data(): Promise<{ url: string }> }[];
            }>;
          };
          const search = await pagefind.search(q);
          const data = await Promise.all(search.results.slice(0, k).map((r) => r.data()));
          return { urls: data.map((d) => d.url), total: search.results.length };
        },
        { q: query, k: CUTOFF },
      );
      answers.push({
        // Pages are p/<n>/<publication id>.html.
        top: found.urls.map((url) =>
          decodeURIComponent(url.replace(/^.*\//, '').replace(/\.html$/, '')),
        ),
        total: found.total,
      });
    }
    return answers;
  } finally {
    await browser.close();
    server.close();
  }
}
