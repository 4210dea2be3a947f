import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as v from 'valibot';
import { sanitizeInto } from './body-cache.ts';
import { provideBrowserGlobals } from './ssr-browser.ts';

/**
 * The entry of a small server-side bundle that worker threads run during the data build
 * (scripts/prerender.ts, `sanitizeAhead`): each is sent the paths of publication files as the
 * build writes them and sanitizes their bodies into a folder, where the publication pages find
 * them (scripts/body-cache.ts). Sanitizing on jsdom is most of a page's cost, and the index is
 * built on one core.
 */

export const sanitizeAheadJobSchema = v.object({
  kind: v.literal('sanitize-ahead'),
  /** Where the sanitized bodies go. */
  dir: v.string(),
  siteUrl: v.optional(v.string()),
});
export type SanitizeAheadJob = v.InferOutput<typeof sanitizeAheadJobSchema>;

/** What publication-page.tsx gives PublicationBody: the body and the source URL. */
const fileSchema = v.object({
  publication: v.object({ body: v.optional(v.string()), url: v.optional(v.string()) }),
});

if (!isMainThread && parentPort && v.is(sanitizeAheadJobSchema, workerData)) {
  const { dir, siteUrl } = workerData;
  provideBrowserGlobals(siteUrl);
  parentPort.on('message', (message: unknown) => {
    if (typeof message !== 'string') return;
    let text: string;
    try {
      text = readFileSync(message, 'utf8');
    } catch {
      // Moved into the build's output already: its page will sanitize it.
      return;
    }
    const { publication } = v.parse(fileSchema, JSON.parse(text));
    if (publication.body) sanitizeInto(dir, publication.body, { sourceUrl: publication.url });
  });
}
