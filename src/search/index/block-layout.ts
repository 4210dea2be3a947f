import { emptyEntry, KIND, type Entry, type PositionChunk } from './format.ts';
import { indexFiles, type FileSink } from './files.ts';
import {
  encodeBodyPostings,
  encodeTextPostings,
  frequencyStep,
  writePositions,
} from './postings-codec.ts';
import { termHash } from './term-hash.ts';
import { BODY_BIT, type Flat } from './term-streams.ts';
import { VarintWriter } from './varint.ts';
import { idsOf, type Pending } from './vocabulary.ts';

/**
 * The vocabulary cut into blocks (docs/index-format.md, "Block"): each entry's postings placed in
 * its block, its block's companion or its block's pack files by their size, its positions in
 * chunks in the block's position files. Where a block ends depends on the terms themselves, not
 * on what came before (content-defined chunking, as rsync and backup tools cut files): a block
 * may end after a term whose hash says so once it holds half its aim, and must end at twice its
 * aim. So a publication added or changed changes the blocks of its own terms, and the blocks
 * after them stay as they were (docs/decisions/017-growing-archive.md).
 */

export type LayoutOptions = {
  /** Bytes a block aims at (terms, counts, short lists of text postings). */
  blockBytes: number;
  /** Bytes a block's companion (its body postings) may reach before the block is closed. */
  companionBytes: number;
  /** Text postings up to this many bytes travel in the block; longer ones in a pack. */
  inlineTextBytes: number;
  /** Body postings up to this many bytes travel in the companion; longer ones in a pack. */
  companionListBytes: number;
  /** Bytes of positions a chunk holds at most, so a phrase fetches only what it needs. */
  positionChunkBytes: number;
  /** Bytes of each of a block's pack files (PACK_FILE_BYTES; tests make them tiny). */
  packFileBytes: number;
};

export type OpenBlock = { entries: Entry[]; bytes: number };

export type Layout = {
  blocks: OpenBlock[];
  /** Words and Latin spellings, in order: what a prefix may be the beginning of. */
  completable: Entry[];
  counts: { words: number; spellings: number; stems: number; keys: number; concepts: number };
  /** Files written besides the blocks: companions, and pack files of each kind. */
  files: Record<'companions' | 'text' | 'body' | 'positions', number>;
};

/** A location in one of the block's streams, its files named when the block closes. */
type Placed = { in: 'files'; files: string[]; offset: number; length: number };

/** A block's companion or one of its pack streams: bytes appended, cut into files of `size`. */
class BlockStream {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  private readonly placed: Placed[] = [];

  constructor(
    private readonly template: string,
    private readonly size: number,
  ) {}

  /** Appends bytes; returns where they will be, once the block closes. */
  place(bytes: Uint8Array): Placed {
    const location: Placed = { in: 'files', files: [], offset: this.length, length: bytes.length };
    this.parts.push(bytes);
    this.length += bytes.length;
    this.placed.push(location);
    return location;
  }

  /** Writes the stream's files; names the places in it. Returns how many files. */
  close(write: FileSink): number {
    if (this.length === 0) return 0;
    const joined = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      joined.set(part, at);
      at += part.length;
    }
    const names: string[] = [];
    for (let start = 0; start < joined.length; start += this.size) {
      names.push(write(this.template, joined.subarray(start, start + this.size)));
    }
    for (const location of this.placed) {
      const first = Math.floor(location.offset / this.size);
      const last = Math.floor((location.offset + location.length - 1) / this.size);
      location.files = names.slice(first, last + 1);
      // (A companion is one file: its size is Infinity, and 0 × Infinity is no number.)
      if (first > 0) location.offset -= first * this.size;
    }
    return names.length;
  }
}

/** The streams of the block being laid out. */
function openStreams(packFileBytes: number) {
  return {
    companion: new BlockStream(indexFiles.companion, Infinity),
    text: new BlockStream(indexFiles.textPack, packFileBytes),
    body: new BlockStream(indexFiles.bodyPack, packFileBytes),
    positions: new BlockStream(indexFiles.positionPack, packFileBytes),
  };
}

export function layBlocks(
  pending: Iterable<Pending>,
  /** The postings of an entry's words (or stem), with positions when `positions`. */
  postingsOf: (item: Pending, positions: boolean) => Flat,
  options: LayoutOptions,
  write: FileSink,
): Layout {
  const least = options.blockBytes / 2;
  const most = options.blockBytes * 2;
  // After `least`, a block ends after one term in `every` (on average `every` entries more).
  const every = Math.max(2, Math.round(options.blockBytes / 64));
  const blocks: OpenBlock[] = [];
  let block: OpenBlock = { entries: [], bytes: 0 };
  let streams = openStreams(options.packFileBytes);
  const completable: Entry[] = [];
  const counts = { words: 0, spellings: 0, stems: 0, keys: 0, concepts: 0 };
  const files = { companions: 0, text: 0, body: 0, positions: 0 };

  const closeBlock = () => {
    files.companions += streams.companion.close(write);
    files.text += streams.text.close(write);
    files.body += streams.body.close(write);
    files.positions += streams.positions.close(write);
    blocks.push(block);
    block = { entries: [], bytes: 0 };
    streams = openStreams(options.packFileBytes);
  };

  /** Before an entry of `term` is laid: whether the block ends after the entry before it. */
  const endsBefore = (term: string) => {
    const previous = block.entries.at(-1)?.term;
    if (previous === undefined || previous === term) return false;
    if (block.bytes >= most || streams.companion.length >= options.companionBytes) return true;
    return block.bytes >= least && termHash(previous) % every === 0;
  };

  /** Positions of the postings `index` lists, in chunks of about `positionChunkBytes`. */
  const positionChunks = (
    index: readonly number[],
    starts: readonly number[],
    positions: readonly number[],
  ): PositionChunk[] => {
    const chunks: PositionChunk[] = [];
    let first = 0;
    while (first < index.length) {
      const out = new VarintWriter(256);
      let end = first;
      while (end < index.length && (end === first || out.length < options.positionChunkBytes)) {
        const at = index[end] ?? 0;
        writePositions(out, positions, starts[at] ?? 0, starts[at + 1] ?? 0);
        end++;
      }
      chunks.push({ first, location: streams.positions.place(out.finish()) });
      first = end;
    }
    return chunks;
  };

  /** Each word's own entry (when its postings are its alone), for entries sharing them. */
  const entryOfWord: Entry[] = [];
  const aliases: { entry: Entry; word: number; positions: boolean }[] = [];

  for (const item of pending) {
    if (endsBefore(item.term)) closeBlock();
    if (item.kind === KIND.concept) {
      counts.concepts++;
      const concepts = item.concepts ?? [];
      block.entries.push({ ...emptyEntry(item.term, KIND.concept), concepts });
      block.bytes += item.term.length * 2 + 4 + concepts.length * 2;
      continue;
    }
    if (item.kind === KIND.word) counts.words++;
    else if (item.kind === KIND.spelling) counts.spellings++;
    else if (item.kind === KIND.stem) counts.stems++;
    else counts.keys++;
    const positions = item.kind === KIND.word || item.kind === KIND.spelling;
    if (item.alias !== undefined) {
      const entry = emptyEntry(item.term, item.kind, item.flags);
      aliases.push({ entry, word: item.alias, positions });
      block.entries.push(entry);
      block.bytes += item.term.length * 2 + 16;
      if (positions) completable.push(entry);
      continue;
    }
    const flat = postingsOf(item, positions);
    const textIndex: number[] = [];
    const bodyIndex: number[] = [];
    const textDocs: number[] = [];
    const textFields: number[] = [];
    const bodyDocs: number[] = [];
    const bodySteps: number[] = [];
    flat.docs.forEach((doc, index) => {
      const bits = flat.bits[index] ?? 0;
      if (bits & 7) {
        textIndex.push(index);
        textDocs.push(doc);
        textFields.push(bits & 7);
      }
      if (bits & BODY_BIT) {
        bodyIndex.push(index);
        bodyDocs.push(doc);
        bodySteps.push(frequencyStep(flat.bodyCounts[index] ?? 1));
      }
    });
    const textBytes = textDocs.length > 0 ? encodeTextPostings(textDocs, textFields) : null;
    const bodyBytes = bodyDocs.length > 0 ? encodeBodyPostings(bodyDocs, bodySteps) : null;
    const inlineText = textBytes !== null && textBytes.length <= options.inlineTextBytes;
    const entry: Entry = {
      ...emptyEntry(item.term, item.kind, item.flags),
      textCount: textDocs.length,
      bodyCount: bodyDocs.length,
      text: textBytes
        ? inlineText
          ? { in: 'block', bytes: textBytes }
          : streams.text.place(textBytes)
        : null,
      body: bodyBytes
        ? bodyBytes.length <= options.companionListBytes
          ? streams.companion.place(bodyBytes)
          : streams.body.place(bodyBytes)
        : null,
      textPositions: positions
        ? positionChunks(textIndex, flat.textStarts, flat.textPositions)
        : [],
      bodyPositions: positions
        ? positionChunks(bodyIndex, flat.bodyStarts, flat.bodyPositions)
        : [],
    };
    block.entries.push(entry);
    block.bytes += item.term.length * 2 + 8 + (inlineText ? (textBytes?.length ?? 0) : 8);
    if (positions) completable.push(entry);
    if (item.kind === KIND.word) entryOfWord[idsOf(item.sources)[0] ?? -1] = entry;
  }
  if (block.entries.length > 0 || blocks.length === 0) closeBlock();
  for (const { entry, word, positions } of aliases) {
    const source = entryOfWord[word];
    if (!source) throw new Error(`no postings for word ${word}`);
    entry.textCount = source.textCount;
    entry.bodyCount = source.bodyCount;
    entry.text = source.text;
    entry.body = source.body;
    if (positions) {
      entry.textPositions = source.textPositions;
      entry.bodyPositions = source.bodyPositions;
    }
  }
  return { blocks, completable, counts, files };
}
