import * as v from 'valibot';
import { indexFiles } from './files.ts';
import { termHash } from './term-hash.ts';

/**
 * The directory of the term index and of the typo-tolerance vocabulary (docs/index-format.md):
 * which block holds a term, which blocks list the words a prefix begins.
 */

/**
 * The directory: per block, the shortest beginning of its first term that sorts after the block
 * before it, and the block's file, in parts of about DIRECTORY_PART blocks (JSON: small, and gzip
 * does the rest). Each part also lists the block after its last (`keys` and `blocks` one longer
 * than the part), so a prefix whose words begin the next part is found too. The first key of every
 * part and the part's file (the top of the directory) travel in the start data: a lookup reads
 * one part, then one block.
 */
export const directoryPartSchema = v.object({
  version: v.literal(2),
  keys: v.array(v.string()),
  blocks: v.array(v.string()),
});
export type DirectoryPart = v.InferOutput<typeof directoryPartSchema>;
export const DIRECTORY_PART = 64;

/** The top of the directory: per part, its first key and its file. */
export type DirectoryTop = readonly (readonly [string, string])[];

/**
 * Writes the directory's parts, cut where the blocks' keys say (content-defined, as the blocks
 * are: a block added or removed changes its part, not the parts after it); returns the top.
 */
export function writeDirectory(
  keys: readonly string[],
  blocks: readonly string[],
  aim: number,
  write: (name: string, content: string) => string,
): [string, string][] {
  const least = Math.max(1, Math.floor(aim / 2));
  const every = Math.max(2, Math.round(aim / 2));
  const top: [string, string][] = [];
  let first = 0;
  while (first < keys.length) {
    let end = first + 1;
    while (
      end < keys.length &&
      !(end - first >= least && termHash(keys[end - 1] ?? '') % every === 0) &&
      end - first < aim * 2
    ) {
      end++;
    }
    const part: DirectoryPart = {
      version: 2,
      keys: keys.slice(first, end + 1),
      blocks: blocks.slice(first, end + 1),
    };
    top.push([keys[first] ?? '', write(indexFiles.directory, JSON.stringify(part))]);
    first = end;
  }
  return top;
}

/**
 * The vocabulary for typo tolerance, by length then spelling, forwards and backwards: per list
 * and file, [length, the shortest beginning of its first term (or reversed term), the file].
 */
export const fuzzyDirectorySchema = v.object({
  version: v.literal(2),
  forward: v.array(v.tuple([v.number(), v.string(), v.string()])),
  reverse: v.array(v.tuple([v.number(), v.string(), v.string()])),
});
export type FuzzyDirectory = v.InferOutput<typeof fuzzyDirectorySchema>;

/**
 * A file of a fuzzy list: words (as indexed, not reversed) and how many publications hold each,
 * as a level (`countLevel` in fuzzy-lists.ts);
 * `written`, by index, how a word is written where folding changed it (й, ў, ё): what "Did you
 * mean" shows.
 */
export const fuzzyBlockSchema = v.object({
  terms: v.array(v.string()),
  counts: v.array(v.number()),
  written: v.optional(v.record(v.string(), v.string())),
});
export type FuzzyBlock = v.InferOutput<typeof fuzzyBlockSchema>;

/** The shortest beginning of `first` that sorts after `previous` (a block's directory key). */
export function separator(previous: string | undefined, first: string): string {
  if (previous === undefined) return '';
  for (let length = 1; length < first.length; length++) {
    const start = first.slice(0, length);
    if (start > previous) return start;
  }
  return first;
}

/** The block a term's lookup reads: the last whose key is not after it. */
export function blockOf(firstTerms: readonly string[], term: string): number {
  let low = 0;
  let high = firstTerms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((firstTerms[mid] ?? '') <= term) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}

/**
 * The block that lists the words beginning with `prefix`: its own block, unless the next block's
 * key starts with it (then the next block's first term does, and the words, or the prefix entry
 * that lists them, are there).
 */
export function prefixBlock(firstTerms: readonly string[], prefix: string): number {
  const own = blockOf(firstTerms, prefix);
  const next = firstTerms[own + 1];
  return next !== undefined && next.startsWith(prefix) ? own + 1 : own;
}
