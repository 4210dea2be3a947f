import { KIND, PACK, type Entry, type Kind, type Location, type PositionChunk } from './format.ts';
import { VarintReader, VarintWriter } from './varint.ts';

/**
 * A block of the term index as bytes (docs/index-format.md, "Block"): its terms, then per entry
 * its kind, flags, counts and the locations of its postings and positions, as varints.
 */

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
