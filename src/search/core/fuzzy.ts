/**
 * Typo tolerance over a vocabulary kept in files (docs/decisions/011-search-index.md). A word
 * within `allowance` edits of the typed one shares a long piece with it: cut the typed word in
 * two around its middle letter; one edit (a letter wrong, missing, extra, or two swapped) leaves
 * the first part intact or the last part intact. So the candidates are the words of a nearby
 * length that begin with the first part or end with the last part: two small ranges of the
 * vocabulary sorted by length and spelling, forwards and backwards, whatever its size. With two
 * edits the same holds when both fall in one half (two edits split between the halves are missed).
 */

/** Typos allowed for a word of this length, as typo-tolerant search engines usually do. */
export function typoAllowance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

export type FuzzyPlan = {
  allowance: number;
  /** Word lengths to look at. */
  lengths: number[];
  /** Candidates begin with this… */
  prefix: string;
  /** …or end with this. */
  suffix: string;
};

export function fuzzyPlan(word: string): FuzzyPlan | null {
  const allowance = typoAllowance(word.length);
  if (allowance === 0) return null;
  // One letter in the middle belongs to neither part, so a swap across the cut is still one edit
  // outside one of them.
  const cut = Math.floor((word.length - 1) / 2);
  const lengths: number[] = [];
  for (let length = word.length - allowance; length <= word.length + allowance; length++) {
    if (length >= 2) lengths.push(length);
  }
  return { allowance, lengths, prefix: word.slice(0, cut), suffix: word.slice(cut + 1) };
}

/**
 * Edits from `a` to `b` (letters replaced, inserted, deleted, or two neighbours swapped), or
 * `max + 1` as soon as it is clear there are more than `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1);
}

export type FuzzyCandidate = {
  term: string;
  edits: number;
  count: number;
  /** How the word is written, where folding changed it. */
  written?: string;
};

/**
 * The words the typed one most likely means: only those with the fewest edits (one typo beats
 * two), the most used first, at most `limit`.
 */
export function bestCandidates(
  word: string,
  allowance: number,
  terms: Iterable<{ term: string; count: number; written?: string | undefined }>,
  limit: number,
): FuzzyCandidate[] {
  const found = new Map<string, FuzzyCandidate>();
  for (const { term, count, written } of terms) {
    if (term === word || found.has(term)) continue;
    const edits = editDistance(word, term, allowance);
    if (edits <= allowance) {
      found.set(
        term,
        written === undefined ? { term, edits, count } : { term, edits, count, written },
      );
    }
  }
  const all = [...found.values()];
  const fewest = Math.min(...all.map((candidate) => candidate.edits));
  return all
    .filter((candidate) => candidate.edits === fewest)
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1))
    .slice(0, limit);
}
