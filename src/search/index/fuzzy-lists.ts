import { indexFiles, type FileSink } from './files.ts';
import { separator, type FuzzyBlock, type FuzzyDirectory } from './directory.ts';
import { type Entry } from './format.ts';

/**
 * The words by length and spelling, forwards and backwards, for typo tolerance: words as
 * written, not the Latin spellings of Cyrillic ones (a typo is corrected to what is written).
 */
export function writeFuzzyLists(
  wordEntries: readonly Entry[],
  size: number,
  write: FileSink,
  /** How a word is written where folding changed it. */
  writtenOf: (term: string) => string | undefined = () => undefined,
): number {
  const words = wordEntries
    .filter((entry) => /\p{L}/u.test(entry.term))
    .map((entry) => ({
      term: entry.term,
      reversed: [...entry.term].reverse().join(''),
      count: entry.textCount + entry.bodyCount,
    }));
  const directory: FuzzyDirectory = { version: 1, forward: [], reverse: [] };
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
    for (let start = 0, n = 0; start < list.length; start += size, n++) {
      const slice = list.slice(start, start + size);
      const first = slice[0];
      if (!first) break;
      const previous = list[start - 1];
      const sameLength = previous !== undefined && key(previous).length === key(first).length;
      directory[side].push([
        key(first).length,
        sameLength ? separator(key(previous), key(first)) : '',
      ]);
      const content: FuzzyBlock = {
        terms: slice.map((item) => item.term),
        counts: slice.map((item) => item.count),
      };
      const written: Record<string, string> = {};
      slice.forEach((item, index) => {
        const form = writtenOf(item.term);
        if (form !== undefined && form !== item.term) written[index] = form;
      });
      if (Object.keys(written).length > 0) content.written = written;
      write(indexFiles.fuzzy(side, n), JSON.stringify(content));
      files++;
    }
  }
  write(indexFiles.fuzzyDirectory, JSON.stringify(directory));
  return files;
}
