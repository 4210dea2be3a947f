/**
 * The names of the data files the build writes under `data/` (docs/index-format.md), in one
 * place. Every file but the start data and a publication's own is named by its content: the
 * build writes `NAME.{hash}.EXT`, `{hash}` replaced by a hash of the bytes, and hands the name
 * written to whatever refers to the file (a block to its companion, the start data to the
 * directory). A file whose bytes did not change keeps its name from one build to the next, so a
 * deploy uploads, and a reader's cache drops, only what changed
 * (docs/decisions/017-growing-archive.md).
 */

/** Where the build hands each file it makes; it returns the name the file was written under. */
export type FileSink = (name: string, content: Uint8Array | string) => string;

/** The part of a name the build replaces with a hash of the file's bytes. */
export const HASH = '{hash}';

export const indexFiles = {
  /** A part of the directory of the term index (its top is in the start data). */
  directory: `index/dir.${HASH}.json`,
  block: `index/d.${HASH}.bin`,
  /** A block's body postings. */
  companion: `index/b.${HASH}.bin`,
  /** A block's long lists: text postings, body postings, positions. */
  textPack: `index/tp.${HASH}.bin`,
  bodyPack: `index/bp.${HASH}.bin`,
  positionPack: `index/xp.${HASH}.bin`,
  fuzzyDirectory: `index/fuzzy.${HASH}.json`,
  /** A file of the typo-tolerance vocabulary, forwards or backwards. */
  fuzzy: `index/f.${HASH}.json`,
  /** A glossary concept, its terms and their publications (read when a query names it). */
  concept: `glossary/c.${HASH}.bin`,
};

export const dataFiles = {
  /** The start data: the archive's metadata, the names of the files above, the first page. */
  start: 'start.json',
  /** Types, organizations, languages, dates and lengths of COLUMNS_CHUNK publications. */
  columns: `columns/${HASH}.bin`,
  /**
   * What results show: a folder of CARD_PACK consecutive publications, named by their cards'
   * bytes, and in it one small file a publication (`card`), so that a result costs its own card.
   */
  cards: `cards/${HASH}`,
  card: (folder: string, index: number) => `${folder}/${index}.json`,
  /** What an export lists: CATALOG_SIZE publications a file. */
  catalog: `catalog/${HASH}.json`,
  /** A publication's page, body included (the id is URL-encoded where it is fetched). */
  publication: (id: string) => `publications/${id}.json`,
};
