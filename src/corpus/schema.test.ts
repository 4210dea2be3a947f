// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { corpusFixture } from '../testing/corpus-fixture.ts';
import { validateCorpus } from './corpus-validator.ts';
import type { Problem } from './problems.ts';

/**
 * Each rule of the corpus format (shared/spec/corpus.md) is checked by breaking one thing in an
 * otherwise valid corpus and expecting exactly one problem, at the JSON path a producer would look at.
 */

type Raw = Record<string, unknown>;
type RawCorpus = Raw & { types: Raw[]; organizations: Raw[]; publications: Raw[] };

/** A valid corpus with 3 types, 2 organizations and 14 publications, fresh for every test. */
function validCorpus(): RawCorpus {
  const types = ['statement', 'report', 'interview'];
  return {
    version: 1,
    name: 'Test archive',
    language: 'en',
    types: types.map((id) => ({ id, label: id.toUpperCase() })),
    organizations: [
      { id: 'viasna', name: 'Viasna', aliases: ['Вясна'], url: 'https://spring96.org' },
      { id: 'bhc', name: 'Belarusian Helsinki Committee' },
    ],
    publications: Array.from({ length: 14 }, (_, index) => ({
      id: `publication-${index}`,
      title: `Publication ${index}`,
      type: types[index % types.length],
      organizations: index % 2 === 0 ? ['viasna'] : ['bhc', 'viasna'],
      date: `2023-03-${String(index + 1).padStart(2, '0')}`,
      url: `https://example.org/publication-${index}`,
      attachments: [
        { title: 'Full text', url: `https://example.org/publication-${index}.pdf` },
        { title: 'Annex', url: `http://example.org/publication-${index}-annex.pdf` },
      ],
    })),
  };
}

function item(list: Raw[], index: number): Raw {
  const found = list[index];
  if (!found) throw new Error(`no item ${index} in the test corpus`);
  return found;
}

const publication = (corpus: RawCorpus, index: number) => item(corpus.publications, index);

function attachment(corpus: RawCorpus, pub: number, index: number): Raw {
  const attachments = publication(corpus, pub).attachments;
  if (!Array.isArray(attachments)) throw new Error('the test publication has no attachments');
  return item(attachments as Raw[], index);
}

function problemsOf(input: unknown): Problem[] {
  const result = validateCorpus(input);
  return result.ok ? [] : result.problems;
}

/** Validates `validCorpus()` after `change` and returns the problems. */
function problemsAfter(change: (corpus: RawCorpus) => void): Problem[] {
  const corpus = validCorpus();
  change(corpus);
  return problemsOf(corpus);
}

function only(path: string, message?: string) {
  return [
    {
      path,
      message: message === undefined ? expect.any(String) : expect.stringContaining(message),
    },
  ];
}

describe('valid corpora', () => {
  it('accepts the test corpus and the fixture', () => {
    expect(validateCorpus(validCorpus()).ok).toBe(true);
    expect(validateCorpus(corpusFixture).ok).toBe(true);
  });

  it('accepts an empty publications array', () => {
    expect(problemsAfter((corpus) => (corpus.publications = []))).toEqual([]);
  });

  it('accepts a corpus with only the required fields', () => {
    const minimal = {
      version: 1,
      name: 'x',
      types: [{ id: 't', label: 'T' }],
      organizations: [],
      publications: [{ id: 'p', title: 'P', type: 't', organizations: [], date: '2020' }],
    };
    expect(problemsOf(minimal)).toEqual([]);
  });

  it('accepts unknown fields at every level and keeps the rest intact', () => {
    const corpus = validCorpus();
    corpus.producer = { name: 'cms-export', version: '2.1' };
    item(corpus.types, 0).color = 'red';
    item(corpus.organizations, 0).logo = 'https://example.org/logo.png';
    publication(corpus, 0).cmsId = 1234;
    publication(corpus, 0).author = null;
    attachment(corpus, 0, 0).size = 2048;
    const result = validateCorpus(corpus);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.corpus.publications[0]?.title).toBe('Publication 0');
  });

  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '2023-12', '1999'])(
    'accepts the date %s',
    (date) => {
      expect(problemsAfter((corpus) => (publication(corpus, 3).date = date))).toEqual([]);
    },
  );

  it.each(['1-2-3', 'a', '0', 'x'.repeat(200), 'statement-on-solidarity-with-viasna'])(
    'accepts the publication id %s',
    (id) => {
      expect(problemsAfter((corpus) => (publication(corpus, 3).id = id))).toEqual([]);
    },
  );

  it.each(['en', 'ru', 'be-Latn', 'zh-Hant-TW', 'en-GB'])('accepts the language tag %s', (tag) => {
    expect(
      problemsAfter((corpus) => {
        corpus.language = tag;
        publication(corpus, 1).language = tag;
      }),
    ).toEqual([]);
  });

  it('accepts translations that point at publications of the corpus', () => {
    expect(
      problemsAfter((corpus) => {
        publication(corpus, 0).translations = { ru: 'publication-1', be: 'publication-13' };
        publication(corpus, 1).translations = { en: 'publication-0' };
      }),
    ).toEqual([]);
  });
});

describe('the top level', () => {
  it('rejects input that is not an object', () => {
    for (const input of [null, [], 'corpus', 1]) {
      expect(problemsOf(input)).toEqual(only('(root)', 'must be a JSON object'));
    }
  });

  // Without publications, so that a missing `types` is one problem, not one per publication too.
  it.each(['version', 'name', 'types', 'organizations', 'publications'])('requires %s', (field) => {
    const problems = problemsAfter((corpus) => {
      corpus.publications = [];
      delete corpus[field];
    });
    expect(problems).toEqual(only(field, 'is required'));
  });

  it('also reports every publication whose type refers to missing types', () => {
    const problems = problemsAfter((corpus) => Reflect.deleteProperty(corpus, 'types'));
    expect(problems[0]).toEqual({ path: 'types', message: 'is required' });
    expect(problems.slice(1).map((problem) => problem.path)).toEqual(
      Array.from({ length: 14 }, (_, index) => `publications[${index}].type`),
    );
  });

  it.each([2, 0, '1', null])('rejects version %j', (version) => {
    expect(problemsAfter((corpus) => (corpus.version = version))).toEqual(
      only('version', 'must be 1'),
    );
  });

  it('rejects an empty name', () => {
    expect(problemsAfter((corpus) => (corpus.name = '  '))).toEqual(
      only('name', 'must not be empty'),
    );
  });

  it.each(['types', 'organizations', 'publications'])('requires %s to be an array', (field) => {
    const problems = problemsAfter((corpus) => {
      corpus.publications = [];
      corpus[field] = {};
    });
    expect(problems).toEqual(only(field, 'must be an array'));
  });

  it('rejects a bad default language tag', () => {
    expect(problemsAfter((corpus) => (corpus.language = 'en_GB'))).toEqual(
      only('language', '"en_GB" is not a BCP 47 language tag'),
    );
  });
});

describe('names and glossary', () => {
  it('accepts the archive’s names in other languages and a glossary', () => {
    const corpus = validCorpus();
    corpus.names = { be: 'Архіў', ru: 'Архив' };
    corpus.glossary = [
      { terms: { be: ['палітвязень'], ru: ['политзаключённый'], en: ['political prisoner'] } },
      { terms: { ru: ['обыск'], en: ['house search', 'search'] } },
    ];
    expect(problemsOf(corpus)).toEqual([]);
  });

  it('rejects an empty name in another language', () => {
    expect(problemsAfter((corpus) => (corpus.names = { be: '' }))).toEqual(
      only('names.be', 'must not be empty'),
    );
  });

  it('rejects a glossary concept named in one language only', () => {
    expect(problemsAfter((corpus) => (corpus.glossary = [{ terms: { en: ['torture'] } }]))).toEqual(
      only('glossary[0].terms', 'at least two languages'),
    );
  });

  it('rejects empty terms, empty lists and bad language tags in the glossary', () => {
    const problems = problemsAfter(
      (corpus) =>
        (corpus.glossary = [
          { terms: { en: ['torture'], ru: [' '] } },
          { terms: { en: ['amnesty'], be: [] } },
          { terms: { en: ['pardon'], ru_RU: ['помилование'] } },
        ]),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'glossary[0].terms.ru[0]',
      'glossary[1].terms.be',
      'glossary[2].terms.ru_RU',
    ]);
  });

  it('rejects arrays where maps from language tags belong', () => {
    const problems = problemsAfter((corpus) => {
      corpus.names = [];
      item(corpus.types, 0).labels = [];
      item(corpus.organizations, 0).names = ['Вясна'];
      corpus.glossary = [{ terms: [['a'], ['b']] }];
    });
    expect(problems).toEqual([
      { path: 'names', message: 'must be an object from language tags to text' },
      { path: 'types[0].labels', message: 'must be an object from language tags to text' },
      { path: 'organizations[0].names', message: 'must be an object from language tags to text' },
      {
        path: 'glossary[0].terms',
        message: 'must be an object from language tags to lists of terms',
      },
    ]);
  });

  it('requires the glossary to be a list', () => {
    expect(problemsAfter((corpus) => (corpus.glossary = {}))).toEqual(
      only('glossary', 'must be an array'),
    );
  });
});

describe('types and organizations', () => {
  it('requires a type label and an organization name', () => {
    expect(problemsAfter((corpus) => delete item(corpus.types, 1).label)).toEqual(
      only('types[1].label', 'is required'),
    );
    expect(problemsAfter((corpus) => delete item(corpus.organizations, 1).name)).toEqual(
      only('organizations[1].name', 'is required'),
    );
  });

  it.each(['Statement', 'has space', 'under_score', '', 'заява'])(
    'rejects the type id %j',
    (id) => {
      expect(
        problemsAfter((corpus) => {
          corpus.types.push({ id, label: 'New' });
        }),
      ).toEqual(only('types[3].id', `${JSON.stringify(id)} must match [a-z0-9-]+`));
    },
  );

  it('rejects a bad organization id', () => {
    expect(problemsAfter((corpus) => (item(corpus.organizations, 1).id = 'BHC'))).toEqual([
      { path: 'organizations[1].id', message: '"BHC" must match [a-z0-9-]+' },
      // The publications that named "bhc" now name an undeclared organization.
      ...[1, 3, 5, 7, 9, 11, 13].map((index) => ({
        path: `publications[${index}].organizations[0]`,
        message: expect.stringContaining('"bhc" is not one of the declared organizations'),
      })),
    ]);
  });

  it('rejects a duplicate type id, naming the first', () => {
    expect(problemsAfter((corpus) => corpus.types.push({ id: 'report', label: 'Again' }))).toEqual(
      only('types[3].id', '"report" is used again (first at types[1])'),
    );
  });

  it('rejects a duplicate organization id, naming the first', () => {
    expect(
      problemsAfter((corpus) => corpus.organizations.push({ id: 'viasna', name: 'Again' })),
    ).toEqual(only('organizations[2].id', '"viasna" is used again (first at organizations[0])'));
  });

  it('rejects aliases that are not non-empty strings', () => {
    expect(problemsAfter((corpus) => (item(corpus.organizations, 0).aliases = 'Вясна'))).toEqual(
      only('organizations[0].aliases', 'must be an array'),
    );
    expect(
      problemsAfter((corpus) => (item(corpus.organizations, 0).aliases = ['Вясна', ''])),
    ).toEqual(only('organizations[0].aliases[1]', 'must not be empty'));
  });

  it.each([
    'javascript:alert(1)',
    'ftp://spring96.org',
    '/about',
    'spring96.org',
    'mailto:a@b.org',
  ])('rejects the organization url %s', (url) => {
    expect(problemsAfter((corpus) => (item(corpus.organizations, 1).url = url))).toEqual(
      only('organizations[1].url', `${JSON.stringify(url)} is not an http(s) URL`),
    );
  });
});

describe('publications', () => {
  it.each(['id', 'title', 'type', 'organizations', 'date'])('requires %s', (field) => {
    expect(problemsAfter((corpus) => delete publication(corpus, 4)[field])).toEqual(
      only(`publications[4].${field}`, 'is required'),
    );
  });

  it('rejects an empty title', () => {
    expect(problemsAfter((corpus) => (publication(corpus, 4).title = ''))).toEqual(
      only('publications[4].title', 'must not be empty'),
    );
  });

  it.each([
    '-leading-hyphen',
    'Upper-case',
    'under_score',
    'with space',
    'ünïcode',
    '',
    'x'.repeat(201),
  ])('rejects the publication id %j', (id) => {
    expect(problemsAfter((corpus) => (publication(corpus, 5).id = id))).toEqual(
      only('publications[5].id', 'must match [a-z0-9][a-z0-9-]* and be at most 200 characters'),
    );
  });

  it('rejects a duplicate publication id, naming the first', () => {
    expect(problemsAfter((corpus) => (publication(corpus, 11).id = 'publication-7'))).toEqual(
      only('publications[11].id', '"publication-7" is used again (first at publications[7])'),
    );
  });

  it('names the first use for every later duplicate', () => {
    expect(
      problemsAfter((corpus) => {
        publication(corpus, 9).id = 'publication-2';
        publication(corpus, 12).id = 'publication-2';
      }),
    ).toEqual([
      {
        path: 'publications[9].id',
        message: '"publication-2" is used again (first at publications[2])',
      },
      {
        path: 'publications[12].id',
        message: '"publication-2" is used again (first at publications[2])',
      },
    ]);
  });

  it('rejects a type that is not declared, listing the declared ones', () => {
    expect(problemsAfter((corpus) => (publication(corpus, 10).type = 'statment'))).toEqual(
      only(
        'publications[10].type',
        '"statment" is not one of the declared types (statement, report, interview)',
      ),
    );
  });

  it('rejects an organization that is not declared', () => {
    expect(
      problemsAfter((corpus) => (publication(corpus, 3).organizations = ['bhc', 'pen'])),
    ).toEqual(
      only('publications[3].organizations[1]', '"pen" is not one of the declared organizations'),
    );
  });

  it('rejects an organization listed twice', () => {
    expect(
      problemsAfter(
        (corpus) => (publication(corpus, 2).organizations = ['viasna', 'bhc', 'viasna']),
      ),
    ).toEqual(only('publications[2].organizations', 'more than once'));
  });

  it('accepts an empty organizations list', () => {
    expect(problemsAfter((corpus) => (publication(corpus, 2).organizations = []))).toEqual([]);
  });

  it.each([
    '2023-02-30',
    '2023-13',
    '2021-02-29',
    '1900-02-29',
    '2023-00',
    '2023-04-31',
    '2023-03-00',
    '2023-3',
    '2023-03-6',
    '23',
    '0000',
    '2023/03/06',
    '06.03.2023',
    '2023-03-06T10:00:00Z',
    '',
  ])('rejects the date %j', (date) => {
    expect(problemsAfter((corpus) => (publication(corpus, 12).date = date))).toEqual(
      only('publications[12].date', `${JSON.stringify(date)} is not a calendar date`),
    );
  });

  it('rejects a date that is not a string', () => {
    expect(problemsAfter((corpus) => (publication(corpus, 12).date = 2023))).toEqual(
      only('publications[12].date', 'must be a string'),
    );
  });

  it.each([
    'javascript:alert(1)',
    'ftp://example.org/a.pdf',
    '/publications/a',
    'example.org/a',
    '',
  ])('rejects the url %j in a publication and its attachments', (url) => {
    const message = `${JSON.stringify(url)} is not an http(s) URL`;
    expect(problemsAfter((corpus) => (publication(corpus, 6).url = url))).toEqual(
      only('publications[6].url', message),
    );
    expect(problemsAfter((corpus) => (attachment(corpus, 6, 1).url = url))).toEqual(
      only('publications[6].attachments[1].url', message),
    );
  });

  it('rejects arrays where objects belong', () => {
    expect(problemsAfter((corpus) => Reflect.set(corpus.publications, 3, []))).toEqual(
      only('publications[3]', 'must be an object'),
    );
    expect(problemsAfter((corpus) => (publication(corpus, 6).attachments = [[]]))).toEqual(
      only('publications[6].attachments[0]', 'must be an object'),
    );
  });

  it('requires attachments to be titled objects', () => {
    expect(problemsAfter((corpus) => delete attachment(corpus, 6, 0).title)).toEqual(
      only('publications[6].attachments[0].title', 'is required'),
    );
    expect(
      problemsAfter(
        (corpus) => (publication(corpus, 6).attachments = ['https://example.org/a.pdf']),
      ),
    ).toEqual(only('publications[6].attachments[0]', 'must be an object'));
  });

  it('requires tags to be strings', () => {
    expect(problemsAfter((corpus) => (publication(corpus, 8).tags = ['ok', 7]))).toEqual(
      only('publications[8].tags[1]', 'must be a string'),
    );
  });

  it.each(['en_US', 'not a tag', '', 'x', 'en-'])('rejects the language tag %j', (tag) => {
    expect(problemsAfter((corpus) => (publication(corpus, 8).language = tag))).toEqual(
      only('publications[8].language', `${JSON.stringify(tag)} is not a BCP 47 language tag`),
    );
  });

  it('rejects a translation to a publication that does not exist', () => {
    expect(
      problemsAfter((corpus) => (publication(corpus, 2).translations = { ru: 'publication-99' })),
    ).toEqual(
      only(
        'publications[2].translations.ru',
        '"publication-99" is not the id of a publication in this corpus',
      ),
    );
  });

  it('rejects a translation under a key that is not a language tag', () => {
    expect(
      problemsAfter(
        (corpus) => (publication(corpus, 2).translations = { 'Russian version': 'publication-1' }),
      ),
    ).toEqual(
      only(
        'publications[2].translations["Russian version"]',
        '"Russian version" is not a BCP 47 language tag',
      ),
    );
  });

  it('rejects translations that are not a map', () => {
    expect(
      problemsAfter((corpus) => (publication(corpus, 2).translations = 'publication-1')),
    ).toEqual(only('publications[2].translations', 'must be an object'));
    const fromArray = problemsAfter(
      (corpus) => (publication(corpus, 2).translations = ['publication-1']),
    );
    expect(fromArray).toHaveLength(1);
    expect(fromArray[0]?.path).toMatch(/^publications\[2\]\.translations/);
  });
});

describe('reporting', () => {
  it('reports every problem at once', () => {
    const problems = problemsAfter((corpus) => {
      corpus.version = 2;
      item(corpus.types, 2).label = '';
      publication(corpus, 1).date = '2023-02-30';
      publication(corpus, 4).url = 'javascript:alert(1)';
      publication(corpus, 9).translations = { ru: 'missing' };
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'version',
      'types[2].label',
      'publications[1].date',
      'publications[4].url',
      'publications[9].translations.ru',
    ]);
  });

  it('reports several problems of one publication', () => {
    const problems = problemsAfter((corpus) => {
      const broken = publication(corpus, 3);
      broken.title = '';
      broken.date = '2023-13';
      broken.url = 'ftp://example.org';
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'publications[3].title',
      'publications[3].date',
      'publications[3].url',
    ]);
  });

  it('sorts problems in document order, comparing indexes as numbers', () => {
    const problems = problemsAfter((corpus) => {
      publication(corpus, 10).date = '2023-02-30';
      publication(corpus, 2).title = '';
      item(corpus.organizations, 0).url = 'ftp://spring96.org';
      item(corpus.types, 1).label = '';
      corpus.name = '';
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'name',
      'types[1].label',
      'organizations[0].url',
      'publications[2].title',
      'publications[10].date',
    ]);
  });

  it('places duplicate publication ids among the other publication problems', () => {
    const problems = problemsAfter((corpus) => {
      publication(corpus, 12).date = '2023-02-30';
      publication(corpus, 11).id = 'publication-3';
      publication(corpus, 2).title = '';
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'publications[2].title',
      'publications[11].id',
      'publications[12].date',
    ]);
  });

  it('sorts duplicate-id problems in document order too', () => {
    const problems = problemsAfter((corpus) => {
      publication(corpus, 0).date = '2023-02-30';
      corpus.types.push({ ...item(corpus.types, 0) });
      publication(corpus, 2).date = '2023-13';
      publication(corpus, 2).id = String(publication(corpus, 1).id);
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'types[3].id',
      'publications[0].date',
      'publications[2].id',
      'publications[2].date',
    ]);
  });
});
