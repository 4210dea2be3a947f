import Fuse from 'fuse.js';
import { typoAllowance } from './fuzzy.ts';
import { SIMILARITY } from './ranking.ts';

/**
 * Finds the terms of a sorted vocabulary that a query word may mean: the word itself, words it
 * begins, and words within a typo or two. Fuse.js does the fuzzy part, but only over the few terms
 * that could be within reach: same first letter, length within the typo allowance
 * (docs/decisions/003-search-core.md). A wrong first letter is the one typo it misses, unless it is
 * swapped with the second.
 */

export type TermMatch = {
  /** Index of the term in the vocabulary. */
  term: number;
  /** 1 for the word itself, less for prefixes, less again for typos. */
  similarity: number;
  exact: boolean;
};

/** Short prefixes match many terms; past this many, only the most used ones count. */
const SHORT_PREFIX_LIMIT = 30;
const SHORT_PREFIX_LENGTH = 2;

export class TermMatcher {
  private readonly terms: readonly string[];
  private readonly frequency: (term: number) => number;
  private buckets: Map<string, number[]> | null = null;
  private readonly fuses = new Map<string, Fuse<string>>();

  /** `terms` must be sorted; `frequency` ranks terms when a short prefix matches too many. */
  constructor(terms: readonly string[], frequency: (term: number) => number) {
    this.terms = terms;
    this.frequency = frequency;
  }

  get size(): number {
    return this.terms.length;
  }

  term(index: number): string {
    return this.terms[index] ?? '';
  }

  /** First index whose term is not below `word`. */
  private lowerBound(word: string): number {
    let low = 0;
    let high = this.terms.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.terms[mid] ?? '') < word) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  exact(word: string): number {
    const index = this.lowerBound(word);
    return this.terms[index] === word ? index : -1;
  }

  /** Terms that begin with `word` and are longer than it. */
  private prefixed(word: string): number[] {
    const found: number[] = [];
    for (let i = this.lowerBound(word); i < this.terms.length; i++) {
      const term = this.terms[i] ?? '';
      if (!term.startsWith(word)) break;
      if (term !== word) found.push(i);
    }
    if (word.length <= SHORT_PREFIX_LENGTH && found.length > SHORT_PREFIX_LIMIT) {
      return found
        .sort((a, b) => this.frequency(b) - this.frequency(a))
        .slice(0, SHORT_PREFIX_LIMIT);
    }
    return found;
  }

  private bucketKey(firstLetter: string, length: number): string {
    return `${firstLetter}${length}`;
  }

  private bucket(key: string): number[] {
    if (!this.buckets) {
      this.buckets = new Map();
      this.terms.forEach((term, index) => {
        const key = this.bucketKey(term.charAt(0), term.length);
        const list = this.buckets?.get(key);
        if (list) list.push(index);
        else this.buckets?.set(key, [index]);
      });
    }
    return this.buckets.get(key) ?? [];
  }

  private fuseFor(key: string): Fuse<string> | null {
    const cached = this.fuses.get(key);
    if (cached) return cached;
    const members = this.bucket(key);
    if (members.length === 0) return null;
    const fuse = new Fuse(
      members.map((index) => this.term(index)),
      {
        includeScore: true,
        ignoreLocation: true,
        ignoreFieldNorm: true,
        isCaseSensitive: true,
        shouldSort: false,
        threshold: 0.3,
      },
    );
    this.fuses.set(key, fuse);
    return fuse;
  }

  /** Terms within the typo allowance of `word` that it is not equal to or a prefix of. */
  private fuzzy(word: string): { term: number; typos: number }[] {
    const allowance = typoAllowance(word.length);
    if (allowance === 0) return [];
    const found: { term: number; typos: number }[] = [];
    const first = word.charAt(0);
    for (let length = word.length - allowance; length <= word.length + allowance; length++) {
      const key = this.bucketKey(first, length);
      const fuse = this.fuseFor(key);
      if (!fuse) continue;
      const members = this.bucket(key);
      for (const result of fuse.search(word)) {
        const term = members[result.refIndex];
        if (term === undefined) continue;
        const text = this.term(term);
        if (text === word || text.startsWith(word)) continue;
        // Fuse's score is errors / pattern length; a match inside a longer term counts its extra letters.
        const errors = Math.round((result.score ?? 1) * word.length);
        const typos = Math.max(errors, Math.abs(text.length - word.length));
        if (typos >= 1 && typos <= allowance) found.push({ term, typos });
      }
    }
    // Bitap counts two swapped letters ("trail" for "trial") as two errors; people make it as one.
    const seen = new Set(found.map((match) => match.term));
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
      const term = swapped === word ? -1 : this.exact(swapped);
      if (term >= 0 && !seen.has(term)) {
        seen.add(term);
        found.push({ term, typos: 1 });
      }
    }
    return found;
  }

  /** Every term `word` may mean, with how close each is. */
  match(word: string, options: { prefix: boolean; fuzzy: boolean }): TermMatch[] {
    const matches: TermMatch[] = [];
    const exact = this.exact(word);
    if (exact >= 0) matches.push({ term: exact, similarity: SIMILARITY.exact, exact: true });
    if (options.prefix && word.length >= SHORT_PREFIX_LENGTH) {
      for (const term of this.prefixed(word)) {
        const coverage = word.length / this.term(term).length;
        matches.push({
          term,
          similarity: SIMILARITY.prefix + SIMILARITY.prefixPerLetter * coverage,
          exact: false,
        });
      }
    }
    if (options.fuzzy) {
      for (const { term, typos } of this.fuzzy(word)) {
        matches.push({
          term,
          similarity: SIMILARITY.typo - SIMILARITY.typoStep * typos,
          exact: false,
        });
      }
    }
    return matches;
  }
}
