import { VarintReader, VarintWriter } from './varint.ts';

/**
 * The term index as files (docs/index-format.md). The vocabulary (words, their stems, name keys,
 * and completions of busy prefixes) is cut into sorted blocks; a small directory names each
 * block's first term, so one download says which block holds a word. A block holds its terms with
 * their counts and postings in titles, summaries and tags; the postings in bodies of the same terms
 * live in the block's companion file, so titles can be searched while bodies are still on their
 * way; lists too long to travel with their block live in fixed-size pack files; word positions
 * (for phrases) too. Every file a query fetches stays small whatever the size of the archive.
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

/** The pack streams: long lists of text postings, of body postings, and word positions. */
export const PACK = { text: 0, body: 1, positions: 2 } as const;
export type PackKind = (typeof PACK)[keyof typeof PACK];

/** Bytes of each file of a pack stream (the last one may be shorter). */
export const PACK_FILE_BYTES: Record<PackKind, number> = {
  0: 16 * 1024,
  1: 16 * 1024,
  2: 16 * 1024,
};

/**
 * Where a list of bytes is: in the block itself, in the block's companion (bodies), or in a pack
 * stream (`offset` counts from the stream's start: file `offset / PACK_FILE_BYTES`).
 */
export type Location =
  | { in: 'block'; bytes: Uint8Array }
  | { in: 'companion'; block: number; offset: number; length: number }
  | { in: 'pack'; pack: PackKind; offset: number; length: number };

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
  /** Concept entries: the glossary concepts a term begins with this stem (`glossaryFiles`). */
  concepts: number[];
};

const BLOCK_VERSION = 1;
const LOCATION_TAG = { none: 0, block: 1, companion: 2, pack: 3 } as const;

function writeLocation(out: VarintWriter, location: Location | null, block: number) {
  if (!location) {
    out.write(LOCATION_TAG.none);
  } else if (location.in === 'block') {
    out.write(LOCATION_TAG.block);
    out.write(location.bytes.length);
    out.writeBytes(location.bytes);
  } else if (location.in === 'companion') {
    out.write(LOCATION_TAG.companion);
    // Usually the block's own companion; a completion's may be a neighbour's (zigzag: ±).
    const delta = location.block - block;
    out.write(delta >= 0 ? delta * 2 : -delta * 2 - 1);
    out.write(location.offset);
    out.write(location.length);
  } else {
    out.write(LOCATION_TAG.pack);
    out.write(location.pack);
    out.write(location.offset);
    out.write(location.length);
  }
}

function readLocation(reader: VarintReader, block: number): Location | null {
  const tag = reader.read();
  if (tag === LOCATION_TAG.none) return null;
  if (tag === LOCATION_TAG.block) {
    return { in: 'block', bytes: reader.readBytes(reader.read()) };
  }
  if (tag === LOCATION_TAG.companion) {
    const zigzag = reader.read();
    const delta = zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    return { in: 'companion', block: block + delta, offset: reader.read(), length: reader.read() };
  }
  if (tag === LOCATION_TAG.pack) {
    const pack = reader.read();
    if (pack !== PACK.text && pack !== PACK.body && pack !== PACK.positions) {
      throw new Error(`unknown pack ${pack}`);
    }
    return { in: 'pack', pack, offset: reader.read(), length: reader.read() };
  }
  throw new Error(`unknown location tag ${tag}`);
}

function writeChunks(out: VarintWriter, chunks: readonly PositionChunk[], block: number) {
  out.write(chunks.length);
  for (const chunk of chunks) {
    out.write(chunk.first);
    writeLocation(out, chunk.location, block);
  }
}

function readChunks(reader: VarintReader, block: number): PositionChunk[] {
  const count = reader.read();
  const chunks: PositionChunk[] = [];
  for (let i = 0; i < count; i++) {
    const first = reader.read();
    const location = readLocation(reader, block);
    if (location) chunks.push({ first, location });
  }
  return chunks;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A block: its terms (UTF-8, one a line: gzip finds what neighbours share), then per entry its
 * kind, flags, counts and locations, as varints.
 */
export function encodeBlock(entries: readonly Entry[], block: number): Uint8Array {
  const strings: string[] = [];
  for (const entry of entries) {
    strings.push(entry.term);
    for (const completion of entry.completions) strings.push(completion.term);
  }
  const text = encoder.encode(strings.join('\n'));
  const out = new VarintWriter(text.length + entries.length * 8 + 16);
  out.write(BLOCK_VERSION);
  out.write(entries.length);
  out.write(text.length);
  out.writeBytes(text);
  for (const entry of entries) {
    out.write(entry.kind | (entry.flags << 3));
    out.write(entry.textCount);
    out.write(entry.bodyCount);
    writeLocation(out, entry.text, block);
    writeLocation(out, entry.body, block);
    if (entry.kind === KIND.word || entry.kind === KIND.spelling) {
      writeChunks(out, entry.textPositions, block);
      writeChunks(out, entry.bodyPositions, block);
    }
    if (entry.kind === KIND.concept) {
      out.write(entry.concepts.length);
      let previous = -1;
      for (const concept of entry.concepts) {
        out.write(concept - previous - 1);
        previous = concept;
      }
    }
    if (entry.kind === KIND.prefix) {
      out.write(entry.completions.length);
      for (const completion of entry.completions) {
        out.write(completion.kind);
        out.write(completion.textCount);
        out.write(completion.bodyCount);
        writeLocation(out, completion.text, block);
        writeLocation(out, completion.body, block);
      }
    }
  }
  return out.finish();
}

export function decodeBlock(bytes: Uint8Array, block: number): Entry[] {
  const reader = new VarintReader(bytes, 0);
  const version = reader.read();
  if (version !== BLOCK_VERSION) throw new Error(`index block version ${version} is not known`);
  const count = reader.read();
  const textLength = reader.read();
  const strings = decoder.decode(reader.readBytes(textLength)).split('\n');
  let next = 0;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const head = reader.read();
    const kind = (head & 7) as Kind;
    const entry: Entry = {
      term: strings[next++] ?? '',
      kind,
      flags: head >> 3,
      textCount: reader.read(),
      bodyCount: reader.read(),
      text: readLocation(reader, block),
      body: readLocation(reader, block),
      textPositions: [],
      bodyPositions: [],
      completions: [],
      concepts: [],
    };
    if (kind === KIND.concept) {
      const concepts = reader.read();
      let previous = -1;
      for (let c = 0; c < concepts; c++) {
        previous += reader.read() + 1;
        entry.concepts.push(previous);
      }
    }
    if (kind === KIND.word || kind === KIND.spelling) {
      entry.textPositions = readChunks(reader, block);
      entry.bodyPositions = readChunks(reader, block);
    }
    if (kind === KIND.prefix) {
      const completions = reader.read();
      for (let c = 0; c < completions; c++) {
        const completionKind = reader.read() === KIND.spelling ? KIND.spelling : KIND.word;
        entry.completions.push({
          term: strings[next++] ?? '',
          kind: completionKind,
          textCount: reader.read(),
          bodyCount: reader.read(),
          text: readLocation(reader, block),
          body: readLocation(reader, block),
        });
      }
    }
    entries.push(entry);
  }
  return entries;
}

/** Sorts entries as blocks and lookups expect: by term (UTF-16 order), then kind. */
export function compareEntries(
  a: { term: string; kind: number },
  b: { term: string; kind: number },
) {
  return a.term < b.term ? -1 : a.term > b.term ? 1 : a.kind - b.kind;
}

// Postings lists. A text list holds, per publication, (gap × 8 + FIELD bits); a body list starts
// with its form: gaps, or a bitmap from its first publication when that is smaller, and says how
// often the term stands in each body, in four steps (FREQUENCY_STEPS).
const BODY_FORM = { gaps: 0, bitmap: 1 } as const;

/** How often a term stands in a body, in four steps: once, twice, 3–4 times, 5 times or more. */
export function frequencyStep(count: number): number {
  return count >= 5 ? 3 : count >= 3 ? 2 : count >= 2 ? 1 : 0;
}

/** The count each step stands for when ranking (a typical one of its range). */
export const FREQUENCY_STEPS: readonly number[] = [1, 2, 3.5, 6];

export function encodeTextPostings(docs: ArrayLike<number>, fields: ArrayLike<number>): Uint8Array {
  const out = new VarintWriter(docs.length * 2 + 4);
  let previous = -1;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] ?? 0;
    out.write((doc - previous - 1) * 8 + (fields[i] ?? 0));
    previous = doc;
  }
  return out.finish();
}

/**
 * A body list: the publications holding the term and, per publication, how often it stands in its
 * body (`steps`, from `frequencyStep`). Gaps form: per publication `(gap × 4 + step)`. Bitmap form:
 * the first publication, the bitmap's length in bytes, the bitmap, then the steps, four a byte
 * (low bits first), in publication order.
 */
export function encodeBodyPostings(docs: ArrayLike<number>, steps: ArrayLike<number>): Uint8Array {
  const count = docs.length;
  if (count === 0) return new Uint8Array([BODY_FORM.gaps]);
  const first = docs[0] ?? 0;
  const last = docs[count - 1] ?? 0;
  const bitmapBytes = Math.ceil((last - first + 1) / 8);
  const stepBytes = Math.ceil(count / 4);
  const gaps = new VarintWriter(count * 2 + 4);
  gaps.write(BODY_FORM.gaps);
  let previous = -1;
  for (let i = 0; i < count; i++) {
    const doc = docs[i] ?? 0;
    gaps.write((doc - previous - 1) * 4 + (steps[i] ?? 0));
    previous = doc;
  }
  if (gaps.length <= bitmapBytes + stepBytes + 8) return gaps.finish();
  const head = new VarintWriter(16);
  head.write(BODY_FORM.bitmap);
  head.write(first);
  head.write(bitmapBytes);
  const out = new Uint8Array(head.length + bitmapBytes + stepBytes);
  out.set(head.view());
  const stepsAt = head.length + bitmapBytes;
  for (let i = 0; i < count; i++) {
    const bit = (docs[i] ?? 0) - first;
    const at = head.length + (bit >> 3);
    out[at] = (out[at] ?? 0) | (1 << (bit & 7));
    const stepAt = stepsAt + (i >> 2);
    out[stepAt] = (out[stepAt] ?? 0) | ((steps[i] ?? 0) << ((i & 3) * 2));
  }
  return out;
}

/**
 * A decoded list: the publications, and per publication either the FIELD bits it holds the term
 * in (text lists) or how often the term stands in its body, as a step (body lists).
 */
export type DecodedPostings = {
  docs: Uint32Array;
  fields: Uint8Array | null;
  steps: Uint8Array | null;
};

export function decodeTextPostings(bytes: Uint8Array): DecodedPostings {
  const docs: number[] = [];
  const fields: number[] = [];
  const reader = new VarintReader(bytes, 0);
  let previous = -1;
  while (reader.position < bytes.length) {
    const value = reader.read();
    previous += Math.floor(value / 8) + 1;
    docs.push(previous);
    fields.push(value & 7);
  }
  return { docs: Uint32Array.from(docs), fields: Uint8Array.from(fields), steps: null };
}

export function decodeBodyPostings(bytes: Uint8Array): DecodedPostings {
  const reader = new VarintReader(bytes, 0);
  const form = reader.read();
  const docs: number[] = [];
  const steps: number[] = [];
  if (form === BODY_FORM.bitmap) {
    const first = reader.read();
    const bitmapBytes = reader.read();
    const start = reader.position;
    const end = start + bitmapBytes;
    if (end > bytes.length) throw new RangeError('body postings: the bitmap runs past the end');
    for (let at = start; at < end; at++) {
      const byte = bytes[at] ?? 0;
      if (byte === 0) continue;
      for (let bit = 0; bit < 8; bit++) {
        if (byte & (1 << bit)) docs.push(first + (at - start) * 8 + bit);
      }
    }
    if (end + Math.ceil(docs.length / 4) > bytes.length) {
      throw new RangeError('body postings: the frequencies run past the end');
    }
    for (let i = 0; i < docs.length; i++) {
      steps.push(((bytes[end + (i >> 2)] ?? 0) >> ((i & 3) * 2)) & 3);
    }
  } else if (form === BODY_FORM.gaps) {
    let previous = -1;
    while (reader.position < bytes.length) {
      const value = reader.read();
      previous += Math.floor(value / 4) + 1;
      docs.push(previous);
      steps.push(value & 3);
    }
  } else {
    throw new RangeError(`body postings: unknown form ${form}`);
  }
  return { docs: Uint32Array.from(docs), fields: null, steps: Uint8Array.from(steps) };
}

/**
 * Positions of one posting, appended to a chunk: a count, then the gaps between them
 * (`positions[from … to)`). A chunk holds consecutive postings of a list.
 */
export function writePositions(
  out: VarintWriter,
  positions: readonly number[],
  from: number,
  to: number,
) {
  out.write(to - from);
  let previous = 0;
  for (let p = from; p < to; p++) {
    const position = positions[p] ?? 0;
    out.write(position - previous);
    previous = position;
  }
}

export function decodePositions(bytes: Uint8Array): number[][] {
  const reader = new VarintReader(bytes, 0);
  const lists: number[][] = [];
  while (reader.position < bytes.length) {
    const count = reader.read();
    const positions: number[] = [];
    let previous = 0;
    for (let i = 0; i < count; i++) {
      previous += reader.read();
      positions.push(previous);
    }
    lists.push(positions);
  }
  return lists;
}

/**
 * The directory: per block, the shortest beginning of its first term that sorts after the block
 * before it, in parts of DIRECTORY_PART blocks (JSON: small, and gzip does the rest). Each part
 * also holds the next part's first key, so the block after its last is known too. The first key
 * of every part (the top of the directory) travels in the start data: a lookup reads one part.
 */
export type DirectoryPart = { version: 1; first: number; keys: string[] };
export const DIRECTORY_PART = 64;

/** The vocabulary for typo tolerance, by length then spelling, forwards and backwards. */
export type FuzzyDirectory = {
  version: 1;
  /** Per list and block: [length, the shortest beginning of its first term (or reverse)]. */
  forward: [number, string][];
  reverse: [number, string][];
};

/**
 * A block of a fuzzy list: words (as indexed, not reversed) and how many publications hold each;
 * `written`, by index, how a word is written where folding changed it (й, ў, ё): what "Did you
 * mean" shows.
 */
export type FuzzyBlock = { terms: string[]; counts: number[]; written?: Record<string, string> };

/** The shortest beginning of `first` that sorts after `previous` (a block's directory key). */
export function separator(previous: string | undefined, first: string): string {
  if (previous === undefined) return '';
  for (let length = 1; length < first.length; length++) {
    const start = first.slice(0, length);
    if (start > previous) return start;
  }
  return first;
}

/** The block a term's lookup reads: the last whose key is not after it. */
export function blockOf(firstTerms: readonly string[], term: string): number {
  let low = 0;
  let high = firstTerms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((firstTerms[mid] ?? '') <= term) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}

/**
 * The block that lists the words beginning with `prefix`: its own block, unless the next block's
 * key starts with it (then the next block's first term does, and the words, or the prefix entry
 * that lists them, are there).
 */
export function prefixBlock(firstTerms: readonly string[], prefix: string): number {
  const own = blockOf(firstTerms, prefix);
  const next = firstTerms[own + 1];
  return next !== undefined && next.startsWith(prefix) ? own + 1 : own;
}

/**
 * A glossary concept as the build writes it for the reader (`glossary/c<n>.bin`): each of its
 * terms, the stems of its words (stop words left out), and the publications holding every one of
 * those words, with where (FIELD bits, and IN_BODY). A query that names the concept in one term
 * finds, through the others, the publications that name it another way or in another language.
 */
export type ConceptTerm = {
  language: string;
  text: string;
  stems: string[];
  docs: Uint32Array;
  fields: Uint8Array;
};

const CONCEPT_VERSION = 1;

function writeString(out: VarintWriter, text: string) {
  const bytes = encoder.encode(text);
  out.write(bytes.length);
  out.writeBytes(bytes);
}

function readString(reader: VarintReader): string {
  return decoder.decode(reader.readBytes(reader.read()));
}

/** Per term: language, text, stems, then its publications as (gap × 16 + fields). */
export function encodeConcept(terms: readonly ConceptTerm[]): Uint8Array {
  const out = new VarintWriter(256);
  out.write(CONCEPT_VERSION);
  out.write(terms.length);
  for (const term of terms) {
    writeString(out, term.language);
    writeString(out, term.text);
    out.write(term.stems.length);
    for (const stem of term.stems) writeString(out, stem);
    out.write(term.docs.length);
    let previous = -1;
    term.docs.forEach((doc, index) => {
      out.write((doc - previous - 1) * 16 + (term.fields[index] ?? 0));
      previous = doc;
    });
  }
  return out.finish();
}

export function decodeConcept(bytes: Uint8Array): ConceptTerm[] {
  const reader = new VarintReader(bytes, 0);
  const version = reader.read();
  if (version !== CONCEPT_VERSION) throw new Error(`concept version ${version} is not known`);
  const count = reader.read();
  const terms: ConceptTerm[] = [];
  for (let t = 0; t < count; t++) {
    const language = readString(reader);
    const text = readString(reader);
    const stems = Array.from({ length: reader.read() }, () => readString(reader));
    const postings = reader.read();
    const docs = new Uint32Array(postings);
    const fields = new Uint8Array(postings);
    let previous = -1;
    for (let i = 0; i < postings; i++) {
      const value = reader.read();
      previous += Math.floor(value / 16) + 1;
      docs[i] = previous;
      fields[i] = value % 16;
    }
    terms.push({ language, text, stems, docs, fields });
  }
  if (!reader.done) throw new RangeError('concept: bytes left after the last term');
  return terms;
}
