import type { PackKind } from './format.ts';

/** Where the build hands each file it makes. */
export type FileSink = (name: string, content: Uint8Array | string) => void;

/**
 * The names of the data files the build writes under `data/<version>/` (docs/index-format.md),
 * in one place: the build writes them, the worker and the tests read them by these names.
 */

const PACK_PREFIX: Record<PackKind, string> = { 0: 'tp', 1: 'bp', 2: 'xp' };

export const indexFiles = {
  /** The directory of the term index in parts: blocks 64 × part … (the top is in start.json). */
  directory: (part: number) => `index/dir${part}.json`,
  block: (block: number) => `index/d${block}.bin`,
  companion: (block: number) => `index/b${block}.bin`,
  pack: (kind: PackKind, file: number) => `index/${PACK_PREFIX[kind]}${file}.bin`,
  fuzzyDirectory: 'index/fuzzy.json',
  fuzzy: (side: 'forward' | 'reverse', block: number) =>
    `index/${side === 'forward' ? 'ff' : 'fr'}${block}.json`,
  /** A glossary concept, its terms and their publications (read when a query names it). */
  concept: (concept: number) => `glossary/c${concept}.bin`,
};

export const dataFiles = {
  start: 'start.json',
  /** Types, organizations, languages and dates, COLUMNS_CHUNK publications a file. */
  columns: (chunk: number) => `columns/${chunk}.bin`,
  /** What one result shows: one small file a publication. */
  card: (doc: number) => `cards/${doc}.json`,
  /** What an export lists, for many publications at once. */
  catalog: (chunk: number) => `catalog/${chunk}.json`,
  /** A publication's page, body included (the id is URL-encoded where it is fetched). */
  publication: (id: string) => `publications/${id}.json`,
};
