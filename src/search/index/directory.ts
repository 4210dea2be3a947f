import * as v from 'valibot';

/**
 * The directory of the term index and of the typo-tolerance vocabulary (docs/index-format.md):
 * which block holds a term, which blocks list the words a prefix begins.
 */

/**
 * The directory: per block, the shortest beginning of its first term that sorts after the block
 * before it, in parts of DIRECTORY_PART blocks (JSON: small, and gzip does the rest). Each part
 * also holds the next part's first key, so the block after its last is known too. The first key
 * of every part (the top of the directory) travels in the start data: a lookup reads one part.
 */
export const directoryPartSchema = v.object({
  version: v.literal(1),
  first: v.number(),
  keys: v.array(v.string()),
});
export type DirectoryPart = v.InferOutput<typeof directoryPartSchema>;
export const DIRECTORY_PART = 64;

/**
 * The vocabulary for typo tolerance, by length then spelling, forwards and backwards: per list
 * and file, [length, the shortest beginning of its first term (or reversed term)].
 */
export const fuzzyDirectorySchema = v.object({
  version: v.literal(1),
  forward: v.array(v.tuple([v.number(), v.string()])),
  reverse: v.array(v.tuple([v.number(), v.string()])),
});
export type FuzzyDirectory = v.InferOutput<typeof fuzzyDirectorySchema>;

/**
 * A file of a fuzzy list: words (as indexed, not reversed) and how many publications hold each;
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
