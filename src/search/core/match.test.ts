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
  organizations: [],
  publications: [
    publication('verdict-antiwar', 'Приговор за антивоенные листовки', {
      summary: 'Суд вынес приговор активисту.',
    }),
    publication('antiwar-statements', 'Антивоенные высказывания в сети', {
      summary: 'Обзор высказываний против войны.',
    }),
    publication('verdict-other', 'Приговор по делу о кражах'),
    publication('statements-only', 'Высказывания чиновников'),
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
  ],
};

const { core } = await searchFixture(corpus);

const run = (query: string, more: Partial<SearchRequest> = {}): Promise<SearchResponse> =>
  core.search({ ...DEFAULT_REQUEST, query, sort: 'relevance', limit: 100, ...more });
const listed = async (query: string) => (await run(query)).hits.map((hit) => hit.id);

describe('partial matches', () => {
  it('list publications holding most of the words when none holds them all, marked', async () => {
    const response = await run('приговор за антивоенные высказывания');
    const hits = response.hits.map((hit) => [hit.id, hit.partial]);
    // Nothing holds all three words; each of the first two holds two of them.
    expect(hits.slice(0, 2)).toEqual(
      expect.arrayContaining([
        ['verdict-antiwar', { held: 2, of: 3 }],
        ['antiwar-statements', { held: 2, of: 3 }],
      ]),
    );
    expect(response.partial).toBe(response.total);
  });

  it('never list a publication for a stop word alone', async () => {
    expect(await listed('приговор за антивоенные высказывания')).not.toContain('za-only');
  });

  it('leave out those holding little of the query when others hold most of it', async () => {
    const found = await listed('приговор за антивоенные высказывания');
    // "приговор" alone is a third of the query: listed only when nothing holds more.
    expect(found).not.toContain('verdict-other');
    expect(found).not.toContain('statements-only');
  });

  it('follow the publications holding every word, and only when those are few', async () => {
    const response = await run('антивоенные высказывания');
    expect(response.hits[0]).toMatchObject({ id: 'antiwar-statements' });
    expect(response.hits[0]?.partial).toBeUndefined();
    expect(response.hits.slice(1).every((hit) => hit.partial)).toBe(true);
    expect(response.total).toBe(1 + (response.partial ?? 0));
    expect(FEW_FULL_MATCHES).toBeGreaterThanOrEqual(10);
  });

  it('are not listed when no other word of the query stands anywhere but one', async () => {
    // "приговор" stands in two publications; "ксилофон" nowhere: the publications with
    // "приговор" are all that can be found, and they are marked as holding 1 of 2 words.
    const response = await run('приговор ксилофон');
    expect(response.hits.map((hit) => [hit.id, hit.partial])).toEqual(
      expect.arrayContaining([
        ['verdict-antiwar', { held: 1, of: 2 }],
        ['verdict-other', { held: 1, of: 2 }],
      ]),
    );
    expect(response.total).toBe(2);
  });

  it('come after full matches whatever the order asked for', async () => {
    const response = await run('антивоенные высказывания', { sort: 'oldest' });
    expect(response.hits[0]?.partial).toBeUndefined();
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
    const official = (await listed('смяротнае пакаранне')).sort();
    expect(official).toEqual(['be-classical', 'be-official']);
    expect((await listed('сьмяротнага пакараньня')).sort()).toEqual(official);
  });

  it('finds a word written with a Latin lookalike with either alphabet', async () => {
    expect(await listed('надзвычайных сітуацыях')).toEqual(['be-latin-i']);
    expect(await listed('надзвычайных сiтуацыях')).toEqual(['be-latin-i']);
  });
});
