import { indexFiles, type FileSink } from './files.ts';
import { separator, type FuzzyBlock, type FuzzyDirectory } from './directory.ts';
import { type Entry } from './format.ts';
import { termHash } from './term-hash.ts';

/**
 * How many publications hold a word, as the typo lists keep it: a level, 4 a doubling
 * (`floor(4 × log2(count + 1))`). Which of two near spellings is the more used is all typo
 * tolerance asks, and a level stays the same when a publication or two more hold the word: a
 * new publication does not rewrite every list file its words are in.
 */
export function countLevel(count: number): number {
  return Math.floor(4 * Math.log2(count + 1));
}

/** About how many publications a level stands for (the least count at that level). */
export function countOfLevel(level: number): number {
  return Math.max(0, Math.ceil(2 ** (level / 4) - 1));
}

/**
 * The words by length and spelling, forwards and backwards, for typo tolerance: words as
 * written, not the Latin spellings of Cyrillic ones (a typo is corrected to what is written). The
 * lists are cut into files where their words say (content-defined, about `size` words a file, a
 * new length always starting a file): a word added changes its file, not the files after it.
 * Returns the directory's file and how many list files there are.
 */
export function writeFuzzyLists(
  wordEntries: readonly Entry[],
  size: number,
  write: FileSink,
  /** How a word is written where folding changed it. */
  writtenOf: (term: string) => string | undefined = () => undefined,
): { directory: string; files: number } {
  const words = wordEntries
    .filter((entry) => /\p{L}/u.test(entry.term))
    .map((entry) => ({
      term: entry.term,
      reversed: [...entry.term].reverse().join(''),
      count: entry.textCount + entry.bodyCount,
    }));
  const directory: FuzzyDirectory = { version: 2, forward: [], reverse: [] };
  const least = Math.max(1, Math.floor(size / 2));
  const every = Math.max(2, Math.round(size / 2));
  let files = 0;
  for (const side of ['forward', 'reverse'] as const) {
    const key = (item: (typeof words)[number]) => (side === 'forward' ? item.term : item.reversed);
    // By length, then spelling: one string each, sorted natively (a comparator in JS is slow
    // over a million words).
    const order = new Map(
      words.map((item) => [String.fromCharCode(key(item).length) + key(item), item]),
    );
    const list = [...order.keys()]
      .sort()
      .map((sortKey) => order.get(sortKey) as (typeof words)[number]);
    let start = 0;
    while (start < list.length) {
      const first = list[start] as (typeof words)[number];
      const length = key(first).length;
      let end = start + 1;
      while (
        end < list.length &&
        key(list[end] as (typeof words)[number]).length === length &&
        !(
          end - start >= least &&
          termHash(key(list[end - 1] as (typeof words)[number])) % every === 0
        ) &&
        end - start < size * 2
      ) {
        end++;
      }
      const slice = list.slice(start, end);
      const previous = list[start - 1];
      const sameLength = previous !== undefined && key(previous).length === length;
      const content: FuzzyBlock = {
        terms: slice.map((item) => item.term),
        counts: slice.map((item) => countLevel(item.count)),
      };
      const written: Record<string, string> = {};
      slice.forEach((item, index) => {
        const form = writtenOf(item.term);
        if (form !== undefined && form !== item.term) written[index] = form;
      });
      if (Object.keys(written).length > 0) content.written = written;
      const name = write(indexFiles.fuzzy, JSON.stringify(content));
      directory[side].push([length, sameLength ? separator(key(previous), key(first)) : '', name]);
      files++;
      start = end;
    }
  }
  return { directory: write(indexFiles.fuzzyDirectory, JSON.stringify(directory)), files };
}
