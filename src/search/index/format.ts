/**
 * The term index as files (docs/index-format.md): what its entries and their locations are. The
 * vocabulary (words, their stems, name keys, Latin spellings, busy prefixes, glossary concepts) is
 * cut into sorted blocks (block-codec.ts); a small directory names each block's first term
 * (directory.ts), so one download says which block holds a word. A block holds its terms with
 * their counts and postings in titles, summaries and tags (postings-codec.ts); the postings in
 * bodies of the same terms live in the block's companion file, so titles can be searched while
 * bodies are still on their way; lists too long to travel with their block live in its pack
 * files of a fixed size; word positions (for phrases) too. Every file a query fetches stays small
 * whatever the size of the archive, and every file is named by its bytes (files.ts).
 */

/** What an entry of the vocabulary is. */
export const KIND = { word: 0, stem: 1, key: 2, prefix: 3, spelling: 4, concept: 5 } as const;
export type Kind = (typeof KIND)[keyof typeof KIND];

export const FLAG = {
  /** Mostly written with a capital letter: a name. */
  name: 1,
  /** Its own stem, and the only word with that stem: the word's postings are the stem's. */
  ownStem: 2,
} as const;

/** Where a term occurs in titles, summaries and tags (bits of a text posting). */
export const FIELD = { title: 1, summary: 2, tags: 4 } as const;
/** The bit that says "in the body", beside FIELD's, where one number tells both. */
export const IN_BODY = 8;

/** Positions of words in a publication's text, with gaps so that no phrase spans two fields. */
export const POSITION_BASE = { title: 0, summary: 1_000, tags: 100_000 } as const;
export const TAG_STRIDE = 100;

/** Bytes of each pack file: a block's long lists, cut into files of this size. */
export const PACK_FILE_BYTES = 16 * 1024;

/**
 * Where a list of bytes is: in the block itself, or in files (the block's companion, or its pack
 * files): `offset` bytes into the first of `files`, running on into the next ones for `length`.
 */
export type Location =
  | { in: 'block'; bytes: Uint8Array }
  | { in: 'files'; files: readonly string[]; offset: number; length: number };

/** Positions of a word, in chunks: `first` is the index of the first posting a chunk covers. */
export type PositionChunk = { first: number; location: Location };

/** A word (or Latin spelling) a busy prefix may be the beginning of, with its postings. */
export type Completion = {
  term: string;
  kind: typeof KIND.word | typeof KIND.spelling;
  textCount: number;
  bodyCount: number;
  text: Location | null;
  body: Location | null;
};

export type Entry = {
  term: string;
  kind: Kind;
  flags: number;
  /** Publications holding it in a title, summary or tags; in a body. */
  textCount: number;
  bodyCount: number;
  text: Location | null;
  body: Location | null;
  textPositions: PositionChunk[];
  bodyPositions: PositionChunk[];
  /** Prefix entries: the most used words that begin with the prefix. */
  completions: Completion[];
  /** Concept entries: the files of the glossary concepts a term of which begins with this stem. */
  concepts: string[];
};

/** An entry with nothing in it yet: its postings, positions, completions or concepts follow. */
export function emptyEntry(term: string, kind: Kind, flags = 0): Entry {
  return {
    term,
    kind,
    flags,
    textCount: 0,
    bodyCount: 0,
    text: null,
    body: null,
    textPositions: [],
    bodyPositions: [],
    completions: [],
    concepts: [],
  };
}
