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
export type DirectoryPart = { version: 1; first: number; keys: string[] };
export const DIRECTORY_PART = 64;

/** The vocabulary for typo tolerance, by length then spelling, forwards and backwards. */
export type FuzzyDirectory = {
  version: 1;
  /** Per list and block: [length, the shortest beginning of its first term (or reverse)]. */
  forward: [number, string][];
  reverse: [number, string][];
};

/**
 * A block of a fuzzy list: words (as indexed, not reversed) and how many publications hold each;
 * `written`, by index, how a word is written where folding changed it (й, ў, ё): what "Did you
 * mean" shows.
 */
export type FuzzyBlock = { terms: string[]; counts: number[]; written?: Record<string, string> };

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
