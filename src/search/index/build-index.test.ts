// @vitest-environment node
import { deflateRawSync } from 'node:zlib';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { random } from '../../testing/random.ts';
import { IndexReader } from '../core/index-reader.ts';
import { nameKeys } from '../analysis/name-key.ts';
import { stem, stemLanguageOf } from '../analysis/stem.ts';
import { foldText, words } from '../analysis/text.ts';
import { hasCyrillic, latinSpellings, spellingKey } from '../analysis/transliterate.ts';
import { IndexBuilder, type IndexDocument, type IndexOptions } from './build-index.ts';
import { contentName } from './build-data.ts';
import { HASH } from './files.ts';
import { blockOf, directoryPartSchema, prefixBlock, separator } from './directory.ts';
import {
  FIELD,
  FLAG,
  KIND,
  POSITION_BASE,
  TAG_STRIDE,
  type Entry,
  type Kind,
  type Location,
} from './format.ts';
import { decodeBlock } from './block-codec.ts';

/**
 * The index of a few hundred publications made from fixed word lists, checked against what the
 * publications say, worked out here on its own: which publications hold each word, in which
 * fields and at which positions; its stems, Latin spellings and name keys.
 */

/**
 * Words by language, the most used first. Cyrillic words of one language never appear in the
 * other's publications, so each is read by one stemmer. Names are written with a capital.
 */
type Words = { common: string[]; names: string[]; bodyOnly: string[]; titleOnly: string[] };
const VOCABULARY: Record<'be' | 'ru' | 'en', Words> = {
  be: {
    common: [
      'на',
      'суд',
      'палітвязні',
      'парушаецца',
      'затрыманне',
      'журналісты',
      'свабода',
      'судзе',
      'парушалася',
      'палітвязняў',
      'прысуд',
      'суды',
      'журналіст',
      'адвакат',
      'праваабаронца',
      'ператрус',
      'свабоды',
      'вызвалены',
      'прысуды',
      'затрыманні',
      'палітвязень',
      'журналістаў',
      'сходаў',
      'парушэнне',
      'адвакаты',
      'праваабаронцы',
      'ператрусы',
      'detained',
    ],
    names: ['Бяляцкі', 'Лукашэнка', 'Вясна', 'Мінск', 'Бяляцкага', 'Калеснікава'],
    bodyOnly: ['кратамі', 'калоніі', 'этапаванне', 'перадача', 'пасылка', 'лісты', 'сустрэча'],
    titleOnly: ['заява', 'справаздача'],
  },
  ru: {
    common: [
      'на',
      'суда',
      'политзаключённые',
      'нарушается',
      'задержание',
      'журналисты',
      'свобода',
      'приговор',
      'судом',
      'нарушалась',
      'политзаключённых',
      'журналист',
      'адвокаты',
      'обыск',
      'задержания',
      'свободы',
      'приговора',
      'политзаключённый',
      'обыски',
      'журналистов',
    ],
    names: ['Беляцкий', 'Лукашенко', 'Весна', 'Минск', 'Беляцкого', 'Колесникова'],
    bodyOnly: ['колонии', 'этапирование', 'передача', 'посылка', 'письма', 'встреча'],
    titleOnly: ['заявление', 'доклад'],
  },
  en: {
    common: [
      'the',
      'of',
      'court',
      'prisoners',
      'political',
      'trial',
      'detained',
      'journalists',
      'freedom',
      'prisoner',
      'sentenced',
      'trials',
      'prison',
      'detention',
      'report',
      'reports',
      'activists',
      'lawyer',
      'searches',
      'released',
      'assembly',
      'appeal',
      'sentences',
      'courts',
      '2023',
      '2024',
    ],
    names: ['Bialiatski', 'Viasna', 'Minsk', 'Kalesnikava', 'Lukashenka', 'Hrodna'],
    bodyOnly: ['colony', 'transfer', 'parcel', 'letters', 'visit', 'protest', 'verdict'],
    titleOnly: ['statement', 'review'],
  },
};

const LANGUAGES = ['be', 'ru', 'en'] as const;
const PUBLICATIONS = 300;

function generate(): IndexDocument[] {
  const next = random(2024);
  const pick = (list: readonly string[]) => {
    // Zipf-like: the first words are by far the most used.
    const weights = list.map((_, rank) => 1 / (rank + 1));
    let left = next() * weights.reduce((sum, weight) => sum + weight, 0);
    for (let i = 0; i < list.length; i++) {
      left -= weights[i] ?? 0;
      if (left <= 0) return list[i] ?? '';
    }
    return list.at(-1) ?? '';
  };
  type Field = 'title' | 'summary' | 'tags' | 'body';
  const text = (language: (typeof LANGUAGES)[number], count: number, field: Field) => {
    const { common, names, bodyOnly, titleOnly } = VOCABULARY[language];
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const roll = next();
      let word =
        roll < 0.15
          ? pick(names)
          : roll < 0.2 && field === 'body'
            ? pick(bodyOnly)
            : roll < 0.25 && field === 'title'
              ? pick(titleOnly)
              : pick(common);
      if (i === 0 && field !== 'tags') word = word.charAt(0).toUpperCase() + word.slice(1);
      out.push(word);
    }
    return out.join(next() < 0.5 ? ' ' : ', ');
  };
  return Array.from({ length: PUBLICATIONS }, (_, doc) => {
    const language = LANGUAGES[doc % 3] ?? 'en';
    const long = doc % 7 === 0;
    return {
      language,
      title: text(language, 2 + Math.floor(next() * 5), 'title'),
      summary: text(language, Math.floor(next() * 10), 'summary'),
      tags: Array.from({ length: Math.floor(next() * 3) }, () => text(language, 2, 'tags')),
      body: text(language, long ? 150 : Math.floor(next() * 40), 'body'),
    };
  });
}

/** A word's occurrences in one publication. */
type Occurrence = { fields: number; body: boolean; text: number[]; bodyAt: number[] };

type WordFacts = {
  lower: string;
  occurrences: number;
  capitals: number;
  docs: Map<number, Occurrence>;
};

/** What the publications hold, worked out without the builder. */
function factsOf(documents: readonly IndexDocument[]) {
  const vocabulary = new Map<string, WordFacts>();
  /** Per stem: the words read to it, and per publication the fields they stand in (8: body). */
  const stems = new Map<string, { words: Set<string>; docs: Map<number, number> }>();
  documents.forEach((document, doc) => {
    const note = (text: string, base: number | null) => {
      words(text).forEach((word, position) => {
        let facts = vocabulary.get(word.term);
        if (!facts) {
          facts = { lower: word.lower, occurrences: 0, capitals: 0, docs: new Map() };
          vocabulary.set(word.term, facts);
        }
        facts.occurrences++;
        if (word.capital) facts.capitals++;
        let occurrence = facts.docs.get(doc);
        if (!occurrence) {
          occurrence = { fields: 0, body: false, text: [], bodyAt: [] };
          facts.docs.set(doc, occurrence);
        }
        let bits = 8;
        if (base === null) {
          occurrence.body = true;
          occurrence.bodyAt.push(position);
        } else {
          bits =
            base >= POSITION_BASE.tags
              ? FIELD.tags
              : base >= POSITION_BASE.summary
                ? FIELD.summary
                : FIELD.title;
          occurrence.fields |= bits;
          occurrence.text.push(base + position);
        }
        const reader = stemLanguageOf(word.lower, document.language);
        if (reader) {
          const value = foldText(stem(word.lower, reader));
          let known = stems.get(value);
          if (!known) stems.set(value, (known = { words: new Set(), docs: new Map() }));
          known.words.add(word.term);
          known.docs.set(doc, (known.docs.get(doc) ?? 0) | bits);
        }
      });
    };
    note(document.title, POSITION_BASE.title);
    note(document.summary, POSITION_BASE.summary);
    document.tags.forEach((tag, index) => note(tag, POSITION_BASE.tags + index * TAG_STRIDE));
    note(document.body, null);
  });

  const isName = (facts: WordFacts) => facts.capitals * 2 >= facts.occurrences;
  /** Latin spellings of Cyrillic words (by their key) and the written words each holds. */
  const spellings = new Map<string, Set<string>>();
  for (const [term, facts] of vocabulary) {
    if (!hasCyrillic(facts.lower)) continue;
    for (const spelling of latinSpellings(facts.lower)) {
      const key = spellingKey(foldText(spelling));
      if (key.length < 2) continue;
      let sources = spellings.get(key);
      if (!sources) spellings.set(key, (sources = new Set()));
      sources.add(term);
    }
  }
  const keys = new Map<string, Set<string>>();
  for (const [term, facts] of vocabulary) {
    if (!isName(facts)) continue;
    for (const key of nameKeys(facts.lower)) {
      let sources = keys.get(key);
      if (!sources) keys.set(key, (sources = new Set()));
      sources.add(term);
    }
  }
  return { vocabulary, stems, spellings, keys, isName };
}

/** Publications and their field bits (8: body) where any of `terms` stands. */
function docsOf(
  vocabulary: Map<string, WordFacts>,
  terms: Iterable<string>,
): Map<number, { fields: number; body: boolean; text: number[]; bodyAt: number[] }> {
  const out = new Map<number, Occurrence>();
  for (const term of terms) {
    for (const [doc, occurrence] of vocabulary.get(term)?.docs ?? []) {
      const known = out.get(doc) ?? { fields: 0, body: false, text: [], bodyAt: [] };
      known.fields |= occurrence.fields;
      known.body ||= occurrence.body;
      known.text = [...new Set([...known.text, ...occurrence.text])].sort((a, b) => a - b);
      known.bodyAt = [...new Set([...known.bodyAt, ...occurrence.bodyAt])].sort((a, b) => a - b);
      out.set(doc, known);
    }
  }
  return out;
}

/** Text side: [doc, fields] sorted; body side: docs sorted. */
function expectedLists(docs: Map<number, { fields: number; body: boolean }>) {
  const sorted = [...docs.entries()].sort((a, b) => a[0] - b[0]);
  return {
    text: sorted.filter(([, o]) => o.fields !== 0).map(([doc, o]) => [doc, o.fields]),
    body: sorted.filter(([, o]) => o.body).map(([doc]) => doc),
  };
}

const OPTIONS: Partial<IndexOptions> = {
  blockBytes: 250,
  companionBytes: 300,
  inlineTextBytes: 16,
  companionListBytes: 20,
  positionChunkBytes: 40,
  packFileBytes: 256,
  fuzzyBlockTerms: 20,
  completions: 4,
  directoryPart: 5,
};

const documents = generate();
const facts = factsOf(documents);
const files = new Map<string, Uint8Array>();
const builder = new IndexBuilder(OPTIONS);
documents.forEach((document, doc) => builder.addDocument(doc, document));
const encoder = new TextEncoder();
const summary = builder.finish((template, content) => {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  const name = contentName(template, bytes);
  // A file of the same bytes may be asked for twice (it is the same file, one name).
  if (files.has(name) && files.get(name)?.join() !== bytes.join()) {
    throw new Error(`${name} written twice with other bytes`);
  }
  files.set(name, bytes);
  return name;
});
const reader = new IndexReader(
  {
    read: (name) => {
      const content = files.get(name);
      if (!content) throw new Error(`no file ${name}`);
      // As the build stores them: binary files deflated (compression.ts).
      return name.endsWith('.bin') ? deflateRawSync(content) : content;
    },
  },
  summary.directory,
  summary.fuzzy,
);
const decoder = new TextDecoder();
/** The directory's parts, in order. */
const parts = summary.directory.map(([top, name]) => {
  const content = v.parse(directoryPartSchema, JSON.parse(decoder.decode(files.get(name))));
  expect(content.keys[0]).toBe(top);
  expect(content.blocks).toHaveLength(content.keys.length);
  return content;
});
/** One key and one file a block: each part but the last also names the next part's first. */
const keysOfBlocks = parts.flatMap((part, index) =>
  index < parts.length - 1 ? part.keys.slice(0, -1) : part.keys,
);
const blockFiles = parts.flatMap((part, index) =>
  index < parts.length - 1 ? part.blocks.slice(0, -1) : part.blocks,
);
const blocks: Entry[][] = blockFiles.map((name) => {
  const bytes = files.get(name);
  if (!bytes) throw new Error(`no block ${name}`);
  return decodeBlock(bytes);
});
/** Each entry's block, by kind and term. */
const blockOfEntry = new Map<string, number>();
blocks.forEach((entries, index) => {
  for (const entry of entries) blockOfEntry.set(`${entry.kind}:${entry.term}`, index);
});
const lookup = (term: string, kind: Kind) => {
  const index = blockOfEntry.get(`${kind}:${term}`);
  return index === undefined
    ? undefined
    : blocks[index]?.find((entry) => entry.term === term && entry.kind === kind);
};

/** An entry's postings as the reader reads them. */
async function listsOf(entry: Entry) {
  const text = entry.text ? await reader.read(entry.text, 'text') : null;
  const body = entry.body ? await reader.read(entry.body, 'body') : null;
  return {
    text: text ? [...text.docs].map((doc, i) => [doc, text.fields?.[i] ?? -1]) : [],
    body: body ? [...body.docs] : [],
  };
}

describe('the files', () => {
  /** The kind of a file, from its name (files.ts), or undefined. */
  const kinds: Record<string, RegExp> = {
    'directory part': /^index\/dir\.[0-9a-f]{16}\.json$/,
    block: /^index\/d\.[0-9a-f]{16}\.bin$/,
    companion: /^index\/b\.[0-9a-f]{16}\.bin$/,
    'text pack': /^index\/tp\.[0-9a-f]{16}\.bin$/,
    'body pack': /^index\/bp\.[0-9a-f]{16}\.bin$/,
    'positions pack': /^index\/xp\.[0-9a-f]{16}\.bin$/,
    'fuzzy list': /^index\/f\.[0-9a-f]{16}\.json$/,
    'fuzzy directory': /^index\/fuzzy\.[0-9a-f]{16}\.json$/,
  };
  const kindOf = (name: string) => Object.keys(kinds).find((kind) => kinds[kind]?.test(name));

  it('are named as files.ts names them, by the hash of their bytes', () => {
    const seen = new Map<string, number>();
    for (const [name, bytes] of files) {
      const kind = kindOf(name);
      expect(kind, name).toBeDefined();
      if (kind) seen.set(kind, (seen.get(kind) ?? 0) + 1);
      const template = name.replace(/\.[0-9a-f]{16}\./, `.${HASH}.`);
      expect(contentName(template, bytes)).toBe(name);
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(kinds).sort());
    expect(seen.get('block')).toBe(summary.blocks);
    expect(seen.get('fuzzy directory')).toBe(1);
    expect(seen.get('positions pack')).toBe(summary.files.positions);
  });

  it('keep pack files at their fixed size: every one of a block full but its last', () => {
    // The files a location runs across: all full, but the last may be shorter.
    let long = 0;
    for (const entries of blocks) {
      for (const entry of entries) {
        for (const location of [
          entry.text,
          entry.body,
          ...entry.bodyPositions.map((c) => c.location),
        ]) {
          if (location?.in !== 'files' || location.files.length < 2) continue;
          long++;
          for (const name of location.files.slice(0, -1)) {
            expect(files.get(name)?.length, name).toBe(OPTIONS.packFileBytes);
          }
        }
      }
    }
    expect(long).toBeGreaterThan(0);
    for (const [name, bytes] of files) {
      if (/^index\/(tp|bp|xp)\./.test(name)) {
        expect(bytes.length).toBeLessThanOrEqual(OPTIONS.packFileBytes ?? 0);
      }
    }
  });

  it('keep every companion within its size', () => {
    for (const [name, content] of files) {
      if (kindOf(name) === 'companion') {
        expect(content.length, name).toBeLessThanOrEqual(
          (OPTIONS.companionBytes ?? 0) + (OPTIONS.companionListBytes ?? 0),
        );
      }
    }
  });
});

describe('blocks and the directory', () => {
  /** Entries that are looked up by term (prefix entries go where their prefix's words are). */
  const lookedUp = blocks.map((entries) => entries.filter((entry) => entry.kind !== KIND.prefix));

  it('cut a small block size into many blocks, sorted across them', () => {
    expect(blocks.length).toBeGreaterThan(20);
    expect(summary.blocks).toBe(blocks.length);
    const all = lookedUp.flat();
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1] as Entry, all[i] as Entry];
      expect(a.term < b.term || (a.term === b.term && a.kind < b.kind), `${a.term} ${b.term}`).toBe(
        true,
      );
    }
    expect(lookedUp.every((entries) => entries.length > 0)).toBe(true);
  });

  it('keys each block by the shortest beginning of its first term after the last before it', () => {
    expect(keysOfBlocks[0]).toBe('');
    for (let i = 1; i < blocks.length; i++) {
      const key = keysOfBlocks[i] ?? '';
      const first = lookedUp[i]?.[0]?.term ?? '';
      const previous = lookedUp[i - 1]?.at(-1)?.term ?? '';
      expect(first.startsWith(key), `${key} begins ${first}`).toBe(true);
      expect(key > previous, `${key} after ${previous}`).toBe(true);
      // Shorter would not do.
      expect(key.slice(0, -1) <= previous, `${key} is the shortest`).toBe(true);
      expect(separator(previous, first)).toBe(key);
    }
    // Keys are much shorter than whole terms.
    const keyLength = keysOfBlocks.join('').length;
    const termLength = lookedUp.map((entries) => entries[0]?.term ?? '').join('').length;
    expect(keyLength).toBeLessThan(termLength);
  });

  it('lets blockOf find the block of every term', () => {
    lookedUp.forEach((entries, index) => {
      for (const entry of entries)
        expect(blockOf(keysOfBlocks, entry.term), entry.term).toBe(index);
    });
  });

  it('holds every word, stem and name key once', () => {
    const count = (kind: Kind) => lookedUp.flat().filter((entry) => entry.kind === kind).length;
    // A word that is its own stem, and the only word with it, stands for its stem.
    const ownStem = (value: string, held: Set<string>) => held.size === 1 && held.has(value);
    const stemEntries = lookedUp.flat().filter((entry) => entry.kind === KIND.stem);
    expect(count(KIND.word)).toBe(facts.vocabulary.size);
    expect(count(KIND.spelling)).toBe(facts.spellings.size);
    expect(stemEntries).toHaveLength(
      [...facts.stems].filter(([value, { words: held }]) => !ownStem(value, held)).length,
    );
    expect(count(KIND.key)).toBe(facts.keys.size);
    expect(summary.words).toBe(facts.vocabulary.size);
    expect(summary.spellings).toBe(facts.spellings.size);
    expect(summary.keys).toBe(facts.keys.size);
    const terms = lookedUp.flat().map((entry) => `${entry.kind}:${entry.term}`);
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('travels lists of every kind: inline and in packs, in companions and in packs', () => {
    const entries = lookedUp.flat();
    const where = (location: Location | null) =>
      location?.in === 'files'
        ? (location.files[0] ?? '').replace(/\.[0-9a-f]+\.bin$/, '')
        : (location?.in ?? 'none');
    expect(new Set(entries.map((entry) => where(entry.text)))).toEqual(
      new Set(['block', 'index/tp', 'none']),
    );
    expect(new Set(entries.map((entry) => where(entry.body)))).toEqual(
      new Set(['index/b', 'index/bp', 'none']),
    );
    expect(entries.some((entry) => entry.bodyPositions.length > 3)).toBe(true);
  });
});

describe('prefix entries', () => {
  /** What a prefix may be the beginning of: words, and Latin spellings of Cyrillic words. */
  const completable = [
    ...[...facts.vocabulary.keys()].map((term) => ({ term, kind: KIND.word, held: [term] })),
    ...[...facts.spellings].map(([term, held]) => ({ term, kind: KIND.spelling, held: [...held] })),
  ];
  const termBlocks: { term: string; block: number }[] = [];
  blocks.forEach((entries, block) => {
    for (const entry of entries) {
      if (entry.kind === KIND.word || entry.kind === KIND.spelling) {
        termBlocks.push({ term: entry.term, block });
      }
    }
  });
  const used = (held: string[]) => {
    const lists = expectedLists(docsOf(facts.vocabulary, held));
    return lists.text.length + lists.body.length;
  };
  /** The most used beginning with `prefix` (not the prefix itself), the likeliest first. */
  const mostUsed = (prefix: string) =>
    completable
      .filter(({ term }) => term !== prefix && term.startsWith(prefix))
      .map(({ term, kind, held }) => ({ term, kind, count: used(held) }))
      .sort(
        (a, b) =>
          b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : a.kind - b.kind),
      )
      .slice(0, OPTIONS.completions);

  const prefixes = new Set<string>();
  for (const { term } of completable) {
    for (let length = 1; length <= term.length; length++) prefixes.add(term.slice(0, length));
  }
  const spanning = [...prefixes].filter((prefix) => {
    const held = new Set<number>();
    for (const { term, block } of termBlocks) if (term.startsWith(prefix)) held.add(block);
    return held.size > 1;
  });

  it('exist for every prefix whose words run across blocks, where prefixBlock looks', () => {
    expect(spanning.length).toBeGreaterThan(10);
    expect(spanning.some((prefix) => [...prefix].length >= 3)).toBe(true);
    for (const prefix of spanning) {
      const block = blocks[prefixBlock(keysOfBlocks, prefix)] ?? [];
      const entry = block.find((item) => item.kind === KIND.prefix && item.term === prefix);
      expect(entry, prefix).toBeDefined();
    }
  });

  it('list the most used words first, with their own postings', () => {
    const all = blocks.flat().filter((entry) => entry.kind === KIND.prefix);
    expect(all.length).toBeGreaterThanOrEqual(spanning.length);
    for (const entry of all) {
      expect(
        entry.completions.map(({ term, kind, textCount, bodyCount }) => ({
          term,
          kind,
          count: textCount + bodyCount,
        })),
        entry.term,
      ).toEqual(mostUsed(entry.term));
      for (const completion of entry.completions) {
        const word = lookup(completion.term, completion.kind);
        expect(completion.text, completion.term).toEqual(word?.text ?? null);
        expect(completion.body, completion.term).toEqual(word?.body ?? null);
      }
    }
    expect(all.some((entry) => entry.completions.length === OPTIONS.completions)).toBe(true);
  });
});

describe('postings', () => {
  it('list exactly the publications that hold each word, in titles, summaries, tags and bodies', async () => {
    let checked = 0;
    const all = [
      ...[...facts.vocabulary.keys()].map((term) => ({ term, kind: KIND.word, held: [term] })),
      ...[...facts.spellings].map(([term, held]) => ({ term, kind: KIND.spelling, held })),
    ];
    for (const { term, kind, held } of all) {
      const entry = await reader.entry(term, kind);
      expect(entry, term).toBeDefined();
      if (!entry) continue;
      const expected = expectedLists(docsOf(facts.vocabulary, held));
      expect(await listsOf(entry), term).toEqual(expected);
      expect(entry.textCount, term).toBe(expected.text.length);
      expect(entry.bodyCount, term).toBe(expected.body.length);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('give each word its positions in each publication, in chunks', async () => {
    const all = [
      ...[...facts.vocabulary.keys()].map((term) => ({ term, kind: KIND.word, held: [term] })),
      ...[...facts.spellings].map(([term, held]) => ({ term, kind: KIND.spelling, held })),
    ];
    for (const { term, kind, held } of all) {
      const entry = await reader.entry(term, kind);
      if (!entry) throw new Error(`no ${term}`);
      const docs = docsOf(facts.vocabulary, held);
      for (const side of ['text', 'body'] as const) {
        const location = side === 'text' ? entry.text : entry.body;
        if (!location) continue;
        const postings = await reader.read(location, side);
        const chunks = side === 'text' ? entry.textPositions : entry.bodyPositions;
        const found = await reader.positions(chunks, postings.docs, new Set(postings.docs));
        const expected = new Map(
          [...postings.docs].map((doc) => {
            const occurrence = docs.get(doc);
            return [doc, (side === 'text' ? occurrence?.text : occurrence?.bodyAt) ?? []];
          }),
        );
        expect(found, `${term} ${side}`).toEqual(expected);
      }
    }
  });

  it('give a stem the publications of every word read to it', async () => {
    let shared = 0;
    for (const [value, { words: held, docs }] of facts.stems) {
      const entry = await reader.entry(value, KIND.stem);
      if (held.size === 1 && held.has(value)) {
        // The word is its own stem, and the only word with it: its entry stands for the stem.
        expect(entry, value).toBeUndefined();
        expect((lookup(value, KIND.word)?.flags ?? 0) & FLAG.ownStem, value).toBe(FLAG.ownStem);
        continue;
      }
      expect(entry, value).toBeDefined();
      if (!entry) continue;
      if (held.size > 1) shared++;
      const bits = new Map(
        [...docs].map(([doc, fields]) => [doc, { fields: fields & 7, body: (fields & 8) !== 0 }]),
      );
      expect(await listsOf(entry), value).toEqual(expectedLists(bits));
    }
    expect(shared).toBeGreaterThan(10);
  });

  // A word that is its own stem stands for it even where a Cyrillic word is spelt the same in
  // Latin ("minsk": Minsk, Мінск, Минск; "bialiatski": Bialiatski, Бяляцкі): the spelling is an
  // entry of its own.
  it('keeps the stem of a word that is also the Latin spelling of a Cyrillic word', async () => {
    for (const term of ['minsk', 'bialiatski']) {
      expect(facts.stems.get(term)?.words).toEqual(new Set([term]));
      expect(facts.spellings.get(term)?.size).toBeGreaterThan(0);
      const stemEntry = await reader.entry(term, KIND.stem);
      const word = await reader.entry(term, KIND.word);
      const standsForStem = stemEntry ?? (word && word.flags & FLAG.ownStem ? word : undefined);
      expect(standsForStem, term).toBeDefined();
    }
  });

  it('give a name key the publications of every name with it', async () => {
    expect(facts.keys.size).toBeGreaterThan(5);
    for (const [key, held] of facts.keys) {
      const entry = await reader.entry(key, KIND.key);
      expect(entry, key).toBeDefined();
      if (!entry) continue;
      expect(await listsOf(entry), key).toEqual(expectedLists(docsOf(facts.vocabulary, held)));
    }
  });

  it('flag names, and words that are their own stem', () => {
    for (const [term, known] of facts.vocabulary) {
      const flags = lookup(term, KIND.word)?.flags ?? -1;
      expect((flags & FLAG.name) !== 0, `${term} name`).toBe(facts.isName(known));
      const own = facts.stems.get(term);
      const ownStem = own?.words.size === 1 && own.words.has(term);
      expect((flags & FLAG.ownStem) !== 0, `${term} own stem`).toBe(ownStem);
    }
    expect(lookup('bialiatski', KIND.word)?.flags ?? 0).toBe(FLAG.name | FLAG.ownStem);
    expect(lookup('палітвязні', KIND.word)?.flags ?? -1).toBe(0);
  });
});

describe('shared postings', () => {
  it('give a Latin spelling of one Cyrillic word that word’s lists, not a copy', () => {
    let shared = 0;
    for (const [term, sources] of facts.spellings) {
      if (sources.size !== 1) continue;
      const [source] = [...sources];
      const spelling = lookup(term, KIND.spelling);
      const word = lookup(source ?? '', KIND.word);
      expect(spelling?.text, term).toEqual(word?.text);
      expect(spelling?.body, term).toEqual(word?.body);
      expect(spelling?.textPositions, term).toEqual(word?.textPositions);
      expect(spelling?.bodyPositions, term).toEqual(word?.bodyPositions);
      if (spelling?.body?.in === 'files') shared++;
    }
    // Lists in packs and companions are shared where they are: same file, same offset.
    expect(shared).toBeGreaterThan(3);
    expect(lookup('palitviazniau', KIND.spelling)?.body).toEqual(
      lookup('палітвязняу', KIND.word)?.body,
    );
  });

  it('give a stem held by one word that word’s lists', () => {
    let checked = 0;
    for (const [value, { words: held }] of facts.stems) {
      if (held.size !== 1 || held.has(value)) continue;
      const [only] = [...held];
      const stemEntry = lookup(value, KIND.stem);
      const word = lookup(only ?? '', KIND.word);
      expect(stemEntry?.text, value).toEqual(word?.text);
      expect(stemEntry?.body, value).toEqual(word?.body);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
    // "detained" alone reads to "detain".
    expect(lookup('detain', KIND.stem)?.body).toEqual(lookup('detained', KIND.word)?.body);
  });

  it('give a spelling or a stem held by several words the union of their publications', async () => {
    // The spelling "minsk": Мінск and Минск; the stem "prison": prison, prisoner, prisoners.
    const minsk = lookup('minsk', KIND.spelling);
    if (!minsk) throw new Error('missing minsk');
    const bodyDocs = (terms: string[]) => expectedLists(docsOf(facts.vocabulary, terms)).body;
    const union = bodyDocs(['мінск', 'минск']);
    expect((await listsOf(minsk)).body).toEqual(union);
    for (const term of ['мінск', 'минск']) {
      expect(bodyDocs([term]).length).toBeGreaterThan(0);
      expect(bodyDocs([term]).length).toBeLessThan(union.length);
    }

    const prison = lookup('prison', KIND.stem);
    if (!prison) throw new Error('missing stem prison');
    const forms = bodyDocs(['prison', 'prisoner', 'prisoners']);
    expect((await listsOf(prison)).body).toEqual(forms);
    expect(forms.length).toBeGreaterThan(bodyDocs(['prisoners']).length);
  });
});
