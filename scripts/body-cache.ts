import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sanitizeBody as sanitizeNow } from '../src/features/publication/sanitize-body.ts';

/**
 * Bodies sanitized ahead (scripts/sanitize-ahead.ts): while the main thread builds the index, the
 * other cores sanitize the bodies of the publication files it writes, each into a file named by a
 * hash of what sanitizeBody was given. In the server-side bundle this module stands in for
 * src/features/publication/sanitize-body.ts (scripts/prerender.ts), so a publication page finds
 * its body there; the same function on the same input, so the same HTML. A body not (yet) there
 * is sanitized as it renders.
 */

let folder: string | undefined;
/** The last body given and its result: a page renders once per interface language. */
let last: { key: string; html: string } | undefined;

/** Where the bodies sanitized ahead are, for this thread's pages. */
export function readBodiesFrom(dir: string | undefined) {
  folder = dir;
  last = undefined;
}

type Options = { sourceUrl?: string | undefined; origin?: string };

function bodyKey(html: string, options: Options): string {
  const origin = options.origin ?? window.location.origin;
  return createHash('sha256')
    .update(JSON.stringify([html, options.sourceUrl ?? null, origin]))
    .digest('hex');
}

/**
 * Sanitizes a body into the folder (scripts/sanitize-ahead.ts). Written whole, then renamed: a
 * thread stopped midway leaves no half body for a page to find.
 */
export function sanitizeInto(dir: string, html: string, options: Options) {
  const file = path.join(dir, bodyKey(html, options));
  writeFileSync(`${file}.part`, sanitizeNow(html, options));
  renameSync(`${file}.part`, file);
}

export function sanitizeBody(html: string, options: Options = {}): string {
  const key = bodyKey(html, options);
  if (last?.key === key) return last.html;
  const clean = sanitizeOrRead(html, options, key);
  last = { key, html: clean };
  return clean;
}

function sanitizeOrRead(html: string, options: Options, key: string): string {
  if (folder !== undefined) {
    try {
      return readFileSync(path.join(folder, key), 'utf8');
    } catch {
      // Not sanitized ahead: now, then.
    }
  }
  return sanitizeNow(html, options);
}
