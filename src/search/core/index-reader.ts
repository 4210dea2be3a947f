import { indexFiles } from '../index/files.ts';
import {
  KIND,
  PACK_FILE_BYTES,
  type Completion,
  type Entry,
  type Kind,
  type Location,
  type PositionChunk,
} from '../index/format.ts';
import {
  blockOf,
  directoryPartSchema,
  fuzzyBlockSchema,
  fuzzyDirectorySchema,
  prefixBlock,
  type DirectoryPart,
  type FuzzyBlock,
  type FuzzyDirectory,
} from '../index/directory.ts';
import { decodeBlock } from '../index/block-codec.ts';
import {
  decodeBodyPostings,
  decodePositions,
  decodeTextPostings,
  type DecodedPostings,
} from '../index/postings-codec.ts';
import { decodeConcept, type ConceptTerm } from '../index/concept-codec.ts';
import { PromiseCache, readBinary, readJson, type DataSource } from './data-source.ts';
import { bestCandidates, fuzzyPlan, type FuzzyCandidate } from './fuzzy.ts';

/**
 * The term index as the search core reads it (docs/index-format.md): the directory once, then
 * only the blocks, companions, packs and fuzzy blocks a query needs, each kept for the next
 * query. Every read goes through `source`, so the same code reads over HTTP, from memory or from
 * disk.
 */

/** How many of each kind of file stay in memory. */
const CACHE = {
  blocks: 512,
  companions: 512,
  packs: 512,
  fuzzy: 256,
  postings: 2048,
  concepts: 128,
};
/** Most used words a prefix stands for, at most. */
export const COMPLETIONS = 8;
/** Typo candidates a word stands for, at most. */
const TYPO_CANDIDATES = 5;

type Side = 'text' | 'body';

export class IndexReader {
  private readonly directory = new PromiseCache<number, DirectoryPart>(256);
  private readonly fuzzyDirectory = new PromiseCache<'fuzzy', FuzzyDirectory>(1);
  private readonly blocks = new PromiseCache<number, Entry[]>(CACHE.blocks);
  private readonly companions = new PromiseCache<number, Uint8Array>(CACHE.companions);
  private readonly packs = new PromiseCache<string, Uint8Array>(CACHE.packs);
  private readonly fuzzyBlocks = new PromiseCache<string, FuzzyBlock>(CACHE.fuzzy);
  private readonly postings = new PromiseCache<string, DecodedPostings>(CACHE.postings);
  private readonly conceptFiles = new PromiseCache<number, ConceptTerm[]>(CACHE.concepts);

  /** `top`: the first key of each part of the directory (from the start data). */
  constructor(
    private readonly source: DataSource,
    private readonly top: readonly string[],
  ) {}

  /** The part of the directory a term's block is listed in. */
  private part(term: string): Promise<DirectoryPart> | DirectoryPart {
    const part = blockOf(this.top, term);
    return this.directory.get(part, () =>
      readJson(this.source, indexFiles.directory(part), directoryPartSchema),
    );
  }

  /** The block a term is in. */
  private async locate(term: string): Promise<number> {
    const part = await this.part(term);
    return part.first + blockOf(part.keys, term);
  }

  private block(index: number): Promise<Entry[]> | Entry[] {
    return this.blocks.get(index, async () =>
      decodeBlock(await readBinary(this.source, indexFiles.block(index)), index),
    );
  }

  /** The entry of `term` of this kind, if the index has it. */
  async entry(term: string, kind: Kind): Promise<Entry | undefined> {
    const entries = await this.block(await this.locate(term));
    return entries.find((entry) => entry.term === term && entry.kind === kind);
  }

  /** The glossary concepts a term of which begins with the stem `term` (none: []). */
  async conceptsOf(term: string): Promise<number[]> {
    return (await this.entry(term, KIND.concept))?.concepts ?? [];
  }

  /** A glossary concept: its terms with their publications. */
  concept(concept: number): Promise<ConceptTerm[]> | ConceptTerm[] {
    return this.conceptFiles.get(concept, async () =>
      decodeConcept(await readBinary(this.source, indexFiles.concept(concept))),
    );
  }

  /**
   * The most used words that begin with `prefix` (not the prefix itself): from the prefix's own
   * entry where its words run across blocks, else from the one block that holds them all.
   */
  async completions(prefix: string, limit = COMPLETIONS): Promise<Completion[]> {
    // A part of the directory lists the key of the block after its last: prefixBlock can look.
    const part = await this.part(prefix);
    const entries = await this.block(part.first + prefixBlock(part.keys, prefix));
    const listed = entries.find((entry) => entry.kind === KIND.prefix && entry.term === prefix);
    if (listed) return listed.completions.slice(0, limit);
    return entries
      .filter(
        (entry) =>
          (entry.kind === KIND.word || entry.kind === KIND.spelling) &&
          entry.term !== prefix &&
          entry.term.startsWith(prefix),
      )
      .sort((a, b) => b.textCount + b.bodyCount - (a.textCount + a.bodyCount))
      .slice(0, limit)
      .map((entry) => ({
        ...entry,
        kind: entry.kind === KIND.spelling ? KIND.spelling : KIND.word,
      }));
  }

  private fuzzyFiles(): Promise<FuzzyDirectory> | FuzzyDirectory {
    return this.fuzzyDirectory.get('fuzzy', () =>
      readJson(this.source, indexFiles.fuzzyDirectory, fuzzyDirectorySchema),
    );
  }

  /** The fuzzy blocks that may hold words of `length` whose key (spelling or reverse) starts so. */
  private fuzzyRange(keys: readonly [number, string][], length: number, start: string): number[] {
    const last = (target: [number, string]) => {
      let low = 0;
      let high = keys.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        const key = keys[mid] as [number, string];
        const notAfter = key[0] < target[0] || (key[0] === target[0] && key[1] <= target[1]);
        if (notAfter) low = mid + 1;
        else high = mid;
      }
      return Math.max(0, low - 1);
    };
    const first = last([length, start]);
    const end = last([length, `${start}\uffff`]);
    return Array.from({ length: end - first + 1 }, (_, i) => first + i);
  }

  /** Words within the typo allowance of `word`, the likeliest first (see fuzzy.ts). */
  async typos(word: string): Promise<FuzzyCandidate[]> {
    const plan = fuzzyPlan(word);
    if (!plan) return [];
    const directory = await this.fuzzyFiles();
    const reversedSuffix = [...plan.suffix].reverse().join('');
    const wanted = new Set<string>();
    for (const length of plan.lengths) {
      for (const block of this.fuzzyRange(directory.forward, length, plan.prefix)) {
        wanted.add(indexFiles.fuzzy('forward', block));
      }
      for (const block of this.fuzzyRange(directory.reverse, length, reversedSuffix)) {
        wanted.add(indexFiles.fuzzy('reverse', block));
      }
    }
    const blocks = await Promise.all(
      [...wanted].map((name) =>
        this.fuzzyBlocks.get(name, () => readJson(this.source, name, fuzzyBlockSchema)),
      ),
    );
    const terms = function* () {
      for (const block of blocks) {
        for (let i = 0; i < block.terms.length; i++) {
          const term = block.terms[i] ?? '';
          if (
            plan.lengths.includes(term.length) &&
            (term.startsWith(plan.prefix) || term.endsWith(plan.suffix))
          ) {
            yield { term, count: block.counts[i] ?? 0, written: block.written?.[i] };
          }
        }
      }
    };
    return bestCandidates(word, plan.allowance, terms(), TYPO_CANDIDATES);
  }

  private packFile(pack: number, file: number): Promise<Uint8Array> | Uint8Array {
    const name = indexFiles.pack(pack as 0 | 1 | 2, file);
    return this.packs.get(name, () => readBinary(this.source, name));
  }

  private companion(block: number): Promise<Uint8Array> | Uint8Array {
    return this.companions.get(block, () => readBinary(this.source, indexFiles.companion(block)));
  }

  /** Whether the bytes at `location` are in memory already, so reading them will not wait. */
  ready(location: Location): boolean {
    if (location.in === 'block') return true;
    if (location.in === 'companion') return this.companions.peek(location.block) !== undefined;
    const size = PACK_FILE_BYTES[location.pack];
    for (
      let file = Math.floor(location.offset / size);
      file * size < location.offset + location.length;
      file++
    ) {
      if (this.packs.peek(indexFiles.pack(location.pack, file)) === undefined) return false;
    }
    return true;
  }

  /** The bytes at a location: in its block, its companion, or one or more pack files. */
  async bytes(location: Location): Promise<Uint8Array> {
    if (location.in === 'block') return location.bytes;
    if (location.in === 'companion') {
      const companion = await this.companion(location.block);
      return companion.subarray(location.offset, location.offset + location.length);
    }
    const size = PACK_FILE_BYTES[location.pack];
    const firstFile = Math.floor(location.offset / size);
    const lastFile = Math.floor((location.offset + location.length - 1) / size);
    const files = await Promise.all(
      Array.from({ length: lastFile - firstFile + 1 }, (_, i) =>
        this.packFile(location.pack, firstFile + i),
      ),
    );
    const start = location.offset - firstFile * size;
    if (files.length === 1)
      return (files[0] as Uint8Array).subarray(start, start + location.length);
    const joined = new Uint8Array(files.reduce((sum, file) => sum + file.length, 0));
    let at = 0;
    for (const file of files) {
      joined.set(file, at);
      at += file.length;
    }
    return joined.subarray(start, start + location.length);
  }

  private static key(location: Location, side: Side): string {
    if (location.in === 'block') return '';
    return location.in === 'companion'
      ? `${side}:c${location.block}:${location.offset}`
      : `${side}:p${location.pack}:${location.offset}`;
  }

  /** A postings list, decoded (and kept, unless it travelled in its block: decoding is cheap). */
  async read(location: Location, side: Side): Promise<DecodedPostings> {
    const decode = async () => {
      const bytes = await this.bytes(location);
      return side === 'text' ? decodeTextPostings(bytes) : decodeBodyPostings(bytes);
    };
    if (location.in === 'block') return decode();
    return this.postings.get(IndexReader.key(location, side), decode);
  }

  /**
   * The positions of a word in the publications `wanted`, from the chunks that cover them:
   * `docs` is the word's postings list on the same side, in order.
   */
  async positions(
    chunks: readonly PositionChunk[],
    docs: Uint32Array,
    wanted: ReadonlySet<number>,
  ): Promise<Map<number, number[]>> {
    const found = new Map<number, number[]>();
    await Promise.all(
      chunks.map(async (chunk, index) => {
        const end = chunks[index + 1]?.first ?? docs.length;
        let needed = false;
        for (let i = chunk.first; i < end && !needed; i++) needed = wanted.has(docs[i] ?? -1);
        if (!needed) return;
        const lists = decodePositions(await this.bytes(chunk.location));
        lists.forEach((positions, offset) => {
          const doc = docs[chunk.first + offset];
          if (doc !== undefined && wanted.has(doc)) found.set(doc, positions);
        });
      }),
    );
    return found;
  }
}
