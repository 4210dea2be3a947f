import { copyFileSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as v from 'valibot';
import { renderPublicationPage, renderStartPage } from '../src/app/prerender.tsx';
import { publicationFileSchema } from '../src/search/index/data-schemas.ts';
import { startSchema } from '../src/search/protocol.ts';
import { readBodiesFrom } from './body-cache.ts';
import { cachedPage, sha256, writeAtomically } from './build-cache.ts';
import type { WorkerReply } from './prerender.ts';
import { INTERFACE_LANGUAGES } from '../src/i18n/languages.ts';
import { mergeLanguageVariants } from './language-variants.ts';
import {
  archiveNameIn,
  bootTagWithTitles,
  publicationHeadTags,
  publicationPageHtml,
} from './publication-pages.ts';
import { provideBrowserGlobals } from './ssr-browser.ts';

/** The start page in every interface language, merged (scripts/language-variants.ts). */
export function renderStartPageHtml(start: unknown, language: string): string {
  return mergeLanguageVariants(renderStartPage(v.parse(startSchema, start)), language);
}

/**
 * The entry of the build's server-side bundle (scripts/prerender.ts): the app's page renderers,
 * and what each worker thread that writes publication pages runs. The main thread renders the
 * start page; publication pages are shared out between workers in batches of file names, because
 * sanitizing bodies on jsdom costs milliseconds a page (docs/decisions/014-pages-as-files.md).
 */

export const publicationPagesJobSchema = v.object({
  kind: v.literal('publication-pages'),
  /** dist/data/publications, where the publication files are. */
  dataDir: v.string(),
  outDir: v.string(),
  /** start.json's text, without what changes with every publication added (`pageStart`). */
  start: v.string(),
  /** The built index.html, without what no publication page has. */
  template: v.string(),
  bootTag: v.string(),
  /** The page's interface language, the corpus language, the archive's name. */
  language: v.string(),
  corpusLanguage: v.string(),
  archiveName: v.string(),
  base: v.string(),
  siteUrl: v.optional(v.string()),
  /** Where bodies sanitized ahead are (scripts/sanitize-ahead.ts), if anywhere. */
  bodies: v.optional(v.string()),
  /**
   * The incremental build's pages (scripts/build-cache.ts): a page is kept under a hash of `key`
   * (every input of this job but the publication, the code included) and its publication file.
   */
  cache: v.optional(v.object({ dir: v.string(), key: v.string() })),
});
export type PublicationPagesJob = v.InferOutput<typeof publicationPagesJobSchema>;

/** main → worker: the file names of a batch, or null when there are no more. */
const batchSchema = v.nullable(v.array(v.string()));

/**
 * Writes a publication's page, or copies it from the cache; returns its key there and whether it
 * was copied, when there is a cache.
 */
async function writePage(
  job: PublicationPagesJob,
  start: v.InferOutput<typeof startSchema>,
  name: string,
): Promise<{ key: string; reused: boolean } | null> {
  const bytes = readFileSync(path.join(job.dataDir, name));
  // The file is named by its publication's id (dataFiles.publication).
  const folder = path.join(job.outDir, 'publications', name.slice(0, -'.json'.length));
  const target = path.join(folder, 'index.html');
  const key = job.cache ? sha256(job.cache.key, bytes) : null;
  mkdirSync(folder, { recursive: true });
  if (job.cache && key) {
    try {
      // A copy (a clone where the file system has them), never a link: the output is not the cache.
      copyFileSync(cachedPage(job.cache.dir, key), target, constants.COPYFILE_FICLONE);
      return { key, reused: true };
    } catch {
      // Not made by an earlier build: made now.
    }
  }
  const file = v.parse(publicationFileSchema, JSON.parse(bytes.toString('utf8')));
  const { publication } = file;
  const root = mergeLanguageVariants(await renderPublicationPage(start, file), job.language);
  const title = `${publication.title} — ${job.archiveName}`;
  const titles = Object.fromEntries(
    INTERFACE_LANGUAGES.map((language) => [
      language,
      `${publication.title} — ${archiveNameIn(start, language)}`,
    ]),
  );
  const html = publicationPageHtml(job.template, {
    language: job.language,
    title,
    headTags: publicationHeadTags(
      {
        id: publication.id,
        title: publication.title,
        summary: publication.summary,
        date: publication.date,
        language: publication.language ?? job.corpusLanguage,
        archiveName: job.archiveName,
        translations: file.translations,
      },
      { base: job.base, siteUrl: job.siteUrl },
    ),
    root,
    bootTag: bootTagWithTitles(job.bootTag, titles, title),
  });
  writeFileSync(target, html);
  if (!job.cache || !key) return null;
  writeAtomically(cachedPage(job.cache.dir, key), html);
  return { key, reused: false };
}

function runWorker(port: NonNullable<typeof parentPort>, job: PublicationPagesJob) {
  provideBrowserGlobals(job.siteUrl);
  readBodiesFrom(job.bodies);
  const start = v.parse(startSchema, JSON.parse(job.start));
  port.on('message', (message: unknown) => {
    const names = v.parse(batchSchema, message);
    if (names === null) {
      port.close();
      return;
    }
    (async () => {
      const pages: [string, string, boolean][] = [];
      for (const name of names) {
        const page = await writePage(job, start, name);
        if (page) pages.push([name, page.key, page.reused]);
      }
      return pages;
    })().then(
      (pages) => port.postMessage({ written: names.length, pages } satisfies WorkerReply),
      (error: unknown) =>
        port.postMessage({
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies WorkerReply),
    );
  });
}

if (!isMainThread && parentPort && v.is(publicationPagesJobSchema, workerData)) {
  runWorker(parentPort, workerData);
}
