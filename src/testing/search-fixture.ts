import type { Corpus } from '../corpus/schema.ts';
import type { DataSource } from '../search/core/data-source.ts';
import { createSearchCore, type SearchCore } from '../search/core/search-core.ts';
import { buildData, corpusSource, memoryStore } from '../search/index/build-data.ts';
import type { IndexOptions } from '../search/index/build-index.ts';
import { readColumns, type Columns } from '../search/index/columns.ts';
import type { StartData } from '../search/protocol.ts';

/**
 * The index cut into tiny pieces: blocks of a few terms, postings in packs and companions,
 * positions in many chunks, fuzzy blocks of a few words. A small test corpus then takes every
 * path a large archive takes (several blocks, busy prefixes, lists that cross pack files).
 */
export const TINY_INDEX: Partial<IndexOptions> = {
  blockBytes: 200,
  companionBytes: 160,
  inlineTextBytes: 4,
  companionListBytes: 12,
  positionChunkBytes: 12,
  packFileBytes: 64,
  fuzzyBlockTerms: 6,
  directoryPart: 4,
};

export type SearchFixture = {
  core: SearchCore;
  start: StartData;
  columns: Columns;
  files: Map<string, Uint8Array>;
  /** A core over the same files read through another source (to delay or fail reads). */
  coreOver(source: (read: DataSource['read']) => DataSource): SearchCore;
};

/** Builds a corpus's data in memory, as the build would write it, and a core that reads it. */
export async function searchFixture(
  corpus: Corpus,
  index: Partial<IndexOptions> = TINY_INDEX,
): Promise<SearchFixture> {
  const store = memoryStore();
  const { start } = await buildData(corpusSource(corpus), store, { index });
  const columns = await readColumns((name) => store.read(name), start.columns);
  const read: DataSource['read'] = (name) => store.read(name);
  return {
    core: createSearchCore(start, columns, { read }),
    start,
    columns,
    files: store.files,
    coreOver: (wrap) => createSearchCore(start, columns, wrap(read)),
  };
}
