import { nameKeys } from '../analysis/name-key.ts';
import { stem, stemLanguageOf } from '../analysis/stem.ts';
import { foldText, words } from '../analysis/text.ts';
import { hasCyrillic, latinSpellings, spellingKey } from '../analysis/transliterate.ts';
import { BytePool } from './byte-pool.ts';
import { TokenTable } from './token-table.ts';
import type { AnalyzedTerm } from '../glossary/concepts.ts';
import { writeFuzzyLists } from './fuzzy-lists.ts';
import { indexFiles, type FileSink } from './files.ts';
import { layBlocks, type LayoutOptions } from './block-layout.ts';
import { writeConcepts } from './concept-postings.ts';
import { addPrefixEntries } from './prefix-entries.ts';
import { hold, idsOf, mergeKinds, type Held, type Pending } from './vocabulary.ts';
import { BODY_BIT, Counts, Numbers, TermStreams, union } from './term-streams.ts';
import { FIELD, FLAG, KIND, PACK_FILE_BYTES, POSITION_BASE, TAG_STRIDE } from './format.ts';
import { compareEntries, encodeBlock } from './block-codec.ts';
import { DIRECTORY_PART, separator, writeDirectory } from './directory.ts';
import { StateReader, StateWriter } from './builder-state.ts';

/**
 * Builds the term index (docs/index-format.md) one publication at a time, in publication order, so
 * that a large archive streams through it: postings grow in a byte pool, one stream a term, and
 * are cut into blocks, companions and packs at the end. `finish` hands every file to `write`.
 */

export type { FileSink };

/** The blocks' layout (block-layout.ts), and the lists and directory beside them. */
export type IndexOptions = LayoutOptions & {
  /** Words a block of a fuzzy list holds. */
  fuzzyBlockTerms: number;
  /** Words a busy prefix lists. */
  completions: number;
  /** Blocks a part of the directory lists. */
  directoryPart: number;
};

export const DEFAULT_INDEX_OPTIONS: IndexOptions = {
  blockBytes: 16 * 1024,
  companionBytes: 24 * 1024,
  inlineTextBytes: 48,
  companionListBytes: 2048,
  positionChunkBytes: 8 * 1024,
  packFileBytes: PACK_FILE_BYTES,
  fuzzyBlockTerms: 768,
  completions: 8,
  directoryPart: DIRECTORY_PART,
};

/** What the index reads of a publication; `body` is plain text. */
export type IndexDocument = {
  language: string;
  title: string;
  summary: string;
  tags: readonly string[];
  body: string;
};

/** How many words a publication's title, summary and body have (tags are not counted). */
export type DocumentLengths = { title: number; summary: number; body: number };

export type IndexSummary = {
  /** The top of the directory: per part, its first key and its file. */
  directory: [string, string][];
  /** The file of the typo lists' directory. */
  fuzzy: string;
  blocks: number;
  words: number;
  /** Latin spellings of Cyrillic words. */
  spellings: number;
  stems: number;
  keys: number;
  /** Stems that begin a glossary term of a concept the archive holds. */
  concepts: number;
  prefixes: number;
  /** Files written besides the blocks: companions, and pack files of each kind. */
  files: Record<'companions' | 'text' | 'body' | 'positions', number>;
  fuzzyBlocks: number;
};

/** A word is a name when at least this share of its occurrences has a capital letter. */
const NAME_SHARE = 0.5;

/** A word's place in a publication: body positions are told apart by this bit. */
const BODY_POSITION = 2 ** 21;
const WORD_SCALE = 2 ** 22;
const MAX_POSITION = BODY_POSITION - 1;
/** The stemmer classes a publication's language falls in (see stemLanguageOf). */
const LANGUAGE_CLASSES = ['be', 'ru', 'en', 'other'] as const;

function languageClass(language: string): number {
  const index = LANGUAGE_CLASSES.indexOf(language as (typeof LANGUAGE_CLASSES)[number]);
  return index < 0 ? LANGUAGE_CLASSES.length - 1 : index;
}

function fieldOf(position: number): number {
  if (position < POSITION_BASE.summary) return FIELD.title;
  if (position < POSITION_BASE.tags) return FIELD.summary;
  return FIELD.tags;
}

export class IndexBuilder {
  private readonly options: IndexOptions;
  private readonly pool = new BytePool();
  // Words: their streams, and per word its counts and stems.
  private readonly words = new TermStreams(this.pool, true, (size) => {
    this.wordOccurrences.ensure(size);
    this.wordCapitals.ensure(size);
    for (const stems of this.wordStems) stems.ensure(size);
  });
  private readonly wordOccurrences = new Counts();
  private readonly wordCapitals = new Counts();
  /** How a word is written before folding, where that differs (Cyrillic й, ў, ё). */
  private readonly wordLower = new Map<number, string>();
  /** Per stemmer class, each word's stem (-2: not yet known, -1: none). */
  private readonly wordStems = LANGUAGE_CLASSES.map(() => new Numbers(-2));
  // Stems: the same, without positions; and whether one word alone has the stem.
  private readonly stems = new TermStreams(this.pool, false, (size) => {
    this.stemFirstWord.ensure(size);
    this.stemSeen.ensure(size);
    this.stemBits.ensure(size);
    this.stemBodyCounts.ensure(size);
    this.stemShared.push(false);
  });
  private readonly stemFirstWord = new Numbers(-1);
  private readonly stemShared: boolean[] = [];
  private readonly stemSeen = new Numbers(-1);
  private readonly stemBits = new Counts();
  /** Per stem, how often its words stand in the body of the publication being added. */
  private readonly stemBodyCounts = new Counts();
  /** Each distinct token as written: its words (a token may hold several) and capitals. */
  private tokens: TokenTable | null = new TokenTable((raw) => {
    const found = words(raw);
    return {
      ids: found.map((word) => this.wordId(word.term, word.lower)),
      capital: found[0]?.capital ?? false,
    };
  });
  private keys = new Float64Array(4096);
  private lastDoc = -1;
  private glossary: readonly AnalyzedTerm[][] = [];

  constructor(options: Partial<IndexOptions> = {}) {
    this.options = { ...DEFAULT_INDEX_OPTIONS, ...options };
  }

  /**
   * The builder's state after the publications added so far, as parts of a file (the
   * incremental build: docs/decisions/017-growing-archive.md). Every field the publications
   * change is in it but the token table, a memo that analyses each distinct token once: a
   * fresh one gives the same word ids (a word keeps the id it has) and writes nothing else. A
   * test lists the fields, so a new one cannot be left out unnoticed.
   */
  saveState(): Uint8Array[] {
    const state = new StateWriter();
    state.value(this.lastDoc);
    this.pool.save(state);
    this.words.save(state);
    this.wordOccurrences.save(state);
    this.wordCapitals.save(state);
    state.value([...this.wordLower]);
    for (const stems of this.wordStems) stems.save(state);
    this.stems.save(state);
    this.stemFirstWord.save(state);
    state.value(this.stemShared);
    this.stemSeen.save(state);
    this.stemBits.save(state);
    this.stemBodyCounts.save(state);
    return state.finish();
  }

  /** A builder as `saveState` left it, to add the publications after those. */
  static fromState(bytes: Uint8Array, options: Partial<IndexOptions> = {}): IndexBuilder {
    const builder = new IndexBuilder(options);
    const state = new StateReader(bytes);
    builder.lastDoc = state.number();
    builder.pool.restore(state);
    builder.words.restore(state);
    builder.wordOccurrences.restore(state);
    builder.wordCapitals.restore(state);
    const lower = state.value();
    if (!Array.isArray(lower)) throw new Error('the index state is not what this code wrote');
    for (const pair of lower) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'number' || typeof pair[1] !== 'string') {
        throw new Error('the index state is not what this code wrote');
      }
      builder.wordLower.set(pair[0], pair[1]);
    }
    for (const stems of builder.wordStems) stems.restore(state);
    builder.stems.restore(state);
    builder.stemFirstWord.restore(state);
    const shared = state.value();
    if (!Array.isArray(shared)) throw new Error('the index state is not what this code wrote');
    for (const value of shared) builder.stemShared.push(value === true);
    builder.stemSeen.restore(state);
    builder.stemBits.restore(state);
    builder.stemBodyCounts.restore(state);
    state.end();
    return builder;
  }

  /** The glossary's concepts, analysed (glossary/concepts.ts): written at `finish`. */
  setGlossary(concepts: readonly AnalyzedTerm[][]) {
    this.glossary = concepts;
  }

  /** Writes the glossary's concepts (concept-postings.ts); returns the index's concept entries. */
  private writeConcepts(write: FileSink): Map<string, string[]> {
    return writeConcepts(
      this.glossary,
      (key) => {
        const id = this.stems.idOf(key);
        return id === undefined ? null : this.stems.read(id, false);
      },
      write,
    );
  }

  /** Adds a publication; returns how many words its title, summary and body have. */
  addDocument(doc: number, document: IndexDocument): DocumentLengths {
    if (doc <= this.lastDoc) throw new Error('publications must be added in order');
    const tokens = this.tokens;
    if (!tokens) throw new Error('the index is finished');
    this.lastDoc = doc;
    // Every word of the publication as one number: word id, body or not, position. Sorted, they
    // group by word, in position order, with no object per occurrence.
    let length = 0;
    const note = (text: string, base: number): number => {
      let position = 0;
      tokens.scan(text, ({ ids, capital }) => {
        for (const id of ids) {
          if (length === this.keys.length) {
            const grown = new Float64Array(this.keys.length * 2);
            grown.set(this.keys);
            this.keys = grown;
          }
          const at = Math.min(
            base + position,
            base >= BODY_POSITION ? BODY_POSITION + MAX_POSITION : MAX_POSITION,
          );
          this.keys[length++] = id * WORD_SCALE + at;
          this.wordOccurrences.values[id] = (this.wordOccurrences.values[id] ?? 0) + 1;
          if (capital) this.wordCapitals.values[id] = (this.wordCapitals.values[id] ?? 0) + 1;
          position++;
        }
      });
      return position;
    };
    const lengths: DocumentLengths = {
      title: note(document.title, POSITION_BASE.title),
      summary: note(document.summary, POSITION_BASE.summary),
      body: 0,
    };
    document.tags.forEach((tag, index) => note(tag, POSITION_BASE.tags + index * TAG_STRIDE));
    lengths.body = note(document.body, BODY_POSITION);
    const sorted = this.keys.subarray(0, length).sort();

    const languageIndex = languageClass(document.language);
    const stems: number[] = [];
    const text: number[] = [];
    const body: number[] = [];
    let start = 0;
    while (start < length) {
      const id = Math.floor((sorted[start] ?? 0) / WORD_SCALE);
      text.length = 0;
      body.length = 0;
      let fields = 0;
      let end = start;
      for (; end < length; end++) {
        const key = sorted[end] ?? 0;
        if (Math.floor(key / WORD_SCALE) !== id) break;
        const at = key - id * WORD_SCALE;
        if (at >= BODY_POSITION) body.push(at - BODY_POSITION);
        else {
          text.push(at);
          fields |= fieldOf(at);
        }
      }
      if (body.length > 0) fields |= BODY_BIT;
      this.writeWord(id, doc, fields, text, body);
      const stemId = this.stemOf(id, languageIndex, document.language);
      if (stemId >= 0) {
        if (this.stemSeen.values[stemId] !== doc) {
          this.stemSeen.values[stemId] = doc;
          this.stemBits.values[stemId] = 0;
          this.stemBodyCounts.values[stemId] = 0;
          stems.push(stemId);
          if (this.stemFirstWord.values[stemId] !== id) {
            if (this.stemFirstWord.values[stemId] === -1) this.stemFirstWord.values[stemId] = id;
            else this.stemShared[stemId] = true;
          }
        } else if (this.stemFirstWord.values[stemId] !== id) {
          this.stemShared[stemId] = true;
        }
        this.stemBits.values[stemId] = (this.stemBits.values[stemId] ?? 0) | fields;
        this.stemBodyCounts.values[stemId] =
          (this.stemBodyCounts.values[stemId] ?? 0) + body.length;
      }
      start = end;
    }
    for (const stemId of stems) {
      this.writeStem(
        stemId,
        doc,
        this.stemBits.values[stemId] ?? 0,
        this.stemBodyCounts.values[stemId] ?? 0,
      );
    }
    return lengths;
  }

  private wordId(term: string, lower: string): number {
    const id = this.words.id(term);
    if (lower !== term && !this.wordLower.has(id)) this.wordLower.set(id, lower);
    return id;
  }

  /** A word's stem under the stemmer a publication in this language uses (-1: none). */
  private stemOf(id: number, languageIndex: number, language: string): number {
    const cache = this.wordStems[languageIndex] as Numbers;
    const known = cache.values[id] ?? -2;
    if (known !== -2) return known;
    const lower = this.wordLower.get(id) ?? this.words.terms[id] ?? '';
    const reader = stemLanguageOf(lower, language);
    const found = reader ? this.stems.id(foldText(stem(lower, reader))) : -1;
    cache.values[id] = found;
    return found;
  }

  /** A word's record for one publication: gap, bits, then its text and body positions. */
  private writeWord(id: number, doc: number, fields: number, text: number[], body: number[]) {
    const stream = this.words.begin(id, doc);
    this.pool.writeVarint(stream, fields);
    for (const list of [text, body]) {
      if (list.length === 0) continue;
      this.pool.writeVarint(stream, list.length);
      let previous = 0;
      for (const position of list) {
        this.pool.writeVarint(stream, position - previous);
        previous = position;
      }
    }
  }

  private writeStem(id: number, doc: number, bits: number, bodyCount: number) {
    const stream = this.stems.begin(id, doc);
    this.pool.writeVarint(stream, bits);
    if (bits & BODY_BIT) this.pool.writeVarint(stream, bodyCount);
  }

  /**
   * The entries of the vocabulary, sorted: words, Latin spellings of Cyrillic words, stems,
   * name keys. Every word has an entry of its own, so other entries may share its postings.
   */
  private *pendingEntries(concepts: Map<string, string[]>): Generator<Pending> {
    const spellings = new Map<string, Held>();
    const keys = new Map<string, Held>();
    const isName = (id: number) => {
      const occurrences = this.wordOccurrences.values[id] ?? 0;
      return occurrences > 0 && (this.wordCapitals.values[id] ?? 0) >= occurrences * NAME_SHARE;
    };
    this.words.terms.forEach((term, id) => {
      if (!/\p{L}/u.test(term)) return;
      const lower = this.wordLower.get(id) ?? term;
      // A Cyrillic word is also found, and quoted, by its Latin spelling (docs/decisions/009).
      if (hasCyrillic(lower)) {
        for (const latin of latinSpellings(lower)) {
          const spelling = spellingKey(foldText(latin));
          if (spelling.length > 1) hold(spellings, spelling, id);
        }
      }
      if (isName(id)) for (const key of nameKeys(lower)) hold(keys, key, id);
    });
    // A word that is its own stem, and the only word with it: its entry stands for the stem.
    const ownStem = new Set<number>();
    this.stems.terms.forEach((term, id) => {
      const word = this.stemFirstWord.values[id] ?? -1;
      if (!this.stemShared[id] && this.words.terms[word] === term) ownStem.add(word);
    });

    // Each kind's terms in order, merged: nothing but the term strings is held for the sort.
    yield* mergeKinds([
      {
        kind: KIND.word,
        terms: [...this.words.terms].sort(),
        entry: (term) => {
          const id = this.words.idOf(term) ?? -1;
          const flags = (isName(id) ? FLAG.name : 0) | (ownStem.has(id) ? FLAG.ownStem : 0);
          return { term, kind: KIND.word, flags, sources: id };
        },
      },
      {
        kind: KIND.stem,
        terms: [...this.stems.terms].sort(),
        entry: (term) => {
          const id = this.stems.idOf(term) ?? -1;
          const word = this.stemFirstWord.values[id] ?? -1;
          if (this.stemShared[id]) return { term, kind: KIND.stem, flags: 0, sources: id };
          if (this.words.terms[word] === term) return null;
          return { term, kind: KIND.stem, flags: 0, sources: id, alias: word };
        },
      },
      {
        kind: KIND.concept,
        terms: [...concepts.keys()].sort(),
        entry: (term) => ({
          term,
          kind: KIND.concept,
          flags: 0,
          sources: [],
          concepts: concepts.get(term) ?? [],
        }),
      },
      ...(
        [
          [KIND.spelling, spellings],
          [KIND.key, keys],
        ] as const
      ).map(([kind, map]) => ({
        kind,
        terms: [...map.keys()].sort(),
        entry: (term: string): Pending => {
          const held = map.get(term) ?? [];
          return typeof held === 'number'
            ? { term, kind, flags: 0, sources: held, alias: held }
            : { term, kind, flags: 0, sources: held };
        },
      })),
    ]);
  }

  finish(write: FileSink): IndexSummary {
    const options = this.options;
    // Every token of the archive has been read: what they were is not needed any more.
    this.tokens = null;
    const pending = this.pendingEntries(this.writeConcepts(write));
    const { blocks, completable, counts, files } = layBlocks(
      pending,
      (item, positions) =>
        item.kind === KIND.stem
          ? this.stems.read(idsOf(item.sources)[0] ?? 0, false)
          : union(idsOf(item.sources).map((id) => this.words.read(id, positions))),
      options,
      write,
    );
    // The directory holds, for each block, the shortest beginning of its first term that sorts
    // after the previous block's last: all a lookup needs, in half the bytes of whole terms.
    const keys = blocks.map((open, index) =>
      separator(blocks[index - 1]?.entries.at(-1)?.term, open.entries[0]?.term ?? ''),
    );
    const prefixes = addPrefixEntries(blocks, keys, completable, options.completions);
    const names = blocks.map((open) => {
      open.entries.sort(compareEntries);
      return write(indexFiles.block, encodeBlock(open.entries));
    });
    const directory = writeDirectory(keys, names, options.directoryPart, write);
    const fuzzyLists = writeFuzzyLists(
      completable.filter((entry) => entry.kind === KIND.word),
      options.fuzzyBlockTerms,
      write,
      (term) => {
        const id = this.words.idOf(term);
        return id === undefined ? undefined : this.wordLower.get(id);
      },
    );
    return {
      directory,
      fuzzy: fuzzyLists.directory,
      blocks: blocks.length,
      ...counts,
      prefixes,
      files,
      fuzzyBlocks: fuzzyLists.files,
    };
  }
}
