// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../corpus/schema.ts';
import { nameKeys } from '../analysis/name-key.ts';
import { searchFixture, TINY_INDEX } from '../../testing/search-fixture.ts';
import { editDistance } from './fuzzy.ts';
import { DEFAULT_REQUEST, type SearchCore, type SearchRequest } from './search-core.ts';

/**
 * What a reader notices about word forms, typos and names, on a small archive in Belarusian,
 * Russian and English: each publication holds one form of a word or one spelling of a name, so
 * which publications a query finds says which forms and spellings it understood.
 */

type Publication = Corpus['publications'][number];

const publication = (id: string, language: string, title: string): Publication => ({
  id,
  title,
  type: 'news',
  organizations: [],
  date: '2023-05-01',
  language,
});

const corpus: Corpus = {
  version: 1,
  name: 'Word forms',
  language: 'en',
  types: [{ id: 'news', label: 'News' }],
  organizations: [],
  publications: [
    publication('be-parushaetstsa', 'be', 'Права на абарону ў судзе парушаецца'),
    publication('be-parushalasia', 'be', 'Свабода сходаў парушалася ўвесь год'),
    publication('be-palitviazni', 'be', 'Усе палітвязні атрымалі лісты'),
    publication('be-palitviazniau', 'be', 'Спіс палітвязняў расце'),
    publication('be-bialiatski', 'be', 'Алесь Бяляцкі застаецца за кратамі'),
    publication('be-lukashenka', 'be', 'Указ падпісаў Лукашэнка'),
    publication('be-kalesnikava', 'be', 'Марыя Калеснікава ў калоніі'),
    publication('ru-narushaetsya', 'ru', 'Право на защиту нарушается'),
    publication('ru-narushalas', 'ru', 'Свобода собраний нарушалась весь год'),
    publication('ru-lukashenko', 'ru', 'Указ подписал Лукашенко'),
    publication('ru-kolesnikova', 'ru', 'Мария Колесникова остаётся в колонии'),
    publication('en-prisoner', 'en', 'A prisoner of conscience was released'),
    publication('en-political-prisoners', 'en', 'The number of political prisoners grows'),
    publication('en-bialiatski', 'en', 'Ales Bialiatski sentenced to ten years'),
    publication('en-sentences', 'en', 'Courts handed down harsh sentences'),
    publication('en-helsinki', 'en', 'Belarusian Helsinki Committee on the elections'),
    publication('en-trial', 'en', 'The trial of journalists began'),
    publication('en-trials', 'en', 'Closed trials in Hrodna'),
    publication('en-trail', 'en', 'A hiking trail near Hrodna was closed'),
    publication('en-stolen', 'en', 'Police said the phones were stolen'),
    publication('en-stalin', 'en', 'Victims of Stalin remembered at Kurapaty'),
    publication('en-list', 'en', 'A list of detainees'),
    publication('ru-list', 'ru', 'Открытый лист адвокатам'),
  ],
};

const tiny = await searchFixture(corpus, TINY_INDEX);
const whole = await searchFixture(corpus, {});
const INDEXES = [
  ['tiny index files', tiny.core],
  ['index files of the default size', whole.core],
] as const;

const request = (query: string): SearchRequest => ({
  ...DEFAULT_REQUEST,
  query,
  sort: 'relevance',
  limit: 100,
});

/** Every query below: both indexes must answer each the same. */
const asked = new Set<string>();

function searcher(core: SearchCore) {
  /**
   * The ids of the publications holding every word (partial matches, and matches through the
   * glossary, aside), best first.
   */
  const ids = async (query: string) => {
    asked.add(query);
    return (await core.search(request(query))).hits
      .filter((hit) => !hit.partial && !hit.via)
      .map((hit) => hit.id);
  };
  /** The ids found, sorted, to compare as a set. */
  const idSet = async (query: string) => (await ids(query)).sort();
  return { ids, idSet };
}

it('cuts the index into many files with TINY_INDEX, and few without', () => {
  const blocks = (files: Map<string, Uint8Array>) =>
    [...files.keys()].filter((name) => /^index\/d\.[0-9a-f]+\.bin$/.test(name)).length;
  expect(blocks(tiny.files)).toBeGreaterThan(20);
  expect(blocks(whole.files)).toBeLessThan(3);
});

describe.each(INDEXES)('with %s', (_, core) => {
  const { ids, idSet } = searcher(core);

  describe('other forms of a word', () => {
    // Each query ends in a space: the word is complete, so only its forms can find the other.
    const pairs: [string, string, string][] = [
      ['парушаецца', 'be-parushaetstsa', 'be-parushalasia'],
      ['парушалася', 'be-parushalasia', 'be-parushaetstsa'],
      ['нарушается', 'ru-narushaetsya', 'ru-narushalas'],
      ['нарушалась', 'ru-narushalas', 'ru-narushaetsya'],
      ['prisoner', 'en-prisoner', 'en-political-prisoners'],
      ['prisoners', 'en-political-prisoners', 'en-prisoner'],
      ['палітвязні', 'be-palitviazni', 'be-palitviazniau'],
      ['палітвязняў', 'be-palitviazniau', 'be-palitviazni'],
    ];

    it.each(pairs)('"%s" finds the publication holding another form', async (query, own, other) => {
      expect(await idSet(`${query} `)).toEqual([own, other].sort());
    });

    it.each(pairs)('"%s" ranks the form as typed above the other', async (query, own, other) => {
      expect(await ids(`${query} `)).toEqual([own, other]);
      expect(await ids(query)).toEqual([own, other]);
    });

    // A typed word that is its own stem ("trial") finds the other words with that stem too, not
    // only while it is being typed.
    it('finds other forms of a word that is its own stem', async () => {
      expect(await idSet('trial ')).toEqual(['en-trial', 'en-trials']);
      expect(await idSet('trial Hrodna')).toEqual(['en-trials']);
    });

    // "list" is its own stem and the Latin spelling of the Russian "лист": two entries, so the
    // stem is still found.
    it('finds a word by its stem when a Cyrillic word is spelt so in Latin', async () => {
      expect(await ids('listed')).toEqual(['en-list']);
    });
  });

  describe('typos', () => {
    it('does not add near spellings of other words to a word found as typed', async () => {
      expect(editDistance('trial', 'trail', 1)).toBe(1);
      const trial = await ids('trial');
      expect(trial).toContain('en-trial');
      expect(trial).not.toContain('en-trail');
      expect(await ids('trail')).toEqual(['en-trail']);
      expect(await ids('stolen')).toEqual(['en-stolen']);
    });

    it('finds the near spellings of a word found nowhere', async () => {
      expect(await idSet('Bialatski')).toEqual(['be-bialiatski', 'en-bialiatski']);
      expect(await idSet('Helsinky Comittee')).toEqual(['en-helsinki']);
      expect(await idSet('jurnalists')).toEqual(['en-trial']);
    });

    it('prefers one typo to two', async () => {
      // "sentanced" is one edit from "sentenced" and two from "sentences".
      expect(editDistance('sentanced', 'sentenced', 2)).toBe(1);
      expect(editDistance('sentanced', 'sentences', 2)).toBe(2);
      expect(await ids('sentanced')).toEqual(['en-bialiatski']);
    });
  });

  describe('prefixes', () => {
    it('match only the last word, while it is being typed', async () => {
      expect(await ids('political prisoners')).toEqual(['en-political-prisoners']);
      expect(await ids('political pris')).toEqual(['en-political-prisoners']);
      // "poli" is no word, and no word's stem: only as the last word does it begin one.
      expect(await ids('poli prisoners')).toEqual([]);
      expect(await ids('prisoners poli')).toEqual(['en-political-prisoners']);
      expect(await ids('pris political')).toEqual([]);
      // A space after the word: it is complete.
      expect(await ids('political pris ')).toEqual([]);
    });
  });

  describe('names across spellings', () => {
    const bialiatski = ['be-bialiatski', 'en-bialiatski'];

    it.each(['Беляцкий', 'Беляцкого', 'Belyatsky', 'Бяляцкі', 'Bialiatski'])(
      '"%s" finds Бяляцкі and Bialiatski',
      async (query) => {
        expect(await idSet(query)).toEqual(bialiatski);
      },
    );

    it('finds Лукашэнка and Лукашенко by each other', async () => {
      expect(await ids('Лукашенко')).toEqual(['ru-lukashenko', 'be-lukashenka']);
      expect(await ids('Лукашэнка')).toEqual(['be-lukashenka', 'ru-lukashenko']);
    });

    it('finds Калеснікава and Колесникова by each other', async () => {
      expect(await ids('Колесникова')).toEqual(['ru-kolesnikova', 'be-kalesnikava']);
      expect(await ids('Калеснікава')).toEqual(['be-kalesnikava', 'ru-kolesnikova']);
    });

    it('does not find a name by a common word with the same consonants', async () => {
      // "stolen" and "Stalin" share a name key; only a name is looked up by it.
      const shared = nameKeys('stolen').filter((key) => nameKeys('stalin').includes(key));
      expect(shared).not.toEqual([]);
      expect(await ids('stolen')).toEqual(['en-stolen']);
      expect(await ids('stolen ')).toEqual(['en-stolen']);
      expect(await ids('Stalin')).toEqual(['en-stalin']);
    });
  });
});

it('answers every query the same with tiny and default index files', async () => {
  expect(asked.size).toBeGreaterThan(30);
  for (const query of asked) {
    const [a, b] = await Promise.all(
      [tiny.core, whole.core].map(async (core) => (await core.search(request(query))).hits),
    );
    expect(
      a?.map((hit) => hit.id),
      query,
    ).toEqual(b?.map((hit) => hit.id));
    expect(a, query).toEqual(b);
  }
});
