// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { random } from '../../testing/random.ts';
import type { Corpus } from '../../corpus/schema.ts';
import { htmlToText } from '../analysis/html-text.ts';
import { foldText, words } from '../analysis/text.ts';
import { hasCyrillic, latinSpellings, spellingKey } from '../analysis/transliterate.ts';
import { KIND, type Location } from '../index/format.ts';
import { countLevel, countOfLevel } from '../index/fuzzy-lists.ts';
import { searchFixture, TINY_INDEX } from '../../testing/search-fixture.ts';
import { COMPLETIONS, IndexReader } from './index-reader.ts';

/**
 * The reader over an index cut into tiny files, checked against the corpus itself: what a prefix
 * completes to and what a typo stands for are worked out here from the publications' words.
 */

/**
 * Words of two to four syllables: many share their beginnings (busy prefixes) and many are a
 * letter or two apart (typos), in Latin and Cyrillic letters.
 */
function vocabulary(next: () => number, syllables: string[], count: number): string[] {
  const found = new Set<string>();
  while (found.size < count) {
    const length = 2 + Math.floor(next() * 3);
    let word = '';
    for (let i = 0; i < length; i++) word += syllables[Math.floor(next() * syllables.length)];
    found.add(word);
  }
  return [...found];
}

function generate(): Corpus {
  const next = random(99);
  const latin = vocabulary(next, ['pa', 'ra', 'to', 'ki', 'mo', 'ne', 'sa', 'pra', 'vi'], 260);
  const cyrillic = vocabulary(next, ['па', 'ра', 'та', 'кі', 'мо', 'не', 'ся', 'ву', 'дзе'], 160);
  const pick = (list: string[]) => {
    // Zipf-like: the first words are used far more than the last.
    const rank = Math.floor(list.length ** next()) - 1;
    return list[Math.max(0, Math.min(list.length - 1, rank))] ?? '';
  };
  const text = (count: number, list: string[]) =>
    Array.from({ length: count }, () => pick(list)).join(' ');
  return {
    version: 1,
    name: 'Generated',
    language: 'en',
    types: [{ id: 'note', label: 'Note' }],
    organizations: [],
    publications: Array.from({ length: 240 }, (_, i) => {
      const list = i % 3 === 0 ? cyrillic : latin;
      return {
        id: `p${i}`,
        title: text(2 + Math.floor(next() * 4), list),
        type: 'note',
        organizations: [],
        date: `20${10 + (i % 14)}-0${1 + (i % 9)}-1${i % 10}`,
        language: i % 3 === 0 ? 'be' : 'en',
        summary: text(Math.floor(next() * 6), list),
        tags: next() < 0.3 ? [text(1, list)] : [],
        body: `<p>${text(Math.floor(next() * 30), list)}</p>`,
      };
    }),
  };
}

const corpus = generate();
const fixture = await searchFixture(corpus, TINY_INDEX);
const source = {
  read: (name: string) => {
    const content = fixture.files.get(name);
    if (!content) throw new Error(`no file ${name}`);
    return content;
  },
};
const reader = new IndexReader(source, fixture.start.directory, fixture.start.fuzzy);

/**
 * The corpus's words, as the index holds them: each written word, and each Latin spelling of a
 * Cyrillic word, with the publications holding it in titles, summaries and tags, and in bodies.
 */
function wordsOfCorpus() {
  // Keyed by kind and term: a written word and a Latin spelling may be spelt alike ("minsk").
  const found = new Map<
    string,
    { term: string; kind: number; text: Set<number>; body: Set<number>; written: boolean }
  >();
  const add = (term: string, doc: number, body: boolean, written: boolean) => {
    const kind = written ? KIND.word : KIND.spelling;
    let known = found.get(`${kind}:${term}`);
    if (!known) {
      known = { term, kind, text: new Set(), body: new Set(), written };
      found.set(`${kind}:${term}`, known);
    }
    (body ? known.body : known.text).add(doc);
  };
  corpus.publications.forEach((publication, doc) => {
    const fields = [
      [publication.title, false],
      [publication.summary ?? '', false],
      ...(publication.tags ?? []).map((tag) => [tag, false] as const),
      [htmlToText(publication.body ?? ''), true],
    ] as const;
    for (const [text, body] of fields) {
      for (const word of words(text)) {
        add(word.term, doc, body, true);
        if (!hasCyrillic(word.lower)) continue;
        for (const key of new Set(
          latinSpellings(word.lower).map((spelling) => spellingKey(foldText(spelling))),
        )) {
          if (key.length >= 2) add(key, doc, body, false);
        }
      }
    }
  });
  return [...found.values()].map(({ term, kind, text, body, written }) => ({
    term,
    kind,
    count: text.size + body.size,
    written,
  }));
}

const corpusWords = wordsOfCorpus();
const writtenWords = new Set(corpusWords.filter((word) => word.written).map((word) => word.term));
const byUse = (
  a: { term: string; count: number; kind?: number },
  b: { term: string; count: number; kind?: number },
) =>
  b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : (a.kind ?? 0) - (b.kind ?? 0));

/** Edits from `a` to `b`, the textbook way (replace, insert, delete, swap two neighbours). */
function distance(a: string, b: string): number {
  const width = b.length + 1;
  const table = new Int32Array((a.length + 1) * width);
  for (let j = 0; j < width; j++) table[j] = j;
  for (let i = 1; i <= a.length; i++) {
    table[i * width] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (table[(i - 1) * width + j] ?? 0) + 1,
        (table[i * width + j - 1] ?? 0) + 1,
        (table[(i - 1) * width + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (table[(i - 2) * width + j - 2] ?? 0) + 1);
      }
      table[i * width + j] = value;
    }
  }
  return table[a.length * width + b.length] ?? 0;
}

describe('the index', () => {
  it('is cut into many blocks and fuzzy blocks', () => {
    const names = [...fixture.files.keys()];
    expect(names.filter((name) => /^index\/d\.[0-9a-f]+\.bin$/.test(name)).length).toBeGreaterThan(
      100,
    );
    expect(names.filter((name) => /^index\/f\.[0-9a-f]+\.json$/.test(name)).length).toBeGreaterThan(
      20,
    );
    expect(corpusWords.length).toBeGreaterThan(400);
  });
});

describe('completions', () => {
  const prefixes = new Set<string>();
  for (const { term } of corpusWords) {
    for (let length = 1; length <= 3; length++) prefixes.add(term.slice(0, length));
  }

  it('are the most used words beginning with every prefix of one to three letters', async () => {
    let full = 0;
    for (const prefix of prefixes) {
      const expected = corpusWords
        .filter(({ term }) => term !== prefix && term.startsWith(prefix))
        .map(({ term, kind, count }) => ({ term, kind, count }))
        .sort(byUse)
        .slice(0, COMPLETIONS);
      const found = (await reader.completions(prefix)).map(
        ({ term, kind, textCount, bodyCount }) => ({ term, kind, count: textCount + bodyCount }),
      );
      expect(found, prefix).toEqual(expected);
      if (expected.length === COMPLETIONS) full++;
    }
    // Busy prefixes (more words than a listing holds) and quiet ones alike.
    expect(full).toBeGreaterThan(20);
    expect(prefixes.size - full).toBeGreaterThan(20);
  });

  it('carry what reading their postings needs', async () => {
    for (const prefix of ['pa', 'ra', 'па', 'pra', 'vi']) {
      const completions = await reader.completions(prefix);
      expect(completions.length, prefix).toBeGreaterThan(0);
      for (const completion of completions) {
        const entry = await reader.entry(completion.term, completion.kind);
        expect(completion.text, completion.term).toEqual(entry?.text ?? null);
        expect(completion.body, completion.term).toEqual(entry?.body ?? null);
        if (completion.body) {
          const body = await reader.read(completion.body, 'body');
          expect(body.docs.length, completion.term).toBe(completion.bodyCount);
        }
      }
    }
  });

  it('are fewer when asked for fewer, and none for a prefix nothing begins with', async () => {
    const all = await reader.completions('pa');
    expect((await reader.completions('pa', 3)).map((c) => c.term)).toEqual(
      all.slice(0, 3).map((c) => c.term),
    );
    expect(await reader.completions('zzz')).toEqual([]);
    expect(await reader.completions('щщ')).toEqual([]);
  });
});

describe('typos', () => {
  /** The words a typo may be corrected to: words as written, not Latin spellings. */
  // The typo lists keep how used a word is as a level (fuzzy-lists.ts): what the reader sees.
  const written = corpusWords
    .filter((word) => word.written)
    .map(({ term, count }) => ({ term, count: countOfLevel(countLevel(count)) }));

  /** One-edit variants of `word`: a letter replaced, one dropped, one added, two swapped. */
  function variants(word: string): string[] {
    const letters = hasCyrillic(word) ? 'аокі' : 'aoki';
    const middle = Math.floor(word.length / 2);
    const replaced =
      word.slice(0, middle) + (word[middle] === letters[0] ? letters[1] : letters[0]);
    return [
      replaced + word.slice(middle + 1),
      word.slice(1),
      word.slice(0, -1),
      `${word}${letters[2]}`,
      `${letters[3]}${word}`,
      word.slice(0, middle - 1) +
        word.charAt(middle) +
        word.charAt(middle - 1) +
        word.slice(middle + 1),
    ];
  }

  it('are every word one edit from a typed word found nowhere, the most used first', async () => {
    let checked = 0;
    let withFarther = 0;
    for (const { term } of written) {
      for (const typed of variants(term)) {
        if (typed.length < 4 || writtenWords.has(typed)) continue;
        const allowance = typed.length >= 8 ? 2 : 1;
        const near = written
          .filter((word) => Math.abs(word.term.length - typed.length) <= allowance)
          .map((word) => ({ ...word, edits: distance(typed, word.term) }))
          .filter((word) => word.edits <= allowance);
        const expected = near
          .filter((word) => word.edits === 1)
          .sort(byUse)
          .slice(0, 5);
        if (near.some((word) => word.edits === 2)) withFarther++;
        const found = await reader.typos(typed);
        expect(
          found.map(({ term: found, edits, count }) => ({ term: found, edits, count })),
          typed,
        ).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // Words two edits away were there to be found, and were left out for those one away.
    expect(withFarther).toBeGreaterThan(50);
  }, 60_000);

  it('are two edits away only when no word is one edit away', async () => {
    let checked = 0;
    for (const { term, count } of written) {
      if (term.length < 8) continue;
      // The last two letters replaced: the beginning stays, so the plan finds the word.
      const typed = `${term.slice(0, -2)}${hasCyrillic(term) ? 'щщ' : 'ww'}`;
      const close = written.filter((word) => Math.abs(word.term.length - typed.length) <= 2);
      if (Math.min(...close.map((word) => distance(typed, word.term))) !== 2) continue;
      const found = await reader.typos(typed);
      expect(found.length, typed).toBeGreaterThan(0);
      for (const typo of found) {
        expect(typo.edits, typo.term).toBe(2);
        expect(distance(typed, typo.term), typo.term).toBe(2);
      }
      expect([...found].sort(byUse)).toEqual(found);
      const listed = found.some((typo) => typo.term === term);
      const crowded = found.length === 5 && found.every((typo) => typo.count >= count);
      expect(listed || crowded, `${typed} → ${term}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('are none for words of fewer than four letters', async () => {
    let checked = 0;
    for (const { term } of written) {
      if (term.length !== 4) continue;
      expect(await reader.typos(term.slice(0, 3)), term).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('ready', () => {
  it('is false for a companion not yet read, and true once it is', async () => {
    const fresh = new IndexReader(source, fixture.start.directory, fixture.start.fuzzy);
    const entries = await Promise.all(
      corpusWords.map(({ term, kind }) =>
        fresh.entry(term, kind === KIND.word ? KIND.word : KIND.spelling),
      ),
    );
    const inFile = (prefix: string) =>
      entries.find(
        (entry) => entry?.body?.in === 'files' && entry.body.files[0]?.startsWith(prefix),
      )?.body;
    const inCompanion = inFile('index/b.');
    const inPack = inFile('index/bp.');
    const inBlock = entries.find((entry) => entry?.text?.in === 'block')?.text;
    if (!inCompanion || !inPack || !inBlock) throw new Error('the index lacks a kind of location');

    expect(fresh.ready(inBlock)).toBe(true);
    for (const location of [inCompanion, inPack] satisfies Location[]) {
      expect(fresh.ready(location)).toBe(false);
      const postings = await fresh.read(location, 'body');
      expect(postings.docs.length).toBeGreaterThan(0);
      expect(fresh.ready(location)).toBe(true);
    }
  });
});
