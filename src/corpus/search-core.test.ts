// @vitest-environment node
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { corpusFixture } from '../testing/corpus-fixture.ts';
import { htmlToText } from './html-text.ts';
import { coreFromPrepared } from './prepared-core.ts';
import { validateCorpus, type Corpus } from './schema.ts';
import type { SearchCore, SearchRequest, SearchResponse } from './search-core.ts';
import { prepareData } from './search-data.ts';
import type { RelatedRequest } from './search-request.ts';

const { meta } = prepareData(corpusFixture);
const core = coreFromPrepared(prepareData(corpusFixture));
const publications = corpusFixture.publications;

/** A whole request: everything, by relevance, in bodies too, on one page of 100. */
function requestOf(request: Partial<SearchRequest> | string = {}): SearchRequest {
  return {
    query: '',
    types: [],
    organizations: [],
    languages: [],
    sort: 'relevance',
    fullText: true,
    offset: 0,
    limit: 100,
    ...(typeof request === 'string' ? { query: request } : request),
  };
}

function run(request: Partial<SearchRequest> = {}): Promise<SearchResponse> {
  return core.search(requestOf(request));
}

/** The ids found, in order. */
const ids = async (request: Partial<SearchRequest> | string) =>
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
    expect(await idSet('Bialatski')).toEqual(['bialiatski-sentenced', 'solidarity-with-viasna']);
    expect(await idSet('Kolesnikava')).toEqual(['interview-kolesnikova', 'writers-in-prison']);
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
    expect(await ids('Беляцкому')).toEqual(['zayavlenie-o-solidarnosti']); // summary
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
    expect(await idSet('"Bialiatski", Bialiatski!')).toEqual(await idSet('Bialiatski'));
  });
});

describe('relevance', () => {
  it('ranks an exact match above a typo, even one in the title', async () => {
    // "Kalesnikava" is in a summary; "Kolesnikova", two typos away, in another title.
    expect(await ids('Kalesnikava')).toEqual(['writers-in-prison', 'interview-kolesnikova']);
    expect(await ids('Kolesnikova')).toEqual(['interview-kolesnikova', 'writers-in-prison']);
  });

  it('ranks an exact match above a longer word it begins', async () => {
    // "detention" in one summary; "detentions" and "detained" in others.
    expect((await ids('detention'))[0]).toBe('interview-kolesnikova');
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
      const matching = new Set(await ids({ query: scenario.query ?? '' }));
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
