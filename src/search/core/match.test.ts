// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../corpus/schema.ts';
import { searchFixture } from '../../testing/search-fixture.ts';
import { DEFAULT_REQUEST, type SearchRequest, type SearchResponse } from '../protocol.ts';
import { FEW_FULL_MATCHES } from './match.ts';

/**
 * What a reader notices about partial matches and ranking (docs/decisions/016-ranking.md), on a
 * small archive written for it: which publications a query lists, in which order, and which are
 * marked as holding only some of its words.
 */

type Publication = Corpus['publications'][number];

const publication = (id: string, title: string, extra: Partial<Publication> = {}): Publication => ({
  id,
  title,
  type: 'news',
  organizations: [],
  date: '2021-05-01',
  language: 'ru',
  ...extra,
});

/** Filler sentences with none of the words the tests ask for. */
const filler = (sentences: number) =>
  Array.from(
    { length: sentences },
    (_, i) => `<p>Раздел ${i + 1}: общие сведения о работе организации за отчётный период.</p>`,
  ).join('');

const corpus: Corpus = {
  version: 1,
  name: 'Ranking',
  language: 'ru',
  types: [{ id: 'news', label: 'News' }],
  organizations: [
    {
      id: 'bhc',
      name: 'Belarusian Helsinki Committee',
      aliases: ['Беларускі Хельсінкскі камітэт', 'БХК'],
    },
  ],
  publications: [
    // An organization's publication whose text does not name it.
    publication('bhc-report', 'Monitoring of trials', { language: 'en', organizations: ['bhc'] }),
    // Texts that name "Helsinki" and a committee: a typo of either word is read as a typo of them.
    publication('helsinki-act', 'The Helsinki Final Act and the committee of ministers', {
      language: 'en',
    }),
    publication('verdict-leaflets', 'Приговор за листовки', {
      summary: 'Суд вынес приговор активисту.',
    }),
    publication('leaflets-metro', 'Листовки в метро', {
      summary: 'Обзор листовок, найденных в метро.',
    }),
    publication('verdict-other', 'Приговор по делу о кражах'),
    publication('metro-only', 'Метро закрыли на ремонт'),
    publication('za-only', 'Выступление за мир и согласие'),
    // A short record about a picket, and a long report that mentions the same words once.
    publication('picket-record', 'Пикет ЛГБТ активистов в центре города', {
      date: '2012-06-01',
    }),
    publication('long-report', 'Годовой доклад о положении', {
      date: '2012-12-01',
      body: `${filler(60)}<p>Упоминались также пикет и активисты ЛГБТ.</p>${filler(60)}`,
    }),
    // A year in the query: one publication of that year, one that names the year.
    publication('actions-2012', 'Акции протеста в Минске', { date: '2012-03-10' }),
    publication('glossary-2012', 'Глоссарий 2012: акции и термины', { date: '2019-01-01' }),
    publication('actions-2015', 'Акции солидарности', { date: '2015-03-10' }),
    // How often a word stands in a body of the same length.
    publication('torture-once', 'Отчёт номер один', {
      body: `<p>Пытки упомянуты.</p>${filler(10)}`,
    }),
    publication('torture-often', 'Отчёт номер два', {
      body: `<p>Пытки. Пытки в колонии. Пытки задержанных. Пытки и избиения. Пытки.</p>${filler(9)}`,
    }),
    // Belarusian in its two spellings and with a Latin letter.
    publication('be-official', 'Смяротнае пакаранне ў Беларусі', { language: 'be' }),
    publication('be-classical', 'Сьмяротнае пакараньне застаецца', { language: 'be' }),
    publication('be-latin-i', 'Надзвычайных сiтуацыях міністэрства', { language: 'be' }),
    // Across languages: the same subject in English, and a concept of the corpus's own glossary.
    publication('en-death-penalty', 'Death penalty in Belarus', { language: 'en' }),
    publication('en-xylophonist', 'A xylophonist detained in Hrodna', { language: 'en' }),
    // A concept's other word in the language typed, and its word in another (a shorter title).
    publication('ru-drummer', 'Ударник оркестра задержан в Гродно'),
    publication('en-drummer', 'Drummer detained', { language: 'en' }),
  ],
  glossary: [
    { terms: { ru: ['ксилофонист'], en: ['xylophonist'] } },
    { terms: { ru: ['барабанщик', 'ударник'], en: ['drummer'] } },
  ],
};

const { core } = await searchFixture(corpus);

const run = (query: string, more: Partial<SearchRequest> = {}): Promise<SearchResponse> =>
  core.search({ ...DEFAULT_REQUEST, query, sort: 'relevance', limit: 100, ...more });
const listed = async (query: string) => (await run(query)).hits.map((hit) => hit.id);

describe('partial matches', () => {
  // No publication holds all three of "приговор", "листовки" and "метро".
  const query = 'приговор за листовки в метро';

  it('list publications holding most of the words when none holds them all, marked', async () => {
    const response = await run(query);
    expect(response.hits.slice(0, 2).map((hit) => [hit.id, hit.partial])).toEqual(
      expect.arrayContaining([
        ['verdict-leaflets', { held: 2, of: 3 }],
        ['leaflets-metro', { held: 2, of: 3 }],
      ]),
    );
    expect(response.partial).toBe(response.total);
  });

  it('never list a publication for a stop word alone', async () => {
    expect(await listed(query)).not.toContain('za-only');
  });

  it('list those holding less of the query last, while the first screen is short', async () => {
    const found = await listed(query);
    // "приговор" alone is a third of the query: after those holding two thirds.
    expect(found.indexOf('verdict-other')).toBeGreaterThan(found.indexOf('verdict-leaflets'));
    expect(found.indexOf('metro-only')).toBeGreaterThan(found.indexOf('leaflets-metro'));
  });

  it('leave out those holding little of the query when enough hold most of it', async () => {
    const { core: many } = await searchFixture({
      ...corpus,
      publications: [
        ...corpus.publications,
        ...Array.from({ length: 10 }, (_, i) =>
          publication(`verdict-leaflets-metro-${i}`, `Приговор за листовки в метро, дело ${i + 1}`),
        ),
      ],
    });
    const response = await many.search({
      ...DEFAULT_REQUEST,
      query,
      sort: 'relevance',
      limit: 100,
    });
    const found = response.hits.map((hit) => hit.id);
    expect(found).toContain('verdict-leaflets-metro-9');
    expect(found).not.toContain('verdict-other');
    expect(found).not.toContain('metro-only');
  });

  it('follow the publications holding every word, and only when those are few', async () => {
    const response = await run('листовки метро');
    expect(response.hits[0]).toMatchObject({ id: 'leaflets-metro' });
    expect(response.hits[0]?.partial).toBeUndefined();
    expect(response.hits.length).toBeGreaterThan(1);
    expect(response.hits.slice(1).every((hit) => hit.partial)).toBe(true);
    expect(response.total).toBe(1 + (response.partial ?? 0));
    expect(FEW_FULL_MATCHES).toBeGreaterThanOrEqual(10);
  });

  it('list anything holding one of the words when nothing holds more', async () => {
    // "ксилофон" stands nowhere: the publications with "приговор" are all there is, holding 1
    // of 2 words.
    const response = await run('приговор ксилофон');
    expect(response.hits.map((hit) => [hit.id, hit.partial])).toEqual(
      expect.arrayContaining([
        ['verdict-leaflets', { held: 1, of: 2 }],
        ['verdict-other', { held: 1, of: 2 }],
      ]),
    );
    expect(response.total).toBe(2);
  });

  it('list the publications of each of two words when none holds both, however rare each', async () => {
    // Ten hold one word, eleven the other: by rarity, each holds about half of the query.
    const { core: halves } = await searchFixture({
      ...corpus,
      publications: [
        ...corpus.publications,
        ...Array.from({ length: 10 }, (_, i) => publication(`hunger-${i}`, `Голодовка ${i + 1}`)),
        ...Array.from({ length: 11 }, (_, i) => publication(`sit-in-${i}`, `Пикет номер ${i + 1}`)),
      ],
    });
    const response = await halves.search({
      ...DEFAULT_REQUEST,
      query: 'голодовка пикет',
      sort: 'relevance',
      limit: 100,
    });
    const found = response.hits.map((hit) => hit.id);
    expect(found.filter((id) => id.startsWith('hunger-'))).toHaveLength(10);
    expect(found.filter((id) => id.startsWith('sit-in-'))).toHaveLength(11);
  });

  it('come after full matches whatever the order asked for', async () => {
    const response = await run('листовки метро', { sort: 'oldest' });
    expect(response.hits[0]?.partial).toBeUndefined();
    expect(response.hits.at(-1)?.partial).toBeDefined();
  });
});

describe('ranking', () => {
  it('puts a short record about the query above a long text that mentions its words', async () => {
    expect((await listed('ЛГБТ активисты пикет'))[0]).toBe('picket-record');
  });

  it('favours the publications of a year named in the query', async () => {
    const response = await run('2012 акции');
    const full = response.hits.filter((hit) => !hit.partial).map((hit) => hit.id);
    expect(full).toEqual(['actions-2012', 'glossary-2012']);
  });

  it('ranks a body that dwells on a word above one that mentions it once', async () => {
    expect((await listed('пытки')).slice(0, 2)).toEqual(['torture-often', 'torture-once']);
  });
});

describe('Belarusian as it is written', () => {
  it('finds the official and the classical spelling with either', async () => {
    const own = async (query: string) =>
      (await run(query)).hits
        .filter((hit) => !hit.via)
        .map((hit) => hit.id)
        .sort();
    const official = await own('смяротнае пакаранне');
    expect(official).toEqual(['be-classical', 'be-official']);
    expect(await own('сьмяротнага пакараньня')).toEqual(official);
  });

  it('finds a word written with a Latin lookalike with either alphabet', async () => {
    expect(await listed('надзвычайных сітуацыях')).toEqual(['be-latin-i']);
    expect(await listed('надзвычайных сiтуацыях')).toEqual(['be-latin-i']);
  });
});

describe('across languages', () => {
  it('finds publications naming the concept in another language, marked with the term', async () => {
    const response = await run('смертная казнь');
    const hits = response.hits.map((hit) => [hit.id, hit.via?.language]);
    expect(hits).toEqual(
      expect.arrayContaining([
        ['en-death-penalty', 'en'],
        ['be-official', 'be'],
        ['be-classical', 'be'],
      ]),
    );
    expect(response.hits.find((hit) => hit.id === 'en-death-penalty')?.via?.term).toBe(
      'death penalty',
    );
    // Every word of the query is found (through the glossary): full matches, not partial.
    expect(response.partial).toBeUndefined();
  });

  it('ranks what the query names in its own words first', async () => {
    const found = await listed('death penalty');
    expect(found[0]).toBe('en-death-penalty');
    expect(found).toEqual(expect.arrayContaining(['be-official', 'be-classical']));
  });

  it('ranks a term of the concept in the language typed above one in another', async () => {
    const found = await listed('барабанщик');
    expect(found).toEqual(['ru-drummer', 'en-drummer']);
  });

  it('marks the other language’s words in titles', async () => {
    const response = await run('death penalty');
    const hit = response.hits.find((found) => found.id === 'be-official');
    const marked = (hit?.marks?.title ?? []).map(([start, end]) => hit?.title.slice(start, end));
    expect(marked).toEqual(['Смяротнае', 'пакаранне']);
  });

  it('uses the concepts a corpus adds to its glossary', async () => {
    const response = await run('ксилофонист');
    expect(response.hits.map((hit) => [hit.id, hit.via])).toEqual([
      ['en-xylophonist', { term: 'xylophonist', language: 'en' }],
    ]);
  });
});

describe('organizations by any spelling', () => {
  it('finds an organization’s publications by a misspelt name', async () => {
    expect(await listed('Helsinky Comittee')).toEqual(
      expect.arrayContaining(['bhc-report', 'helsinki-act']),
    );
  });

  it('finds them by an inflected name in another language', async () => {
    expect(await listed('Беларускага Хельсінкскага камітэта')).toContain('bhc-report');
  });
});

describe('quoted phrases', () => {
  it('list the words in other forms, or through the glossary, after the phrase as typed', async () => {
    // No publication holds "смяротнага пакарання" as typed; two hold its words in other forms.
    const response = await run('"смяротнага пакарання"');
    expect(response.hits.map((hit) => [hit.id, hit.partial?.held])).toEqual(
      expect.arrayContaining([
        ['be-official', 1],
        ['be-classical', 1],
      ]),
    );
    expect(response.hits.every((hit) => hit.partial)).toBe(true);
  });

  it('find the phrase as typed first, then its words in another language', async () => {
    const response = await run('"death penalty"');
    expect(response.hits[0]).toMatchObject({ id: 'en-death-penalty' });
    expect(response.hits[0]?.partial).toBeUndefined();
    expect(response.hits.slice(1).map((hit) => hit.id)).toEqual(
      expect.arrayContaining(['be-official', 'be-classical']),
    );
  });
});
