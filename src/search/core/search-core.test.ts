// @vitest-environment node
import { isDeepStrictEqual } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { publicationFileSchema } from '../index/data-schemas.ts';
import { corpusFixture } from '../../testing/corpus-fixture.ts';
import { htmlToText } from '../analysis/html-text.ts';
import { validateCorpus } from '../../corpus/corpus-validator.ts';
import type { Corpus } from '../../corpus/schema.ts';
import { type SearchCore, type SearchRequest, type SearchResponse } from './search-core.ts';
import { searchFixture } from '../../testing/search-fixture.ts';
import { DEFAULT_REQUEST, type RelatedRequest } from '../protocol.ts';

const fixture = await searchFixture(corpusFixture);
const meta = fixture.start;
const core = fixture.core;
const publications = corpusFixture.publications;

/** A whole request: everything, by relevance, in bodies too, on one page of 100. */
function requestOf(request: Partial<SearchRequest> | string = {}): SearchRequest {
  return {
    ...DEFAULT_REQUEST,
    sort: 'relevance',
    limit: 100,
    ...(typeof request === 'string' ? { query: request } : request),
  };
}

function run(request: Partial<SearchRequest> = {}): Promise<SearchResponse> {
  return core.search(requestOf(request));
}

/**
 * The ids of the publications holding every word of the query (partial matches, and matches
 * through the glossary, aside), in order.
 */
const ids = async (request: Partial<SearchRequest> | string) =>
  (await run(typeof request === 'string' ? { query: request } : request)).hits
    .filter((hit) => !hit.partial && !hit.via)
    .map((hit) => hit.id);

/** Every id listed, full matches and then partial ones, in order. */
const listed = async (request: Partial<SearchRequest> | string) =>
  (await run(typeof request === 'string' ? { query: request } : request)).hits.map((hit) => hit.id);

/** The ids found, sorted, for comparing sets. */
const idSet = async (request: Partial<SearchRequest> | string) => (await ids(request)).sort();

const idsWhere = (keep: (publication: (typeof publications)[number]) => boolean) =>
  publications
    .filter(keep)
    .map((publication) => publication.id)
    .sort();

describe('matching text', () => {
  it('finds a name despite a typo', async () => {
    // The Russian statement spells him "Беляцкий": the same name, found by its key.
    expect(await idSet('Bialatski')).toEqual([
      'bialiatski-sentenced',
      'solidarity-with-viasna',
      'zayavlenie-o-solidarnosti',
    ]);
    expect(await idSet('Kolesnikava')).toEqual(['interview-kolesnikova', 'writers-in-prison']);
  });

  it('reads a word found nowhere as a typo, though its loose key matches other words', async () => {
    // In a large vocabulary the name key of an ordinary word matches unrelated names
    // ("perenoials" and "Pyrenees", "Пиренеев" share a key), a letter away from the word meant.
    const base = corpusFixture.publications[0];
    if (!base) throw new Error('the fixture has publications');
    const publication = (id: string, title: string) => ({ ...base, id, title, summary: '' });
    const corpus: Corpus = {
      ...corpusFixture,
      publications: [
        publication('garden', 'Perennials in the prison garden'),
        publication('mountains', 'Across the Pyrenees'),
        publication('ru-mountains', 'Через Пиренеи: у подножия Пиренеев'),
        publication('brand', 'Purina and Pierian springs'),
      ],
    };
    const { core: own } = await searchFixture(corpus);
    const found = await own.search(requestOf('perenoials'));
    expect(found.hits.map((hit) => hit.id)).toEqual(['garden']);
    // A typo of a name: the name, not everything its loose key matches ("Purina").
    const name = await own.search(requestOf('pyrenes'));
    expect(name.hits.map((hit) => hit.id)).toContain('mountains');
    expect(name.hits.map((hit) => hit.id)).not.toContain('brand');
  });

  it('ignores case and diacritics in the query', async () => {
    expect(await idSet('BIALIATSKI')).toEqual(await idSet('bialiatski'));
    // "Aleś" also finds "Алесю Беляцкому": its Latin spelling "alesiu" begins with "ales".
    expect(await idSet('Aleś')).toEqual([
      'bialiatski-sentenced',
      'solidarity-with-viasna',
      'zayavlenie-o-solidarnosti',
    ]);
  });

  it('finds Latin words in titles, summaries and tags', async () => {
    expect(await ids('volunteers')).toEqual(['volunteers-detained']); // title
    expect(await ids('phones')).toEqual(['volunteers-detained']); // summary
    expect(await ids('expression')).toEqual(['writers-in-prison']); // tag
  });

  it('finds Cyrillic words in titles, summaries and tags', async () => {
    expect(await ids('журналистов')).toEqual(['doklad-o-presledovanii']); // title
    // Summary: the word as written ranks above the name spelt another way in a summary (the
    // title that names him ranks above both).
    const beliatskomu = await ids('Беляцкому');
    expect(beliatskomu).toContain('zayavlenie-o-solidarnosti');
    expect(beliatskomu.indexOf('zayavlenie-o-solidarnosti')).toBeLessThan(
      beliatskomu.indexOf('solidarity-with-viasna'),
    );
    expect(await ids('объединений')).toEqual(['zayavlenie-o-solidarnosti']); // tag, with й
  });

  it('finds nothing for a word that is nowhere', async () => {
    expect((await run({ query: 'xylophone' })).total).toBe(0);
  });

  it('matches prefixes while the reader types', async () => {
    expect(await idSet('bia')).toEqual(['bialiatski-sentenced', 'solidarity-with-viasna']);
    expect(await idSet('volunt')).toEqual(['volunteers-detained']);
    expect(await idSet('журнал')).toEqual(['doklad-o-presledovanii']);
    expect(await idSet('Ales Bia')).toEqual(['bialiatski-sentenced', 'solidarity-with-viasna']);
  });
});

describe('matching organizations', () => {
  const viasna = idsWhere((publication) => publication.organizations.includes('viasna'));
  const bhc = idsWhere((publication) => publication.organizations.includes('bhc'));

  it('finds the publications of an organization by a Cyrillic alias', async () => {
    expect(viasna).toContain('monthly-review-2022-05'); // which never names Viasna
    expect(await idSet('Вясна')).toEqual(viasna);
    expect(await idSet('весна')).toEqual(viasna);
    expect(await idSet('БХК')).toEqual(bhc);
    expect(await idSet('Международная амнистия')).toEqual(
      idsWhere((publication) => publication.organizations.includes('amnesty')),
    );
  });

  it('finds them by name, alias and id', async () => {
    expect(await idSet('Viasna')).toEqual(viasna);
    expect(await idSet('Spring96')).toEqual(viasna);
    expect(await idSet('Helsinki Committee')).toEqual(bhc);
    expect(await idSet('bhc')).toEqual(bhc);
  });

  it('finds them by a prefix of an alias', async () => {
    expect(await idSet('Вяс')).toEqual(viasna);
  });
});

describe('several words', () => {
  it('requires every word', async () => {
    expect(await idSet('political prisoners appeal')).toEqual(['year-end-appeal']);
    expect(await idSet('Viasna detentions')).toEqual([
      'monthly-review-2022-05',
      'volunteers-detained',
    ]);
  });

  it('finds what each word alone finds, and no more', async () => {
    const queries: [string, string][] = [
      ['political', 'prisoners'],
      ['Вясна', 'report'],
      ['writers', 'prison'],
      ['amnesty', 'Bialiatski'],
      ['human', 'rights'],
    ];
    for (const [a, b] of queries) {
      const both = await idSet(`${a} ${b}`);
      const second = await idSet(b);
      const alone = (await idSet(a)).filter((id) => second.includes(id));
      expect(both, `${a} ${b}`).toEqual(alone);
    }
  });

  it('does not require stop words', async () => {
    expect(await idSet('statement on Viasna')).toEqual(await idSet('statement Viasna'));
    expect(await idSet('statement on Viasna')).toEqual(['solidarity-with-viasna']);
    expect(await idSet('writers in the prison')).toEqual(['writers-in-prison']);
    expect(await idSet('доклад о преследовании')).toEqual(['doklad-o-presledovanii']);
  });

  it('matches stop words when the query holds nothing else', async () => {
    const withOn = idsWhere((publication) =>
      /\bon\b/i.test(`${publication.title} ${publication.summary ?? ''}`),
    );
    expect(withOn.length).toBeGreaterThan(0);
    expect(withOn.length).toBeLessThan(publications.length);
    expect(await idSet('on')).toEqual(withOn);
  });

  it('ignores punctuation and repeated words', async () => {
    expect(await idSet('Bialiatski, Bialiatski!')).toEqual(await idSet('Bialiatski'));
    expect(await idSet('"Bialiatski", Bialiatski!')).toEqual(await idSet('"Bialiatski"'));
  });
});

describe('relevance', () => {
  it('ranks a title naming someone above a summary, whatever the spelling', async () => {
    // "Kolesnikova" is in a title; "Kalesnikava", the same name spelt the Belarusian way, in
    // another publication's summary.
    expect(await ids('Kalesnikava')).toEqual(['interview-kolesnikova', 'writers-in-prison']);
    expect(await ids('Kolesnikova')).toEqual(['interview-kolesnikova', 'writers-in-prison']);
  });

  it('ranks a title match above a match in the summary or tags', async () => {
    expect((await ids('prisoners'))[0]).toBe('year-end-appeal');
  });

  it('can sort matches by date instead', async () => {
    expect(await ids({ query: 'political prisoners', sort: 'newest' })).toEqual([
      'bialiatski-sentenced',
      'year-end-appeal',
      'monthly-review-2022-05',
    ]);
    expect(await ids({ query: 'political prisoners', sort: 'oldest' })).toEqual([
      'monthly-review-2022-05',
      'year-end-appeal',
      'bialiatski-sentenced',
    ]);
  });
});

describe('sorting and paging', () => {
  const newestDates = [
    '2024-06-10',
    '2024-02-29',
    '2024',
    '2023-03-06',
    '2023-03-06',
    '2023-03',
    '2022-12-31',
    '2022-05',
    '2022',
    '2021-02-15',
    '2021',
    '2020-08',
  ];

  it('returns everything, newest first, for an empty query', async () => {
    for (const query of ['', '   ', '!?']) {
      const response = await run({ query, sort: 'relevance' });
      expect(response.total).toBe(publications.length);
      expect(response.hits.map((hit) => hit.date)).toEqual(newestDates);
    }
  });

  it('sorts oldest first, counting a partial date as its first day', async () => {
    expect((await run({ sort: 'oldest' })).hits.map((hit) => hit.date)).toEqual(
      [...newestDates].reverse(),
    );
  });

  it('pages with offset and limit', async () => {
    const all = await ids({ sort: 'newest' });
    const pages = await Promise.all(
      [0, 5, 10].map((offset) => run({ sort: 'newest', offset, limit: 5 })),
    );
    expect(pages.map((page) => page.offset)).toEqual([0, 5, 10]);
    expect(pages.map((page) => page.hits.length)).toEqual([5, 5, 2]);
    expect(pages.map((page) => page.total)).toEqual([12, 12, 12]);
    expect(pages.flatMap((page) => page.hits.map((hit) => hit.id))).toEqual(all);
  });

  it('moves an offset past the end back to the last page', async () => {
    const last = await run({ sort: 'newest', offset: 10, limit: 5 });
    for (const offset of [12, 15, 1000]) {
      const response = await run({ sort: 'newest', offset, limit: 5 });
      expect(response.offset).toBe(10);
      expect(response.hits).toEqual(last.hits);
    }
    const filtered = await run({ query: 'Вясна', offset: 40, limit: 2 });
    expect(filtered.total).toBe(5);
    expect(filtered.offset).toBe(4);
    expect(filtered.hits).toHaveLength(1);
  });

  it('answers an empty result at offset 0', async () => {
    const response = await run({ query: 'xylophone', offset: 20, limit: 10 });
    expect(response).toMatchObject({ total: 0, offset: 0, hits: [] });
  });

  it('treats a negative offset as the start', async () => {
    expect((await run({ offset: -5, limit: 3 })).offset).toBe(0);
  });
});

describe('hits', () => {
  it('carry what a result shows, with the corpus language as the default', async () => {
    const response = await run({ query: 'solidarity', sort: 'newest' });
    const byId = new Map(response.hits.map((hit) => [hit.id, hit]));
    expect(byId.get('solidarity-with-viasna')).toEqual({
      id: 'solidarity-with-viasna',
      title: 'Statement on solidarity with Viasna Human Rights Centre',
      summary: 'We view the verdict against Ales Bialiatski as political repression.',
      date: '2023-03-06',
      type: 'statement',
      organizations: ['bhc', 'viasna'],
      language: 'en',
      // "solidarity", to mark.
      marks: { title: [[13, 23]], summary: [] },
    });
    expect((await run({ query: 'Доклад' })).hits[0]).toMatchObject({
      id: 'doklad-o-presledovanii',
      type: 'report',
      organizations: ['pen'],
      language: 'ru',
    });
  });
});

describe('date bounds', () => {
  const dated = (from?: string, to?: string) => idSet({ from, to });

  it('include all of a year given as both bounds', async () => {
    expect(await dated('2022', '2022')).toEqual([
      'annual-report-2022',
      'monthly-review-2022-05',
      'year-end-appeal',
    ]);
  });

  it('end a partial "to" at the last day of its period', async () => {
    expect(await dated(undefined, '2022-05')).toContain('monthly-review-2022-05');
    expect(await dated(undefined, '2022-05')).not.toContain('year-end-appeal');
    expect(await dated('2024-02', '2024-02')).toEqual(['doklad-o-presledovanii']); // 29 February
    expect(await dated('2022-12', '2022-12')).toEqual(['year-end-appeal']);
  });

  it('are inclusive for full dates', async () => {
    expect(await dated('2024-02-29', '2024-02-29')).toEqual(['doklad-o-presledovanii']);
    expect(await dated('2023-03-06', '2023-03-06')).toEqual([
      'solidarity-with-viasna',
      'zayavlenie-o-solidarnosti',
    ]);
    expect(await dated('2024-06-10')).toEqual(['volunteers-detained']);
  });

  it('count a partially dated publication as the first day of its period', async () => {
    expect(await dated('2022-05')).toContain('monthly-review-2022-05');
    expect(await dated('2022-05-01', '2022-05-01')).toEqual(['monthly-review-2022-05']);
    expect(await dated('2022-05-02')).not.toContain('monthly-review-2022-05');
    expect(await dated('2023-03-02', '2023-03-31')).not.toContain('bialiatski-sentenced');
  });

  it('ignore malformed bounds', async () => {
    const all = await idSet({});
    expect(await dated('2023-02-30')).toEqual(all);
    expect(await dated('yesterday', '2023-13')).toEqual(all);
    expect(await dated('', '')).toEqual(all);
  });

  it('apply together with a query', async () => {
    expect(await idSet({ query: 'Вясна', from: '2023' })).toEqual([
      'solidarity-with-viasna',
      'volunteers-detained',
      'zayavlenie-o-solidarnosti',
    ]);
  });
});

describe('facets', () => {
  it('count every value in an unfiltered search', async () => {
    const { facets } = await run();
    expect(meta.types.map((type) => type.id)).toEqual([
      'statement',
      'report',
      'interview',
      'appeal',
    ]);
    expect(facets.types).toEqual([4, 5, 2, 1]);
    expect(meta.organizations.map((org) => org.id)).toEqual(['viasna', 'bhc', 'amnesty', 'pen']);
    expect(facets.organizations).toEqual([5, 5, 3, 4]);
    expect(meta.languages).toEqual(['en', 'ru']);
    expect(facets.languages).toEqual([9, 3]);
  });

  it("ignore their own selection and apply the others'", async () => {
    const { total, facets } = await run({ types: ['report'], languages: ['en'] });
    expect(total).toBe(4);
    // Types counted in English only, as if no type were chosen.
    expect(facets.types).toEqual([3, 4, 1, 1]);
    // Organizations counted among English reports.
    expect(facets.organizations).toEqual([1, 2, 0, 1]);
    // Languages counted among reports, as if no language were chosen.
    expect(facets.languages).toEqual([4, 1]);
  });

  it('combine values of one facet with OR', async () => {
    expect(await idSet({ types: ['interview', 'appeal'] })).toEqual([
      'interview-kolesnikova',
      'pen-interview-writers',
      'year-end-appeal',
    ]);
    expect((await run({ organizations: ['amnesty', 'pen'] })).total).toBe(6);
  });

  /** The expected counts, computed the plain way from the fixture. */
  function reference(request: Partial<SearchRequest>, matching: ReadonlySet<string>) {
    const wanted = {
      type: request.types ?? [],
      org: request.organizations ?? [],
      lang: request.languages ?? [],
    };
    const candidates = publications.filter(
      (publication) =>
        matching.has(publication.id) && withinDates(publication.date, request.from, request.to),
    );
    const passes = (publication: (typeof publications)[number], skip: keyof typeof wanted) => {
      const language = publication.language ?? corpusFixture.language ?? 'en';
      return (
        (skip === 'type' || wanted.type.length === 0 || wanted.type.includes(publication.type)) &&
        (skip === 'org' ||
          wanted.org.length === 0 ||
          publication.organizations.some((org) => wanted.org.includes(org))) &&
        (skip === 'lang' || wanted.lang.length === 0 || wanted.lang.includes(language))
      );
    };
    const count = (skip: keyof typeof wanted, has: (p: (typeof publications)[number]) => boolean) =>
      candidates.filter((publication) => passes(publication, skip) && has(publication)).length;
    return {
      ids: candidates
        .filter((publication) => passes(publication, 'type') && passes(publication, 'org'))
        .filter((publication) => passes(publication, 'lang'))
        .map((publication) => publication.id)
        .sort(),
      facets: {
        types: meta.types.map((type) => count('type', (p) => p.type === type.id)),
        organizations: meta.organizations.map((org) =>
          count('org', (p) => p.organizations.includes(org.id)),
        ),
        languages: meta.languages.map((tag) =>
          count('lang', (p) => (p.language ?? corpusFixture.language) === tag),
        ),
      },
    };
  }

  /** Every subset of `values`, the empty one first. */
  function subsets<T>(values: readonly T[]): T[][] {
    return values.reduce<T[][]>(
      (all, value) => [...all, ...all.map((subset) => [...subset, value])],
      [[]],
    );
  }

  it('match a brute-force count for every combination of filters', async () => {
    const scenarios: Partial<SearchRequest>[] = [
      {},
      { query: 'political prisoners' },
      { from: '2022', to: '2023-03' },
      { query: 'writers', from: '2021-02' },
    ];
    let checked = 0;
    const mismatches: unknown[] = [];
    for (const scenario of scenarios) {
      // Partial matches are listed or not by the query alone, whatever the filters.
      const matching = new Set(await listed({ query: scenario.query ?? '' }));
      for (const types of subsets(meta.types.map((type) => type.id))) {
        for (const organizations of subsets(meta.organizations.map((org) => org.id))) {
          for (const languages of subsets(meta.languages)) {
            const request = { ...scenario, types, organizations, languages };
            const response = await run(request);
            const actual = {
              ids: response.hits.map((hit) => hit.id).sort(),
              facets: response.facets,
            };
            const expected = reference(request, matching);
            if (response.total !== expected.ids.length || !isDeepStrictEqual(actual, expected)) {
              mismatches.push({ request, actual, expected });
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(4 * 16 * 16 * 4);
    // The first few, in full, if any.
    expect(mismatches.slice(0, 3)).toEqual([]);
  });
});

/** Whether a corpus date falls within inclusive, possibly partial, bounds (plain string logic). */
function withinDates(date: string, from?: string, to?: string): boolean {
  const start = (text: string) => `${text}-01-01`.slice(0, 10);
  const end = (text: string) => {
    if (text.length === 10) return text;
    if (text.length === 4) return `${text}-12-31`;
    const [year, month] = text.split('-').map(Number);
    const lastDay = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
    return `${text}-${lastDay}`;
  };
  return (
    (from === undefined || start(date) >= start(from)) &&
    (to === undefined || start(date) <= end(to))
  );
}

/** Publications per year of the fixture, counted the plain way from its dates. */
function fixtureYears(keep: (publication: (typeof publications)[number]) => boolean = () => true) {
  const years = new Map<string, number>();
  for (const publication of publications.filter(keep)) {
    const year = publication.date.slice(0, 4);
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  return years;
}

describe('timeline', () => {
  const binCounts = (response: SearchResponse) =>
    new Map(response.timeline.bins.map((bin) => [bin.period, bin.count]));
  /** In the bars, and apart (known only by year, in a month view). */
  const binTotal = (response: SearchResponse) =>
    response.timeline.bins.reduce((sum, bin) => sum + bin.count, 0) +
    (response.timeline.unplaced ?? 0);

  it('counts every publication by year when nothing is asked', async () => {
    const response = await run();
    expect(response.timeline.unit).toBe('year');
    const years = fixtureYears();
    const first = Math.min(...[...years.keys()].map(Number));
    const last = Math.max(...[...years.keys()].map(Number));
    expect(response.timeline.bins.map((bin) => bin.period)).toEqual(
      Array.from({ length: last - first + 1 }, (_, i) => String(first + i)),
    );
    for (const bin of response.timeline.bins) {
      expect(bin.count, bin.period).toBe(years.get(bin.period) ?? 0);
    }
  });

  it('counts only the matches of the query and the filters', async () => {
    const requests: Partial<SearchRequest>[] = [
      { query: 'political prisoners' },
      { query: 'Вясна' },
      { types: ['report'] },
      { organizations: ['pen'], languages: ['ru'] },
      { query: 'xylophone' },
    ];
    for (const request of requests) {
      const response = await run(request);
      expect(binTotal(response), JSON.stringify(request)).toBe(response.total);
    }
    const reports = await run({ types: ['report'] });
    const years = fixtureYears((publication) => publication.type === 'report');
    expect(reports.timeline.unit).toBe('year');
    expect(binCounts(reports)).toEqual(
      new Map(reports.timeline.bins.map((bin) => [bin.period, years.get(bin.period) ?? 0])),
    );
    expect(binTotal(reports)).toBe(reports.total);
  });

  it('keeps the matches outside wide date bounds, to show where the bounds sit', async () => {
    // Viasna's publications: two in 2022, two in 2023, one in 2024.
    const response = await run({ query: 'Вясна', from: '2023-01', to: '2025-12' });
    expect(response.total).toBe(3);
    expect(response.timeline).toEqual({
      unit: 'year',
      bins: [
        { period: '2022', count: 2 },
        { period: '2023', count: 2 },
        { period: '2024', count: 1 },
      ],
    });
  });

  it('counts months within bounds of two years or less', async () => {
    // 2022: the annual report (dated only "2022": in no month), the May review, the appeal of
    // 31 December.
    const response = await run({ from: '2022', to: '2022' });
    expect(response.timeline.unit).toBe('month');
    expect(response.timeline.bins).toHaveLength(12);
    const counts = binCounts(response);
    expect(counts.get('2022-01')).toBe(0);
    expect(counts.get('2022-05')).toBe(1);
    expect(counts.get('2022-12')).toBe(1);
    expect(response.timeline.unplaced).toBe(1);
    expect(binTotal(response)).toBe(response.total);
  });
});

describe('export rows', () => {
  it('list every match, not one page', async () => {
    const all = await ids({ sort: 'newest' });
    const rows = await core.exportRows(requestOf({ sort: 'newest', offset: 5, limit: 5 }));
    expect(rows.map((row) => row.id)).toEqual(all);
    expect(rows).toHaveLength(publications.length);
  });

  it('follow the query, the filters, the date bounds and the order of the search', async () => {
    const requests: Partial<SearchRequest>[] = [
      { query: 'political prisoners', sort: 'oldest' },
      { query: 'political prisoners', sort: 'relevance' },
      { types: ['interview', 'appeal'], sort: 'newest' },
      { from: '2022', to: '2022', sort: 'oldest' },
      { query: 'Вясна -Bialiatski', sort: 'newest' },
      { query: 'xylophone' },
    ];
    for (const request of requests) {
      const rows = await core.exportRows(requestOf({ ...request, limit: 1 }));
      expect(
        rows.map((row) => row.id),
        JSON.stringify(request),
      ).toEqual(await listed(request));
    }
  });

  it('carry what a spreadsheet lists, with the corpus language as the default', async () => {
    const rows = await core.exportRows(requestOf('appeal'));
    expect(rows).toEqual([
      {
        id: 'year-end-appeal',
        title: 'Appeal to release all political prisoners',
        type: 'appeal',
        organizations: ['viasna', 'bhc', 'amnesty', 'pen'],
        date: '2022-12-31',
        language: 'en',
        url: '',
      },
    ]);
  });

  it('reach past the first card file of a large corpus', async () => {
    const large: Corpus = {
      ...corpusFixture,
      publications: Array.from({ length: 250 }, (_, i) => ({
        id: `bulletin-${i}`,
        title: `Bulletin number ${i}`,
        type: 'report',
        organizations: ['viasna'],
        date: `${2000 + (i % 20)}-0${1 + (i % 9)}`,
        url: `https://example.org/bulletin/${i}`,
      })),
    };
    const rows = await (
      await searchFixture(large)
    ).core.exportRows(requestOf({ query: 'bulletin', limit: 10 }));
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((row) => row.id)).size).toBe(250);
    for (const row of rows) {
      const number = row.id.slice('bulletin-'.length);
      expect(row.title).toBe(`Bulletin number ${number}`);
      expect(row.url).toBe(`https://example.org/bulletin/${number}`);
    }
  });
});

/**
 * A second corpus for the journalists' toolkit: names in both scripts, phrases that stand
 * together in one publication and apart in others, a body with words found nowhere else, and
 * enough unrelated digests that "Minsk" is a common title word.
 */
const PRISON_BODY =
  '<p>' +
  'The report draws on interviews with former inmates of several penal colonies. '.repeat(3) +
  '</p><p>Several of them describe <strong>torture</strong> in isolation cells. ' +
  'Independent journalists were not allowed to visit.</p><p>' +
  'Families wait months for a single letter. '.repeat(4) +
  '</p>';

const digests: Corpus['publications'] = Array.from({ length: 20 }, (_, i) => ({
  id: `minsk-digest-${i + 1}`,
  title: `Minsk digest ${i + 1}`,
  type: 'news',
  organizations: ['desk'],
  date: i < 12 ? `2019-${String(i + 1).padStart(2, '0')}` : `2020-0${i - 11}`,
}));

const toolkitCorpus: Corpus = {
  version: 1,
  name: 'Toolkit archive',
  language: 'en',
  types: [
    { id: 'statement', label: 'Statement' },
    { id: 'report', label: 'Report' },
    { id: 'news', label: 'News' },
  ],
  organizations: [
    // The alias is the only way to this organization from "Vesna": its name is nothing like it.
    { id: 'spring', name: 'Spring Centre', aliases: ['Весна'] },
    { id: 'bhc', name: 'Belarusian Helsinki Committee' },
    { id: 'pen', name: 'PEN Belarus' },
    { id: 'amnesty', name: 'Amnesty International' },
    { id: 'desk', name: 'News Desk' },
  ],
  publications: [
    {
      id: 'hulak-detained',
      title: 'Aleh Hulak detained in Minsk',
      type: 'news',
      organizations: ['bhc'],
      date: '2023-01-10',
      summary: 'The committee chair was taken from his home.',
      tags: ['arbitrary detention'],
      url: 'https://example.org/hulak',
      translations: { be: 'hulak-zatrymany' },
    },
    {
      id: 'hulak-zatrymany',
      title: 'Алега Гулака затрымалі ў Мінску',
      type: 'news',
      organizations: ['bhc'],
      date: '2023-01-10',
      language: 'be',
      translations: { en: 'hulak-detained' },
    },
    {
      id: 'hulak-sentenced',
      title: 'Court sentences Aleh Hulak',
      type: 'news',
      organizations: ['amnesty'],
      date: '2023-09-01',
    },
    {
      // The same name spelled the Russian way, as some English texts do.
      id: 'gulak-interview',
      title: 'Oleg Gulak on the trials',
      type: 'news',
      organizations: ['amnesty'],
      date: '2022-06-01',
    },
    {
      id: 'bialiatski-nobel',
      title: 'Bialiatski receives the Nobel Peace Prize',
      type: 'statement',
      organizations: ['spring'],
      date: '2022-10-07',
    },
    {
      id: 'lukashenka-decree',
      title: 'Лукашэнка падпісаў указ',
      type: 'news',
      organizations: ['pen'],
      date: '2022-03-15',
      language: 'be',
    },
    {
      id: 'political-prisoners',
      title: 'Release all political prisoners',
      type: 'statement',
      organizations: ['amnesty'],
      date: '2021-05-05',
      tags: ['arbitrary detention'],
    },
    {
      id: 'pressure-families',
      title: 'Political pressure on the families of prisoners',
      type: 'report',
      organizations: ['pen'],
      date: '2021-06-06',
    },
    {
      // "political" ends the title and "Prisoners" begins the summary: not a phrase.
      id: 'verdict-political',
      title: 'Why the verdict is political',
      type: 'statement',
      organizations: ['bhc'],
      date: '2021-07-07',
      summary: 'Prisoners speak about their trials.',
    },
    {
      id: 'prison-conditions',
      title: 'Conditions in penal colonies',
      type: 'report',
      organizations: ['spring'],
      date: '2024-02-02',
      summary: 'Letters from inmates describe daily life.',
      body: PRISON_BODY,
    },
    ...digests,
  ],
};

const toolkitData = await searchFixture(toolkitCorpus);
const toolkit: SearchCore = toolkitData.core;
const toolkitIds = toolkitCorpus.publications.map((publication) => publication.id);

const find = (request: Partial<SearchRequest> | string) => toolkit.search(requestOf(request));
/** The ids the toolkit corpus answers as full matches (partial and glossary ones aside), sorted. */
const found = async (request: Partial<SearchRequest> | string) =>
  (await find(request)).hits
    .filter((hit) => !hit.partial && !hit.via)
    .map((hit) => hit.id)
    .sort();
const allBut = (...excluded: string[]) => toolkitIds.filter((id) => !excluded.includes(id)).sort();

describe('the toolkit corpus', () => {
  it('is a valid corpus', () => {
    expect(validateCorpus(toolkitCorpus)).toMatchObject({ ok: true });
  });
});

describe('exact phrases', () => {
  it('find the words only where they stand together, in that order', async () => {
    expect(await found('political prisoners')).toEqual([
      'political-prisoners',
      'pressure-families',
      'verdict-political',
    ]);
    expect(await found('"political prisoners"')).toEqual(['political-prisoners']);
    expect(await found('“political prisoners”')).toEqual(['political-prisoners']);
    expect(await found('"prisoners political"')).toEqual([]);
  });

  it('ignore case and punctuation but not typos or prefixes', async () => {
    expect(await found('"POLITICAL, prisoners!"')).toEqual(['political-prisoners']);
    expect(await found('"politcal prisoners"')).toEqual([]);
    expect(await found('"political prison"')).toEqual([]);
  });

  it('combine with loose words, all of which must match', async () => {
    expect(await found('release "political prisoners"')).toEqual(['political-prisoners']);
    expect(await found('families "political prisoners"')).toEqual([]);
  });

  it('find a phrase across scripts', async () => {
    // "Алега Гулака" is another form of the name, so only the Latin titles hold the phrase.
    expect(await found('"Алег Гулак"')).toEqual(['hulak-detained', 'hulak-sentenced']);
    expect(await found('"Aleh Hulak"')).toEqual(['hulak-detained', 'hulak-sentenced']);
  });

  it('find a phrase in a body only when bodies are searched', async () => {
    expect(await found('"independent journalists"')).toEqual(['prison-conditions']);
    expect(await found({ query: '"independent journalists"', fullText: false })).toEqual([]);
  });

  it('degrade to loose words when the quote is not closed', async () => {
    expect(await found('"political prisoners')).toEqual(await found('political prisoners'));
    expect(await found('political «prisoners')).toEqual(await found('political prisoners'));
  });
});

describe('exclusions', () => {
  it('leave out publications with a -word', async () => {
    expect(await found('political -release')).toEqual(['pressure-families', 'verdict-political']);
    expect(await found('political -RELEASE')).toEqual(['pressure-families', 'verdict-political']);
  });

  it('leave out publications with a -"phrase", keeping those where the words stand apart', async () => {
    expect(await found('political -"political prisoners"')).toEqual([
      'pressure-families',
      'verdict-political',
    ]);
  });

  it('alone, find everything else', async () => {
    expect(await found('-"political prisoners"')).toEqual(allBut('political-prisoners'));
    expect(await found('-release -Bialiatski')).toEqual(
      allBut('political-prisoners', 'bialiatski-nobel'),
    );
  });

  it('leave out across scripts', async () => {
    expect(await found('-Lukashenka')).toEqual(allBut('lukashenka-decree'));
    expect(await found('-Лукашэнка')).toEqual(allBut('lukashenka-decree'));
    const aleh = await found('Aleh -Гулак');
    expect(aleh).not.toContain('hulak-detained');
    expect(aleh).not.toContain('hulak-sentenced');
  });

  it('leave out the publications of an organization named by an alias', async () => {
    expect(await found('-Vesna')).toEqual(allBut('bialiatski-nobel', 'prison-conditions'));
  });

  it('leave out words found in bodies when bodies are searched', async () => {
    expect(await found('colonies')).toEqual(['prison-conditions']);
    expect(await found('colonies -torture')).toEqual([]);
  });

  it('mean nothing when the "-" stands alone', async () => {
    expect(await found('political - prisoners')).toEqual(await found('political prisoners'));
    expect(await found('political -')).toEqual(await found('political'));
  });
});

describe('transliteration', () => {
  it('finds a Latin-script name from its Cyrillic spelling, and the reverse', async () => {
    const hulak = ['hulak-detained', 'hulak-sentenced', 'hulak-zatrymany'];
    expect(await found('Гулак')).toEqual([...hulak, 'gulak-interview'].sort());
    expect(await found('Hulak')).toEqual(expect.arrayContaining(hulak));
    expect(await found('Бяляцкі')).toEqual(['bialiatski-nobel']);
    expect(await found('Lukashenka')).toEqual(['lukashenka-decree']);
  });

  it('reads г as g as well, the Russian way', async () => {
    expect(await found('Гулак')).toContain('gulak-interview');
  });

  it('finds a name in the other romanisation of г, after those in the one typed', async () => {
    const order = async (query: string) => (await find(query)).hits.map((hit) => hit.id);
    const hulak = ['hulak-detained', 'hulak-sentenced', 'hulak-zatrymany'];
    expect((await order('Hulak')).slice(0, 3).sort()).toEqual(hulak);
    expect((await order('Hulak')).at(-1)).toBe('gulak-interview');
    expect((await order('Gulak'))[0]).toBe('gulak-interview');
    expect((await order('Gulak')).slice(1).sort()).toEqual(hulak);
    // The phrase and the exclusion stay as typed.
    expect(await found('"Aleh Hulak"')).not.toContain('gulak-interview');
    expect(await found('Hulak -Gulak')).toEqual(hulak);
  });

  it('leaves short words to their own first letter: "hold" is not "gold"', async () => {
    const { core } = await searchFixture({
      ...toolkitCorpus,
      publications: [
        {
          id: 'gold',
          title: 'Gold reserves',
          type: 'news',
          organizations: ['desk'],
          date: '2020',
        },
        {
          id: 'hold',
          title: 'Hold the line',
          type: 'news',
          organizations: ['desk'],
          date: '2020',
        },
      ],
    });
    const idsOf = async (query: string) =>
      (await core.search(requestOf(query))).hits.map((hit) => hit.id);
    expect(await idsOf('hold')).toEqual(['hold']);
    expect(await idsOf('gold')).toEqual(['gold']);
  });

  it('finds an organization by the Latin spelling of a Cyrillic alias', async () => {
    expect(await found('Vesna')).toEqual(['bialiatski-nobel', 'prison-conditions']);
  });

  it('also works in the fixture', async () => {
    expect(await idSet('Бяляцкі')).toEqual(
      expect.arrayContaining(['bialiatski-sentenced', 'solidarity-with-viasna']),
    );
  });
});

describe('full text', () => {
  it('finds a word that only a body holds, unless only titles are searched', async () => {
    expect(await found('torture')).toEqual(['prison-conditions']);
    expect(await found({ query: 'torture', fullText: false })).toEqual([]);
  });

  /** The passages the page asks for, for the body-only hits of a search. */
  async function passagesOf(query: string) {
    const response = await find(query);
    const publications = response.hits
      .filter((hit) => hit.bodyOnly)
      .map((hit) => ({ id: hit.id, language: hit.language }));
    return toolkit.passages({ query, publications });
  }

  it('shows the passage around a body-only match, cut at words, the match marked', async () => {
    const [passage] = await passagesOf('torture');
    const plain = htmlToText(PRISON_BODY);
    const snippet = passage?.snippet ?? '';
    expect(passage?.id).toBe('prison-conditions');
    expect(snippet).toContain('torture');
    expect(snippet).not.toMatch(/<|>/);
    // The match is far from both ends, so the passage is cut on both sides.
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    const inner = snippet.slice(1, -1);
    const at = plain.indexOf(inner);
    expect(at).toBeGreaterThan(0);
    expect(plain.charAt(at - 1)).toBe(' ');
    expect(plain.charAt(at + inner.length)).toBe(' ');
    expect(inner.length).toBeLessThan(plain.length / 2);
    expect(passage?.marks.map(([start, end]) => snippet.slice(start, end))).toEqual(['torture']);
  });

  it('shows no passage when the title, summary or tags matched too', async () => {
    const response = await find('colonies');
    expect(response.hits.map((hit) => hit.id)).toEqual(['prison-conditions']);
    expect(response.hits[0]?.bodyOnly).toBeUndefined();
    expect((await find('Hulak')).hits.every((hit) => !hit.bodyOnly)).toBe(true);
    expect(await passagesOf('colonies')).toEqual([]);
  });

  it('shows no passage for a search without a query', async () => {
    expect((await find('')).hits.every((hit) => !hit.bodyOnly)).toBe(true);
  });
});

describe('full text on a slow network', () => {
  /** The toolkit core, whose body postings arrive only when `release` is called, or fail. */
  function slowBodies() {
    const waiting: { resolve(): void; reject(error: Error): void }[] = [];
    /** Resolves once the core has asked for the bodies' postings (and they wait). */
    const requested = async () => {
      while (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const core = toolkitData.coreOver((read) => ({
      read: (name) =>
        /^index\/bp?\.[0-9a-f]+\.bin$/.test(name)
          ? new Promise((resolve, reject) => {
              waiting.push({ resolve: () => resolve(read(name)), reject });
            })
          : read(name),
    }));
    return {
      core,
      plain: toolkit,
      requested,
      release: () => waiting.splice(0).forEach((load) => load.resolve()),
      fail: () => waiting.splice(0).forEach((load) => load.reject(new Error('offline'))),
    };
  }

  it('answers from titles first and says the bodies are pending, then answers whole', async () => {
    const { core, release } = slowBodies();
    const request = requestOf({ query: 'torture', progressive: true });
    const early = await core.search(request);
    expect(early.fullText).toBe('pending');
    expect(early.hits).toEqual([]);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const whole = await core.search(request);
    expect(whole.fullText).toBeUndefined();
    expect(whole.hits.map((hit) => hit.id)).toEqual(['prison-conditions']);
  });

  it('titles found while waiting are the titles-only answer', async () => {
    const { core, plain } = slowBodies();
    const early = await core.search(requestOf({ query: 'colonies', progressive: true }));
    const titlesOnly = await plain.search(requestOf({ query: 'colonies', fullText: false }));
    expect(early.fullText).toBe('pending');
    expect(early.hits.length).toBeGreaterThan(0);
    expect(early.hits.map((hit) => hit.id)).toEqual(titlesOnly.hits.map((hit) => hit.id));
  });

  it('says so when the bodies fail to load, and tries again on the next search', async () => {
    const { core, fail, release, requested } = slowBodies();
    const request = requestOf({ query: 'torture', progressive: true });
    const pending = core.search(request);
    await requested();
    fail();
    expect((await pending).fullText).toBe('failed');
    const retry = core.search(request);
    await requested();
    release();
    expect((await retry).hits.map((hit) => hit.id)).toEqual(['prison-conditions']);
  });

  it('waits for the bodies when not asked to be progressive', async () => {
    const { core, release } = slowBodies();
    const answer = core.search(requestOf('torture'));
    setTimeout(release, 300);
    const whole = await answer;
    expect(whole.fullText).toBeUndefined();
    expect(whole.hits.map((hit) => hit.id)).toEqual(['prison-conditions']);
  });
});

describe('marks for highlighting', () => {
  /** The marked words of a search's titles and summaries, by publication. */
  async function marked(query: string) {
    const marks = new Map<string, string[]>();
    for (const hit of (await find(query)).hits) {
      const words = [
        ...(hit.marks?.title ?? []).map(([start, end]) => hit.title.slice(start, end)),
        ...(hit.marks?.summary ?? []).map(([start, end]) => hit.summary.slice(start, end)),
      ];
      marks.set(hit.id, words);
    }
    return marks;
  }

  it('mark the words a query matched, in the other script too', async () => {
    expect((await marked('Гулак')).get('hulak-detained')).toEqual(['Hulak']);
    expect((await marked('Гулак')).get('hulak-zatrymany')).toEqual(['Гулака']);
    expect((await marked('Lukashenka')).get('lukashenka-decree')).toEqual(['Лукашэнка']);
  });

  it('mark the word in the text, not the typo', async () => {
    expect((await marked('Bialatski')).get('bialiatski-nobel')).toEqual(['Bialiatski']);
  });

  it('mark the words of a phrase, and other forms of a word', async () => {
    expect((await marked('"political prisoners"')).get('political-prisoners')).toEqual([
      'political',
      'prisoners',
    ]);
    expect((await marked('prisoner')).get('pressure-families')).toEqual(['prisoners']);
  });

  it('leave out excluded words, and mark nothing without a query', async () => {
    expect((await marked('political -release')).get('pressure-families')).toEqual(['Political']);
    expect([...(await marked('')).values()].flat()).toEqual([]);
  });
});

describe('related publications', () => {
  /** What the publication page asks for a publication. */
  function relatedRequest(id: string, exclude?: string[]): RelatedRequest {
    const bytes = toolkitData.files.get(`publications/${id}.json`);
    if (!bytes) throw new Error(`no publication ${id}`);
    const file = v.parse(publicationFileSchema, JSON.parse(new TextDecoder().decode(bytes)));
    return {
      doc: file.doc,
      title: file.publication.title,
      tags: file.publication.tags ?? [],
      organizations: file.publication.organizations,
      exclude: exclude ?? file.translations.map((translation) => translation.id),
    };
  }
  const relatedIds = async (id: string, exclude?: string[]) =>
    (await toolkit.related(relatedRequest(id, exclude))).map((hit) => hit.id);

  it('share an organization, a tag or a distinctive title word', async () => {
    const related = await relatedIds('hulak-detained');
    expect([...related].sort()).toEqual([
      'hulak-sentenced', // names Aleh Hulak
      'political-prisoners', // tagged "arbitrary detention"
      'verdict-political', // also by the Helsinki Committee
    ]);
  });

  it('rank a publication naming the same person above one sharing only an organization', async () => {
    const related = await relatedIds('hulak-detained');
    expect(related.indexOf('hulak-sentenced')).toBeLessThan(related.indexOf('verdict-political'));
  });

  it('ignore title words that many publications share', async () => {
    // Twenty digests have "Minsk" in their titles, and nothing else in common with it.
    expect((await relatedIds('hulak-detained')).some((id) => id.startsWith('minsk-digest'))).toBe(
      false,
    );
  });

  it('leave out the publication itself and the ones asked to be left out', async () => {
    expect(await relatedIds('hulak-detained', [])).toContain('hulak-zatrymany');
    expect(await relatedIds('hulak-detained')).not.toContain('hulak-zatrymany');
    expect(await relatedIds('hulak-detained', [])).not.toContain('hulak-detained');
  });

  it('are at most five', async () => {
    // Every digest shares its organization with the nineteen others.
    const related = await relatedIds('minsk-digest-10');
    expect(related).toHaveLength(5);
    expect(related).not.toContain('minsk-digest-10');
    expect(related.every((id) => id.startsWith('minsk-digest-'))).toBe(true);
  });

  it('are only the publications that share something', async () => {
    // Each shares only its organization with one other publication.
    expect(await relatedIds('lukashenka-decree')).toEqual(['pressure-families']);
    expect(await relatedIds('bialiatski-nobel')).toEqual(['prison-conditions']);
  });

  it('are none when nothing is shared', async () => {
    const lonely = { ...relatedRequest('bialiatski-nobel'), organizations: [], tags: [] };
    expect(await toolkit.related({ ...lonely, title: 'Xylophone quartet' })).toEqual([]);
  });

  it('carry what a result shows', async () => {
    const [hit] = await toolkit.related(relatedRequest('bialiatski-nobel'));
    expect(hit).toEqual({
      id: 'prison-conditions',
      title: 'Conditions in penal colonies',
      summary: 'Letters from inmates describe daily life.',
      date: '2024-02-02',
      type: 'report',
      organizations: ['spring'],
      language: 'en',
    });
  });
});

describe('result cards', () => {
  it('cost a result its own card, not its neighbours’', async () => {
    const read: string[] = [];
    const core = toolkitData.coreOver((inner) => ({
      read: (name) => {
        read.push(name);
        return inner(name);
      },
    }));
    const response = await core.search(requestOf({ query: 'Belarus' }));
    expect(response.hits.length).toBeGreaterThan(1);
    const cards = read.filter((name) => name.startsWith('cards/'));
    expect(cards).toHaveLength(response.hits.length);
    expect(new Set(cards).size).toBe(cards.length);
  });
});
