import { KIND, type Entry, type Kind, type Location, type PositionChunk } from './format.ts';
import { VarintReader, VarintWriter } from './varint.ts';

/**
 * A block of the term index as bytes (docs/index-format.md, "Block"): its terms, the names of the
 * files its entries point into (its companion and pack files, and a neighbour's where a prefix's
 * completion or a word's other spelling points there, glossary concepts), then per entry its
 * kind, flags, counts and the locations of its postings and positions, as varints.
 */

const BLOCK_VERSION = 2;
const LOCATION_TAG = { none: 0, block: 1, files: 2 } as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The names a block's entries refer to, each once, numbered as first met. */
class FileTable {
  readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();

  number(name: string): number {
    let known = this.numbers.get(name);
    if (known === undefined) {
      known = this.names.length;
      this.names.push(name);
      this.numbers.set(name, known);
    }
    return known;
  }
}

function locationsOf(entry: Entry): (Location | null)[] {
  return [
    entry.text,
    entry.body,
    ...entry.textPositions.map((chunk) => chunk.location),
    ...entry.bodyPositions.map((chunk) => chunk.location),
    ...entry.completions.flatMap((completion) => [completion.text, completion.body]),
  ];
}

function writeLocation(out: VarintWriter, location: Location | null, table: FileTable) {
  if (!location) {
    out.write(LOCATION_TAG.none);
  } else if (location.in === 'block') {
    out.write(LOCATION_TAG.block);
    out.write(location.bytes.length);
    out.writeBytes(location.bytes);
  } else {
    out.write(LOCATION_TAG.files);
    out.write(location.files.length);
    for (const name of location.files) out.write(table.number(name));
    out.write(location.offset);
    out.write(location.length);
  }
}

function readLocation(reader: VarintReader, files: readonly string[]): Location | null {
  const tag = reader.read();
  if (tag === LOCATION_TAG.none) return null;
  if (tag === LOCATION_TAG.block) return { in: 'block', bytes: reader.readBytes(reader.read()) };
  if (tag === LOCATION_TAG.files) {
    const names = Array.from({ length: reader.read() }, () => fileName(files, reader.read()));
    return { in: 'files', files: names, offset: reader.read(), length: reader.read() };
  }
  throw new RangeError(`unknown location tag ${tag}`);
}

function fileName(files: readonly string[], number: number): string {
  const name = files[number];
  if (name === undefined) throw new RangeError(`file ${number} is not in the block's table`);
  return name;
}

function writeChunks(out: VarintWriter, chunks: readonly PositionChunk[], table: FileTable) {
  out.write(chunks.length);
  for (const chunk of chunks) {
    out.write(chunk.first);
    writeLocation(out, chunk.location, table);
  }
}

function readChunks(reader: VarintReader, files: readonly string[]): PositionChunk[] {
  const count = reader.read();
  const chunks: PositionChunk[] = [];
  for (let i = 0; i < count; i++) {
    const first = reader.read();
    const location = readLocation(reader, files);
    if (location) chunks.push({ first, location });
  }
  return chunks;
}

function writeStrings(out: VarintWriter, strings: readonly string[]) {
  const text = encoder.encode(strings.join('\n'));
  out.write(text.length);
  out.writeBytes(text);
}

/**
 * A block: its terms (UTF-8, one a line: gzip finds what neighbours share), the names of the files
 * it points into (the same), then per entry its kind, flags, counts and locations, as varints.
 */
export function encodeBlock(entries: readonly Entry[]): Uint8Array {
  const strings: string[] = [];
  const table = new FileTable();
  for (const entry of entries) {
    strings.push(entry.term);
    for (const completion of entry.completions) strings.push(completion.term);
    for (const location of locationsOf(entry)) {
      if (location?.in === 'files') for (const name of location.files) table.number(name);
    }
    for (const name of entry.concepts) table.number(name);
  }
  const out = new VarintWriter(strings.length * 12 + 64);
  out.write(BLOCK_VERSION);
  out.write(entries.length);
  writeStrings(out, strings);
  out.write(table.names.length);
  writeStrings(out, table.names);
  for (const entry of entries) {
    out.write(entry.kind | (entry.flags << 3));
    out.write(entry.textCount);
    out.write(entry.bodyCount);
    writeLocation(out, entry.text, table);
    writeLocation(out, entry.body, table);
    if (entry.kind === KIND.word || entry.kind === KIND.spelling) {
      writeChunks(out, entry.textPositions, table);
      writeChunks(out, entry.bodyPositions, table);
    }
    if (entry.kind === KIND.prefix) {
      out.write(entry.completions.length);
      for (const completion of entry.completions) {
        out.write(completion.kind);
        out.write(completion.textCount);
        out.write(completion.bodyCount);
        writeLocation(out, completion.text, table);
        writeLocation(out, completion.body, table);
      }
    }
    if (entry.kind === KIND.concept) {
      out.write(entry.concepts.length);
      for (const name of entry.concepts) out.write(table.number(name));
    }
  }
  return out.finish();
}

function readStrings(reader: VarintReader): string[] {
  const text = decoder.decode(reader.readBytes(reader.read()));
  return text === '' ? [] : text.split('\n');
}

export function decodeBlock(bytes: Uint8Array): Entry[] {
  const reader = new VarintReader(bytes, 0);
  const version = reader.read();
  if (version !== BLOCK_VERSION) throw new Error(`index block version ${version} is not known`);
  const count = reader.read();
  const strings = readStrings(reader);
  const fileCount = reader.read();
  const files = readStrings(reader);
  if (files.length !== fileCount) throw new RangeError('block: the file table is cut short');
  let next = 0;
  const term = () => {
    const found = strings[next++];
    if (found === undefined) throw new RangeError('block: more entries than terms');
    return found;
  };
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const head = reader.read();
    const kind = (head & 7) as Kind;
    const entry: Entry = {
      term: term(),
      kind,
      flags: head >> 3,
      textCount: reader.read(),
      bodyCount: reader.read(),
      text: readLocation(reader, files),
      body: readLocation(reader, files),
      textPositions: [],
      bodyPositions: [],
      completions: [],
      concepts: [],
    };
    if (kind === KIND.word || kind === KIND.spelling) {
      entry.textPositions = readChunks(reader, files);
      entry.bodyPositions = readChunks(reader, files);
    }
    if (kind === KIND.prefix) {
      const completions = reader.read();
      for (let c = 0; c < completions; c++) {
        const completionKind = reader.read() === KIND.spelling ? KIND.spelling : KIND.word;
        entry.completions.push({
          term: term(),
          kind: completionKind,
          textCount: reader.read(),
          bodyCount: reader.read(),
          text: readLocation(reader, files),
          body: readLocation(reader, files),
        });
      }
    }
    if (kind === KIND.concept) {
      const concepts = reader.read();
      for (let c = 0; c < concepts; c++) entry.concepts.push(fileName(files, reader.read()));
    }
    entries.push(entry);
  }
  if (!reader.done) throw new RangeError('block: bytes left after the last entry');
  return entries;
}

/** Sorts entries as blocks and lookups expect: by term (UTF-16 order), then kind. */
export function compareEntries(
  a: { term: string; kind: number },
  b: { term: string; kind: number },
) {
  return a.term < b.term ? -1 : a.term > b.term ? 1 : a.kind - b.kind;
}
