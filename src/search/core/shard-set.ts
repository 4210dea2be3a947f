import { shardKey, type Shard } from '../index/search-data.ts';
import { TermMatcher, type TermMatch } from './term-matcher.ts';

type LoadedShard = { shard: Shard; terms: TermMatcher };

export type Candidate = TermMatch & { shard: Shard; text: string };

/**
 * An index in shards by first letter, loaded shard by shard as queries need them: the term index
 * of titles, summaries and tags, or that of bodies (docs/decisions/007-data-at-scale.md).
 */
export class ShardSet {
  private readonly byKey = new Map<string, number>();
  /** How many first letters of a term say which shard it is in. */
  private readonly keyLength: number;
  private readonly loaded = new Map<number, LoadedShard>();
  private readonly loading = new Map<number, Promise<LoadedShard>>();

  constructor(
    entries: readonly { keys: readonly string[] }[],
    private readonly loader: (index: number) => Shard | Promise<Shard>,
  ) {
    entries.forEach((entry, index) => {
      for (const key of entry.keys) this.byKey.set(key, index);
    });
    this.keyLength = Math.max(1, ...[...this.byKey.keys()].map((key) => [...key].length));
  }

  private indexOf(word: string): number | undefined {
    return this.byKey.get(shardKey(word, this.keyLength));
  }

  /** The shards that terms starting like these words (or with their first letters swapped) are in. */
  shardsFor(words: readonly string[]): number[] {
    const found = new Set<number>();
    for (const word of words) {
      for (const variant of [word, swapped(word)]) {
        const index = variant === null ? undefined : this.indexOf(variant);
        if (index !== undefined) found.add(index);
      }
    }
    return [...found];
  }

  /** Whether these shards are all loaded, so a search can use them without waiting. */
  has(indexes: readonly number[]): boolean {
    return indexes.every((index) => this.loaded.has(index));
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
    const index = this.indexOf(word);
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
    const swap = options.fuzzy ? swapped(word) : null;
    if (swap !== null) {
      const other = this.shardOf(swap);
      const term = other?.terms.exact(swap) ?? -1;
      if (other && term >= 0) {
        candidates.push({
          term,
          similarity: 0.45,
          exact: false,
          shard: other.shard,
          text: swap,
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

/** The word with its first two letters swapped, for words long enough to be sure of. */
function swapped(word: string): string | null {
  const chars = [...word];
  if (chars.length < 4 || chars[0] === chars[1]) return null;
  return [chars[1], chars[0], ...chars.slice(2)].join('');
}
