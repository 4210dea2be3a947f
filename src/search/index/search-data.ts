import * as v from 'valibot';
import { VarintReader, VarintWriter, pack, section, unpack } from './binary-pack.ts';
import { dateKey } from '../../corpus/dates.ts';
import {
  ANY_REFERENCES,
  publicationSchema,
  type Corpus,
  type Publication,
} from '../../corpus/schema.ts';
import { htmlToText } from '../analysis/html-text.ts';
import { words } from '../analysis/text.ts';

/**
 * The files the build makes from a valid corpus (docs/decisions/002-build-time-data.md,
 * docs/decisions/007-data-at-scale.md), each small enough to load only when it is needed:
 *
 * - `start.json`: names, types, organizations, languages, and the first page of results with
 *   its facet counts, so the search page shows results before any search code has run;
 * - `columns.bin`: per publication its type, organizations, language and date, for filtering
 *   and counting in the worker;
 * - `terms-<n>.bin`: the term index in shards by first letter; a query loads only the shards
 *   of its words' first letters;
 * - `body-<n>.bin`: the same for bodies, by first two letters, loaded only for full-text search;
 * - `cards-<n>.json`: what a result shows (id, title, summary, date, source), 100 at a time;
 * - `publications/<id>.json`: everything a publication page shows, body included.
 */

/** Where a term occurs in a publication; bits combine. */
export const FIELD = { title: 1, summary: 2, tags: 4, body: 8 } as const;

/** Positions of words in a publication's text, with gaps so that no phrase spans two fields. */
export const POSITION_BASE = { title: 0, summary: 1_000, tags: 100_000 } as const;
const TAG_STRIDE = 100;

/** The id of the element in index.html that carries start.json's content. */
export const START_DATA_ELEMENT_ID = 'start-data';

/** Publications per card file. */
export const CARD_CHUNK_SIZE = 100;

const searchHitSchema = v.object({
  id: v.string(),
  title: v.string(),
  summary: v.string(),
  date: v.string(),
  type: v.string(),
  organizations: v.array(v.string()),
  language: v.string(),
  /** When the publication matched only in its body: the passage that matched. */
  snippet: v.optional(v.string()),
});
export type SearchHit = v.InferOutput<typeof searchHitSchema>;

/** Matching publications per year, or per month when the period is two years or less. */
const timelineSchema = v.object({
  unit: v.picklist(['year', 'month']),
  /** Every period from the first to the last, empty ones included; `period` is YYYY or YYYY-MM. */
  bins: v.array(v.object({ period: v.string(), count: v.number() })),
});
export type Timeline = v.InferOutput<typeof timelineSchema>;

export const searchResponseSchema = v.object({
  total: v.number(),
  /** Where `hits` start; a page past the end is moved back to the last page. */
  offset: v.number(),
  hits: v.array(searchHitSchema),
  /** Counts aligned with `types`, `organizations` and `languages` of the start file. */
  facets: v.object({
    types: v.array(v.number()),
    organizations: v.array(v.number()),
    languages: v.array(v.number()),
  }),
  /** The indexed words the query matched (typos and other scripts included), for highlighting. */
  terms: v.array(v.string()),
  /**
   * Set when a progressive search could not read the bodies yet: their index is still loading
   * ('pending': ask again) or failed to load ('failed'). Absent when the answer is whole.
   */
  fullText: v.optional(v.picklist(['pending', 'failed'])),
  /** The matches over time: per year over all of them, or per month within the date bounds. */
  timeline: timelineSchema,
});
export type SearchResponse = v.InferOutput<typeof searchResponseSchema>;

/** One publication in an export of a result set. */
export type ExportRow = {
  id: string;
  title: string;
  type: string;
  organizations: string[];
  date: string;
  language: string;
  url: string;
};

// The build validated the corpus; reading its own output again only needs the shape.
const typeShape = v.object({ id: v.string(), label: v.string() });
const organizationShape = v.object({
  id: v.string(),
  name: v.string(),
  aliases: v.optional(v.array(v.string())),
  url: v.optional(v.string()),
});

export const corpusMetaSchema = v.object({
  name: v.string(),
  language: v.string(),
  types: v.array(typeShape),
  organizations: v.array(organizationShape),
  /** Languages of the publications, most used first. */
  languages: v.array(v.string()),
  publicationCount: v.number(),
  /** The first and last year of the publications' dates, or null when there are none. */
  years: v.nullable(v.object({ first: v.number(), last: v.number() })),
  files: v.object({
    columns: v.string(),
    /** Each shard holds the terms whose first letter is one of `keys`. */
    shards: v.array(v.object({ file: v.string(), keys: v.array(v.string()) })),
    /**
     * The same for the words of publication bodies (full text), by their first two letters:
     * bodies hold far more words, and a query should fetch only a small part of them.
     */
    bodyShards: v.array(v.object({ file: v.string(), keys: v.array(v.string()) })),
    cardChunks: v.number(),
  }),
});
export type CorpusMeta = v.InferOutput<typeof corpusMetaSchema>;

export const startSchema = v.object({
  ...corpusMetaSchema.entries,
  /** The default view (no query, no filter, newest first), computed by the build. */
  first: searchResponseSchema,
});
export type StartData = v.InferOutput<typeof startSchema>;

export const cardChunkSchema = v.object({
  ids: v.array(v.string()),
  titles: v.array(v.string()),
  summaries: v.array(v.string()),
  dates: v.array(v.string()),
  /** The source URL, or '' when there is none. */
  urls: v.array(v.string()),
});
export type CardChunk = v.InferOutput<typeof cardChunkSchema>;

export const publicationFileSchema = v.object({
  /** The publication's place in the build's order (what the search worker calls it). */
  doc: v.number(),
  publication: publicationSchema(ANY_REFERENCES),
  /** The publications this one is translated into, with their titles for the links. */
  translations: v.array(v.object({ language: v.string(), id: v.string(), title: v.string() })),
});
export type PublicationFile = v.InferOutput<typeof publicationFileSchema>;

/** Per publication (newest first), what filters and facet counts need. */
export type Columns = {
  count: number;
  types: Uint16Array;
  languages: Uint16Array;
  /** `YYYYMMDD` of the first day of the publication's date. */
  dates: Uint32Array;
  /** Publication `i` has organizations `organizations[organizationStarts[i] … [i + 1])`. */
  organizationStarts: Uint32Array;
  organizations: Uint16Array;
};

/**
 * Terms with the same first letters, sorted. Term `t`'s postings are the bytes
 * `postings[postingStarts[t] … postingStarts[t + 1])`: per publication, as unsigned varints,
 * the publication's distance from the previous one, its FIELD bits, how many positions follow,
 * and the positions' distances from the previous position.
 */
export type Shard = {
  terms: string[];
  /** How many publications contain each term. */
  documentCounts: Uint32Array;
  postingStarts: Uint32Array;
  postings: Uint8Array;
};

export function encodeColumns(columns: Columns): Uint8Array {
  return pack(
    { count: columns.count },
    {
      types: columns.types,
      languages: columns.languages,
      dates: columns.dates,
      organizationStarts: columns.organizationStarts,
      organizations: columns.organizations,
    },
  );
}

export function decodeColumns(buffer: ArrayBuffer): Columns {
  const unpacked = unpack(buffer);
  const meta = v.parse(v.object({ count: v.number() }), unpacked.meta);
  return {
    count: meta.count,
    types: section(unpacked, 'types', 'u16'),
    languages: section(unpacked, 'languages', 'u16'),
    dates: section(unpacked, 'dates', 'u32'),
    organizationStarts: section(unpacked, 'organizationStarts', 'u32'),
    organizations: section(unpacked, 'organizations', 'u16'),
  };
}

export function encodeShard(shard: Shard): Uint8Array {
  return pack(
    { terms: shard.terms },
    {
      documentCounts: shard.documentCounts,
      postingStarts: shard.postingStarts,
      postings: shard.postings,
    },
  );
}

export function decodeShard(buffer: ArrayBuffer): Shard {
  const unpacked = unpack(buffer);
  const meta = v.parse(v.object({ terms: v.array(v.string()) }), unpacked.meta);
  return {
    terms: meta.terms,
    documentCounts: section(unpacked, 'documentCounts', 'u32'),
    postingStarts: section(unpacked, 'postingStarts', 'u32'),
    postings: section(unpacked, 'postings', 'u8'),
  };
}

/**
 * Calls `visit` for each publication containing term `term` of `shard`, with where its positions
 * are in `shard.postings` (read them with `readPositions` only when a phrase needs them).
 */
export function forEachPosting(
  shard: Shard,
  term: number,
  visit: (doc: number, fields: number, positionsStart: number, positionsEnd: number) => void,
) {
  const bytes = shard.postings;
  const end = shard.postingStarts[term + 1] ?? 0;
  let position = shard.postingStarts[term] ?? 0;
  // Inlined varint reads: this loop runs for every posting of every matched term.
  const read = () => {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = bytes[position++] ?? 0;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  };
  let doc = 0;
  while (position < end) {
    doc += read();
    const fields = read();
    const count = read();
    const positionsStart = position;
    for (let i = 0; i < count; i++) {
      while ((bytes[position++] ?? 0) & 0x80);
    }
    visit(doc, fields, positionsStart, position);
  }
}

/** The word positions of one posting, as `forEachPosting` located them. */
export function readPositions(shard: Shard, start: number, end: number): number[] {
  const reader = new VarintReader(shard.postings, start);
  const positions: number[] = [];
  let position = 0;
  while (reader.position < end) {
    position += reader.read();
    positions.push(position);
  }
  return positions;
}

/** The first `length` letters of a term, which decide its shard. */
export function shardKey(term: string, length: number): string {
  let key = '';
  let count = 0;
  for (const char of term) {
    if (count++ === length) break;
    key += char;
  }
  return key;
}

/** Letters a body shard key has: two, so that one query fetches a small part of the bodies. */
const BODY_KEY_LENGTH = 2;
/** Posting bytes a body shard aims at (raw; about 60% of it gzipped). */
const BODY_SHARD_BYTES = 256 * 1024;

function byNewest(a: Publication, b: Publication): number {
  return (
    (dateKey(b.date) ?? 0) - (dateKey(a.date) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function languagesByUse(corpus: Corpus, defaultLanguage: string): string[] {
  const counts = new Map<string, number>();
  for (const publication of corpus.publications) {
    const language = publication.language ?? defaultLanguage;
    counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([language]) => language);
}

function yearRange(publications: readonly Publication[]): CorpusMeta['years'] {
  let range: CorpusMeta['years'] = null;
  for (const publication of publications) {
    const year = Number(publication.date.slice(0, 4));
    range = range
      ? { first: Math.min(range.first, year), last: Math.max(range.last, year) }
      : { first: year, last: year };
  }
  return range;
}

/**
 * A term's postings, encoded as they come: publication by publication, in publication order (the
 * build indexes tens of millions of body words; bytes, not objects, keep that fast).
 */
type TermPostings = { bytes: VarintWriter; docs: number; lastDoc: number };
type TermIndex = Map<string, TermPostings>;
/** One publication's terms while it is being read: its fields and word positions. */
type DocTerms = Map<string, { fields: number; positions: number[] }>;

function note(terms: DocTerms, term: string, field: number, position: number) {
  const occurrences = terms.get(term);
  if (occurrences) {
    occurrences.fields |= field;
    occurrences.positions.push(position);
  } else terms.set(term, { fields: field, positions: [position] });
}

/**
 * Notes every word of `text` at its position, under its folded form and under its Latin
 * spellings when it is Cyrillic, so that a Latin query (or phrase) finds Cyrillic text.
 */
function addText(terms: DocTerms, text: string, field: number, base: number) {
  words(text).forEach((word, position) => {
    note(terms, word.term, field, base + position);
    for (const spelling of word.latin) {
      if (spelling !== word.term) note(terms, spelling, field, base + position);
    }
  });
}

/** Appends a publication's terms to the index: doc delta, fields, count, position deltas. */
function addDoc(index: TermIndex, doc: number, terms: DocTerms) {
  for (const [term, { fields, positions }] of terms) {
    let postings = index.get(term);
    if (!postings)
      index.set(term, (postings = { bytes: new VarintWriter(8), docs: 0, lastDoc: 0 }));
    const { bytes } = postings;
    bytes.write(doc - postings.lastDoc);
    bytes.write(fields);
    bytes.write(positions.length);
    let previous = 0;
    for (const position of positions) {
      bytes.write(position - previous);
      previous = position;
    }
    postings.lastDoc = doc;
    postings.docs += 1;
  }
}

/** Every term's occurrences in titles, summaries and tags, by publication, in publication order. */
function collectTerms(publications: readonly Publication[]): TermIndex {
  const index: TermIndex = new Map();
  publications.forEach((publication, doc) => {
    const terms: DocTerms = new Map();
    addText(terms, publication.title, FIELD.title, POSITION_BASE.title);
    addText(terms, publication.summary ?? '', FIELD.summary, POSITION_BASE.summary);
    (publication.tags ?? []).forEach((tag, tagIndex) => {
      addText(terms, tag, FIELD.tags, POSITION_BASE.tags + tagIndex * TAG_STRIDE);
    });
    addDoc(index, doc, terms);
  });
  return index;
}

/** The same for bodies: a separate index, loaded only when a search reads full text. */
function collectBodyTerms(publications: readonly Publication[]): TermIndex {
  const index: TermIndex = new Map();
  publications.forEach((publication, doc) => {
    if (!publication.body) return;
    const terms: DocTerms = new Map();
    addText(terms, htmlToText(publication.body), FIELD.body, 0);
    addDoc(index, doc, terms);
  });
  return index;
}

function buildShard(terms: string[], byTerm: TermIndex): Shard {
  const postingStarts = new Uint32Array(terms.length + 1);
  const documentCounts = new Uint32Array(terms.length);
  let length = 0;
  terms.forEach((term, index) => {
    postingStarts[index] = length;
    const postings = byTerm.get(term);
    documentCounts[index] = postings?.docs ?? 0;
    length += postings?.bytes.length ?? 0;
  });
  postingStarts[terms.length] = length;
  const postings = new Uint8Array(length);
  terms.forEach((term, index) => {
    const bytes = byTerm.get(term)?.bytes;
    if (bytes) postings.set(bytes.view(), postingStarts[index] ?? 0);
  });
  return { terms, documentCounts, postingStarts, postings };
}

/**
 * Shards by the first letter (or two) of their terms; keys with little in them share a shard with
 * the next ones, so tiny files do not multiply. `size` says how much a list of terms weighs.
 */
function buildShards(
  byTerm: TermIndex,
  keyLength: number,
  minimum: number,
  size: (terms: readonly string[]) => number,
) {
  const termsByKey = new Map<string, string[]>();
  for (const term of [...byTerm.keys()].sort()) {
    const key = shardKey(term, keyLength);
    const list = termsByKey.get(key);
    if (list) list.push(term);
    else termsByKey.set(key, [term]);
  }
  const groups: { keys: string[]; terms: string[] }[] = [];
  let rest: { keys: string[]; terms: string[]; size: number } | null = null;
  for (const [key, terms] of termsByKey) {
    const weight = size(terms);
    if (weight >= minimum) {
      groups.push({ keys: [key], terms });
      continue;
    }
    rest ??= { keys: [], terms: [], size: 0 };
    rest.keys.push(key);
    rest.terms.push(...terms);
    rest.size += weight;
    if (rest.size >= minimum) {
      groups.push(rest);
      rest = null;
    }
  }
  if (rest) groups.push(rest);
  return groups.map((group) => ({
    keys: group.keys,
    // Terms stay sorted within a shard: keys are visited in sorted order.
    shard: buildShard(group.terms, byTerm),
  }));
}

function buildColumns(
  publications: readonly Publication[],
  typeIndex: Map<string, number>,
  organizationIndex: Map<string, number>,
  languageIndex: Map<string, number>,
  defaultLanguage: string,
): Columns {
  const count = publications.length;
  const organizationStarts = new Uint32Array(count + 1);
  const organizations: number[] = [];
  publications.forEach((publication, doc) => {
    organizationStarts[doc] = organizations.length;
    for (const id of publication.organizations) {
      const index = organizationIndex.get(id);
      if (index !== undefined) organizations.push(index);
    }
  });
  organizationStarts[count] = organizations.length;
  return {
    count,
    types: Uint16Array.from(publications, (p) => typeIndex.get(p.type) ?? 0),
    languages: Uint16Array.from(
      publications,
      (p) => languageIndex.get(p.language ?? defaultLanguage) ?? 0,
    ),
    dates: Uint32Array.from(publications, (p) => dateKey(p.date) ?? 0),
    organizationStarts,
    organizations: Uint16Array.from(organizations),
  };
}

function buildCards(publications: readonly Publication[]): CardChunk[] {
  const chunks: CardChunk[] = [];
  for (let start = 0; start < publications.length; start += CARD_CHUNK_SIZE) {
    const slice = publications.slice(start, start + CARD_CHUNK_SIZE);
    chunks.push({
      ids: slice.map((p) => p.id),
      titles: slice.map((p) => p.title),
      summaries: slice.map((p) => p.summary ?? ''),
      dates: slice.map((p) => p.date),
      urls: slice.map((p) => p.url ?? ''),
    });
  }
  return chunks;
}

export type PreparedData = {
  meta: CorpusMeta;
  columns: Columns;
  shards: Shard[];
  bodyShards: Shard[];
  cards: CardChunk[];
  publications: Map<string, PublicationFile>;
};

/** Turns a validated corpus into the data the app loads. Pure, so tests use it as the build does. */
export function prepareData(corpus: Corpus): PreparedData {
  const language = corpus.language ?? 'en';
  const publications = [...corpus.publications].sort(byNewest);
  const languages = languagesByUse(corpus, language);
  const typeIndex = new Map(corpus.types.map((type, index) => [type.id, index]));
  const organizationIndex = new Map(corpus.organizations.map((org, index) => [org.id, index]));
  const languageIndex = new Map(languages.map((tag, index) => [tag, index]));
  const byId = new Map(publications.map((publication) => [publication.id, publication]));

  const terms = collectTerms(publications);
  // The term index by first letter and term count: fuzzy matching needs a letter's whole list.
  const shards = buildShards(terms, 1, Math.max(200, terms.size / 64), (list) => list.length);
  const bodyTerms = collectBodyTerms(publications);
  const bodyShards = buildShards(bodyTerms, BODY_KEY_LENGTH, BODY_SHARD_BYTES, (terms) =>
    terms.reduce((sum, term) => sum + (bodyTerms.get(term)?.bytes.length ?? 0), 0),
  );
  const cards = buildCards(publications);

  const files = new Map<string, PublicationFile>();
  publications.forEach((publication, doc) => {
    const translations = Object.entries(publication.translations ?? {}).flatMap(([lang, id]) => {
      const target = byId.get(id);
      return target ? [{ language: lang, id, title: target.title }] : [];
    });
    files.set(publication.id, {
      doc,
      publication: { ...publication, language: publication.language ?? language },
      translations,
    });
  });

  return {
    meta: {
      name: corpus.name,
      language,
      types: corpus.types.map(({ id, label }) => ({ id, label })),
      organizations: corpus.organizations.map(({ id, name, aliases, url }) => ({
        id,
        name,
        ...(aliases ? { aliases } : {}),
        ...(url ? { url } : {}),
      })),
      languages,
      publicationCount: publications.length,
      years: yearRange(publications),
      files: {
        columns: 'columns.bin',
        shards: shards.map((shard, index) => ({
          file: `terms-${index}.bin`,
          keys: shard.keys,
        })),
        bodyShards: bodyShards.map((shard, index) => ({
          file: `body-${index}.bin`,
          keys: shard.keys,
        })),
        cardChunks: cards.length,
      },
    },
    columns: buildColumns(publications, typeIndex, organizationIndex, languageIndex, language),
    shards: shards.map((entry) => entry.shard),
    bodyShards: bodyShards.map((entry) => entry.shard),
    cards,
    publications: files,
  };
}

/** The name of card file `chunk`. */
export function cardFile(chunk: number): string {
  return `cards-${chunk}.json`;
}
