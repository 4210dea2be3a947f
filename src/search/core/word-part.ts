import type { Word } from '../analysis/text.ts';
import type { Location } from '../index/format.ts';
import type { DecodedPostings } from '../index/postings-codec.ts';
import type { FieldNorms } from './ranking.ts';
import type { IndexReader } from './index-reader.ts';
import type { Columns } from '../index/columns.ts';
import type { Organizations } from './organizations.ts';
import type { WordMatches } from './word-matches.ts';

/** What matching a query reads: the index, the organizations, the columns, the field norms. */
export type MatchContext = {
  count: number;
  reader: IndexReader;
  organizations: Organizations;
  columns: Columns;
  norms: () => FieldNorms;
};

/** Publications a glossary term of the word's concept finds (another language, a synonym). */
export type GlossaryCandidate = {
  term: string;
  language: string;
  /** How closely it says what was typed (SIMILARITY.glossary, or …Same in the query's language). */
  similarity: number;
  docs: Uint32Array;
  /** Per publication: FIELD bits, and IN_BODY. */
  fields: Uint8Array;
};

/** A loose word of a query: what it may mean. */
export type WordPart = {
  word: Word;
  /** A stop word: it adds to the score where it stands, but is not asked for. */
  optional: boolean;
  matches: WordMatches;
  /** A year (1900–2099): publications dated in it match too. */
  year: number | null;
  /** Other terms of a glossary concept the query names with this word (and its neighbours). */
  glossary: GlossaryCandidate[];
};

/** How a publication was found through the glossary only: the term that found it. */
export type Via = { term: string; language: string };

/** The decoded postings of every candidate, by location. */
export type Postings = Map<Location, DecodedPostings>;
