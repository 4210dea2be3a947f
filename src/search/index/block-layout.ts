import { VarintWriter } from './varint.ts';
import type { FileSink } from './files.ts';
import { emptyEntry, KIND, PACK, type Entry, type Location, type PositionChunk } from './format.ts';
import { PackWriter } from './pack-writer.ts';
import {
  encodeBodyPostings,
  encodeTextPostings,
  frequencyStep,
  writePositions,
} from './postings-codec.ts';
import { BODY_BIT, type Flat } from './term-streams.ts';
import { idsOf, type Pending } from './vocabulary.ts';

/**
 * The vocabulary cut into blocks (docs/index-format.md, "Block"): each entry's postings placed in
 * its block, its block's companion or a pack stream by their size, its positions in chunks, and
 * the blocks closed at about `blockBytes` (their body postings at about `companionBytes`), never
 * between two entries of one term.
 */

export type LayoutOptions = {
  blockBytes: number;
  companionBytes: number;
  inlineTextBytes: number;
  companionListBytes: number;
  positionChunkBytes: number;
};

export type OpenBlock = {
  entries: Entry[];
  bytes: number;
  companion: Uint8Array[];
  companionBytes: number;
};

export type Layout = {
  blocks: OpenBlock[];
  /** Words and Latin spellings, in order: what a prefix may be the beginning of. */
  completable: Entry[];
  counts: { words: number; spellings: number; stems: number; keys: number; concepts: number };
  packs: Record<'text' | 'body' | 'positions', number>;
};

export function layBlocks(
  pending: Iterable<Pending>,
  /** The postings of an entry's words (or stem), with positions when `positions`. */
  postingsOf: (item: Pending, positions: boolean) => Flat,
  options: LayoutOptions,
  write: FileSink,
): Layout {
  const packs = {
    text: new PackWriter(PACK.text, write),
    body: new PackWriter(PACK.body, write),
    positions: new PackWriter(PACK.positions, write),
  };
  const blocks: OpenBlock[] = [];
  let block: OpenBlock = { entries: [], bytes: 0, companion: [], companionBytes: 0 };
  /** Words and Latin spellings, in order: what a prefix may be the beginning of. */
  const completable: Entry[] = [];
  const counts = { words: 0, spellings: 0, stems: 0, keys: 0, concepts: 0 };

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
      const encoded = out.finish();
      const offset = packs.positions.append(encoded);
      chunks.push({
        first,
        location: { in: 'pack', pack: PACK.positions, offset, length: encoded.length },
      });
      first = end;
    }
    return chunks;
  };

  const closeBlockIfFull = (term: string, size: number, companion: number) => {
    const previous = block.entries.at(-1);
    const full =
      block.bytes + size > options.blockBytes ||
      block.companionBytes + companion > options.companionBytes;
    if (full && previous && previous.term !== term) {
      blocks.push(block);
      block = { entries: [], bytes: 0, companion: [], companionBytes: 0 };
    }
  };

  /** Each word's own entry (when its postings are its alone), for entries sharing them. */
  const entryOfWord: Entry[] = [];
  const aliases: { entry: Entry; word: number; positions: boolean }[] = [];

  for (const item of pending) {
    if (item.kind === KIND.concept) {
      counts.concepts++;
      const concepts = item.concepts ?? [];
      const size = item.term.length * 2 + 4 + concepts.length * 2;
      closeBlockIfFull(item.term, size, 0);
      block.entries.push({ ...emptyEntry(item.term, KIND.concept), concepts });
      block.bytes += size;
      continue;
    }
    if (item.kind === KIND.word) counts.words++;
    else if (item.kind === KIND.spelling) counts.spellings++;
    else if (item.kind === KIND.stem) counts.stems++;
    else counts.keys++;
    const positions = item.kind === KIND.word || item.kind === KIND.spelling;
    if (item.alias !== undefined) {
      const size = item.term.length * 2 + 16;
      closeBlockIfFull(item.term, size, 0);
      const entry = emptyEntry(item.term, item.kind, item.flags);
      aliases.push({ entry, word: item.alias, positions });
      block.entries.push(entry);
      block.bytes += size;
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
    const inCompanion = bodyBytes !== null && bodyBytes.length <= options.companionListBytes;
    const inlineText = textBytes !== null && textBytes.length <= options.inlineTextBytes;
    const size = item.term.length * 2 + 8 + (inlineText ? (textBytes?.length ?? 0) : 8);
    closeBlockIfFull(item.term, size, inCompanion ? (bodyBytes?.length ?? 0) : 0);
    let text: Location | null = null;
    if (textBytes) {
      text = inlineText
        ? { in: 'block', bytes: textBytes }
        : {
            in: 'pack',
            pack: PACK.text,
            offset: packs.text.append(textBytes),
            length: textBytes.length,
          };
    }
    let body: Location | null = null;
    if (bodyBytes) {
      if (inCompanion) {
        body = {
          in: 'companion',
          block: blocks.length,
          offset: block.companionBytes,
          length: bodyBytes.length,
        };
        block.companion.push(bodyBytes);
        block.companionBytes += bodyBytes.length;
      } else {
        body = {
          in: 'pack',
          pack: PACK.body,
          offset: packs.body.append(bodyBytes),
          length: bodyBytes.length,
        };
      }
    }
    const entry: Entry = {
      term: item.term,
      kind: item.kind,
      flags: item.flags,
      textCount: textDocs.length,
      bodyCount: bodyDocs.length,
      text,
      body,
      textPositions: positions
        ? positionChunks(textIndex, flat.textStarts, flat.textPositions)
        : [],
      bodyPositions: positions
        ? positionChunks(bodyIndex, flat.bodyStarts, flat.bodyPositions)
        : [],
      completions: [],
      concepts: [],
    };
    block.entries.push(entry);
    block.bytes += size;
    if (positions) completable.push(entry);
    if (item.kind === KIND.word) entryOfWord[idsOf(item.sources)[0] ?? -1] = entry;
  }
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
  if (block.entries.length > 0 || blocks.length === 0) blocks.push(block);

  packs.text.close();
  packs.body.close();
  packs.positions.close();
  return {
    blocks,
    completable,
    counts,
    packs: { text: packs.text.files, body: packs.body.files, positions: packs.positions.files },
  };
}
