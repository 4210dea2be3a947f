import { shardLetter, type Shard } from './search-data.ts';
import { TermMatcher, type TermMatch } from './term-matcher.ts';

type LoadedShard = { shard: Shard; terms: TermMatcher };

export type Candidate = TermMatch & { shard: Shard; text: string };

/**
 * An index in shards by first letter, loaded shard by shard as queries need them: the term index
 * of titles, summaries and tags, or that of bodies (docs/decisions/007-data-at-scale.md).
 */
export class ShardSet {
  private readonly byLetter = new Map<string, number>();
  private readonly loaded = new Map<number, LoadedShard>();
  private readonly loading = new Map<number, Promise<LoadedShard>>();

  constructor(
    entries: readonly { letters: string }[],
    private readonly loader: (index: number) => Shard | Promise<Shard>,
  ) {
    entries.forEach((entry, index) => {
      for (const letter of entry.letters) this.byLetter.set(letter, index);
    });
  }

  /** The shards that terms starting with these words' first (or second, for a swap) letters are in. */
  shardsFor(words: readonly string[]): number[] {
    const found = new Set<number>();
    for (const word of words) {
      const chars = [...word];
      for (const letter of [chars[0], chars.length >= 4 ? chars[1] : undefined]) {
        const index = letter === undefined ? undefined : this.byLetter.get(letter);
        if (index !== undefined) found.add(index);
      }
    }
    return [...found];
  }

  async load(indexes: readonly number[]): Promise<void> {
    await Promise.all(indexes.map((index) => this.loadOne(index)));
  }

  private loadOne(index: number): Promise<LoadedShard> | LoadedShard {
    const ready = this.loaded.get(index);
    if (ready) return ready;
    let pending = this.loading.get(index);
    if (!pending) {
      pending = Promise.resolve(this.loader(index)).then(
        (shard) => {
          const entry = {
            shard,
            terms: new TermMatcher(shard.terms, (term) => shard.documentCounts[term] ?? 0),
          };
          this.loaded.set(index, entry);
          this.loading.delete(index);
          return entry;
        },
        (error: unknown) => {
          this.loading.delete(index);
          throw error;
        },
      );
      this.loading.set(index, pending);
    }
    return pending;
  }

  private shardOf(word: string): LoadedShard | undefined {
    const index = this.byLetter.get(shardLetter(word));
    return index === undefined ? undefined : this.loaded.get(index);
  }

  /** Every term `word` may mean in this index (a loaded shard is assumed). */
  match(word: string, options: { prefix: boolean; fuzzy: boolean }): Candidate[] {
    const candidates: Candidate[] = [];
    const own = this.shardOf(word);
    if (own) {
      for (const match of own.terms.match(word, options)) {
        candidates.push({ ...match, shard: own.shard, text: own.terms.term(match.term) });
      }
    }
    // The first two letters swapped ("iBaliatski") live in another shard.
    const chars = [...word];
    if (options.fuzzy && chars.length >= 4 && chars[0] !== chars[1]) {
      const swapped = [chars[1], chars[0], ...chars.slice(2)].join('');
      const other = this.shardOf(swapped);
      const term = other?.terms.exact(swapped) ?? -1;
      if (other && term >= 0) {
        candidates.push({
          term,
          similarity: 0.45,
          exact: false,
          shard: other.shard,
          text: swapped,
        });
      }
    }
    return candidates;
  }

  /** The term `word` itself, if the index has it. */
  exact(word: string): { shard: Shard; term: number } | null {
    const own = this.shardOf(word);
    const term = own?.terms.exact(word) ?? -1;
    return own && term >= 0 ? { shard: own.shard, term } : null;
  }
}
