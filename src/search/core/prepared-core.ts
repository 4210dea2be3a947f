import { DEFAULT_REQUEST, createSearchCore, type SearchCore } from './search-core.ts';
import type { PreparedData, StartData } from '../index/search-data.ts';

/** A search core over data prepared in memory: for the build, the benchmarks and the tests. */
export function coreFromPrepared(data: PreparedData): SearchCore {
  return createSearchCore(data.meta, data.columns, {
    shard: (index) => {
      const shard = data.shards[index];
      if (!shard) throw new Error(`no shard ${index}`);
      return shard;
    },
    bodyShard: (index) => {
      const shard = data.bodyShards[index];
      if (!shard) throw new Error(`no body shard ${index}`);
      return shard;
    },
    cards: (chunk) => {
      const cards = data.cards[chunk];
      if (!cards) throw new Error(`no card chunk ${chunk}`);
      return cards;
    },
    body: (id) => data.publications.get(id)?.publication.body ?? '',
  });
}

/** The start file: the metadata plus the default view, so the first page needs no search code. */
export async function startData(data: PreparedData): Promise<StartData> {
  return { ...data.meta, first: await coreFromPrepared(data).search(DEFAULT_REQUEST) };
}
