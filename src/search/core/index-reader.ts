import {
  KIND,
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
  type DirectoryTop,
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
import { timed } from './trace.ts';
import { PromiseCache, readBinary, readJson, type DataSource } from './data-source.ts';
import { bestCandidates, fuzzyPlan, type FuzzyCandidate } from './fuzzy.ts';
import { countOfLevel } from '../index/fuzzy-lists.ts';

/**
 * The term index as the search core reads it (docs/index-format.md): the directory's parts, then
 * only the blocks, the files their entries point into and the typo lists a query needs, each kept
 * for the next query. Every file is named by its content, so a name read once always means the
 * same bytes. Every read goes through `source`, so the same code reads over HTTP, from memory or
 * from disk.
 */

/** How many of each kind of file stay in memory. */
const CACHE = {
  blocks: 512,
  files: 1024,
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
  private readonly directory = new PromiseCache<string, DirectoryPart>(256);
  private readonly fuzzyDirectory = new PromiseCache<string, FuzzyDirectory>(1);
  private readonly blocks = new PromiseCache<string, Entry[]>(CACHE.blocks);
  /** Companions and pack files, by name. */
  private readonly files = new PromiseCache<string, Uint8Array>(CACHE.files);
  private readonly fuzzyBlocks = new PromiseCache<string, FuzzyBlock>(CACHE.fuzzy);
  private readonly postings = new PromiseCache<string, DecodedPostings>(CACHE.postings);
  private readonly conceptFiles = new PromiseCache<string, ConceptTerm[]>(CACHE.concepts);
  private readonly topKeys: string[];

  /**
   * `top`: per part of the directory, its first key and its file; `fuzzy`: the file of the typo
   * lists' directory (both from the start data).
   */
  constructor(
    private readonly source: DataSource,
    private readonly top: DirectoryTop,
    private readonly fuzzy: string,
  ) {
    this.topKeys = top.map(([key]) => key);
  }

  /** The part of the directory a term's block is listed in. */
  private part(term: string): Promise<DirectoryPart> | DirectoryPart {
    const name = this.top[blockOf(this.topKeys, term)]?.[1] ?? '';
    return this.directory.get(name, () => readJson(this.source, name, directoryPartSchema));
  }

  /** The file of the block a term is in. */
  private async locate(term: string): Promise<string> {
    const part = await this.part(term);
    return part.blocks[blockOf(part.keys, term)] ?? '';
  }

  private block(name: string): Promise<Entry[]> | Entry[] {
    return this.blocks.get(name, async () => {
      const bytes = await readBinary(this.source, name);
      return timed('decode', () => decodeBlock(bytes));
    });
  }

  /** The entry of `term` of this kind, if the index has it. */
  async entry(term: string, kind: Kind): Promise<Entry | undefined> {
    const entries = await this.block(await this.locate(term));
    return entries.find((entry) => entry.term === term && entry.kind === kind);
  }

  /** The files of the glossary concepts a term of which begins with the stem `term`. */
  async conceptsOf(term: string): Promise<string[]> {
    return (await this.entry(term, KIND.concept))?.concepts ?? [];
  }

  /** A glossary concept: its terms with their publications. */
  concept(name: string): Promise<ConceptTerm[]> | ConceptTerm[] {
    return this.conceptFiles.get(name, async () => {
      const bytes = await readBinary(this.source, name);
      return timed('decode', () => decodeConcept(bytes));
    });
  }

  /**
   * The most used words that begin with `prefix` (not the prefix itself): from the prefix's own
   * entry where its words run across blocks, else from the one block that holds them all.
   */
  async completions(prefix: string, limit = COMPLETIONS): Promise<Completion[]> {
    // A part of the directory lists the key of the block after its last: prefixBlock can look.
    const part = await this.part(prefix);
    const entries = await this.block(part.blocks[prefixBlock(part.keys, prefix)] ?? '');
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
    return this.fuzzyDirectory.get(this.fuzzy, () =>
      readJson(this.source, this.fuzzy, fuzzyDirectorySchema),
    );
  }

  /** The files of a typo list that may hold words of `length` whose key (spelling or reverse) starts so. */
  private fuzzyRange(
    keys: readonly [number, string, string][],
    length: number,
    start: string,
  ): string[] {
    const last = (target: [number, string]) => {
      let low = 0;
      let high = keys.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        const key = keys[mid] as [number, string, string];
        const notAfter = key[0] < target[0] || (key[0] === target[0] && key[1] <= target[1]);
        if (notAfter) low = mid + 1;
        else high = mid;
      }
      return Math.max(0, low - 1);
    };
    const first = last([length, start]);
    const end = last([length, `${start}\uffff`]);
    return keys.slice(first, end + 1).map(([, , name]) => name);
  }

  /** Words within the typo allowance of `word`, the likeliest first (see fuzzy.ts). */
  async typos(word: string): Promise<FuzzyCandidate[]> {
    const plan = fuzzyPlan(word);
    if (!plan) return [];
    const directory = await this.fuzzyFiles();
    const reversedSuffix = [...plan.suffix].reverse().join('');
    const wanted = new Set<string>();
    for (const length of plan.lengths) {
      for (const name of this.fuzzyRange(directory.forward, length, plan.prefix)) wanted.add(name);
      for (const name of this.fuzzyRange(directory.reverse, length, reversedSuffix)) {
        wanted.add(name);
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
            yield { term, count: countOfLevel(block.counts[i] ?? 0), written: block.written?.[i] };
          }
        }
      }
    };
    return bestCandidates(word, plan.allowance, terms(), TYPO_CANDIDATES);
  }

  private file(name: string): Promise<Uint8Array> | Uint8Array {
    return this.files.get(name, () => readBinary(this.source, name));
  }

  /** Whether the bytes at `location` are in memory already, so reading them will not wait. */
  ready(location: Location): boolean {
    if (location.in === 'block') return true;
    return location.files.every((name) => this.files.peek(name) !== undefined);
  }

  /** The bytes at a location: in its block, or in one or more files it runs across. */
  async bytes(location: Location): Promise<Uint8Array> {
    if (location.in === 'block') return location.bytes;
    const files = await Promise.all(location.files.map((name) => this.file(name)));
    const end = location.offset + location.length;
    if (files.length === 1) return (files[0] as Uint8Array).subarray(location.offset, end);
    const joined = new Uint8Array(files.reduce((sum, file) => sum + file.length, 0));
    let at = 0;
    for (const file of files) {
      joined.set(file, at);
      at += file.length;
    }
    return joined.subarray(location.offset, end);
  }

  private static key(location: Location, side: Side): string {
    if (location.in === 'block') return '';
    return `${side}:${location.files[0] ?? ''}:${location.offset}`;
  }

  /** A postings list, decoded (and kept, unless it travelled in its block: decoding is cheap). */
  async read(location: Location, side: Side): Promise<DecodedPostings> {
    const decode = async () => {
      const bytes = await this.bytes(location);
      return timed('decode', () =>
        side === 'text' ? decodeTextPostings(bytes) : decodeBodyPostings(bytes),
      );
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
        const bytes = await this.bytes(chunk.location);
        const lists = timed('decode', () => decodePositions(bytes));
        lists.forEach((positions, offset) => {
          const doc = docs[chunk.first + offset];
          if (doc !== undefined && wanted.has(doc)) found.set(doc, positions);
        });
      }),
    );
    return found;
  }
}
