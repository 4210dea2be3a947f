// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCorpus } from './corpus-validator.ts';
import { LIMITS, grouped } from './limits.ts';
import { isLanguageTag } from './schema.ts';

/**
 * Every limit of limits.ts, at its value and one over: accepted, then one problem that names the
 * limit and the actual size. And docs/corpus-format.md's table says the same numbers.
 */

type Raw = Record<string, unknown>;
type RawCorpus = Raw & { types: Raw[]; organizations: Raw[]; publications: Raw[]; glossary: Raw[] };

function validCorpus(): RawCorpus {
  return {
    version: 1,
    name: 'Archive',
    types: [{ id: 'statement', label: 'Statement' }],
    organizations: [{ id: 'viasna', name: 'Viasna', aliases: ['Вясна'] }],
    glossary: [{ terms: { be: ['палітвязень'], en: ['political prisoner'] } }],
    publications: [
      { id: 'a', title: 'A', type: 'statement', organizations: [], date: '2023' },
      { id: 'b', title: 'B', type: 'statement', organizations: ['viasna'], date: '2023' },
    ],
  };
}

const first = (list: Raw[]): Raw => list[0] ?? {};
/** Text of `count` characters, each two bytes in UTF-8 and one UTF-16 unit, or emoji (two). */
const letters = (count: number) => 'я'.repeat(count);
const emoji = (count: number) => '😀'.repeat(count);
/** A well-formed language tag of exactly `length` characters (at least 4). */
function languageTag(length: number): string {
  let tag = 'en-x';
  while (tag.length < length) {
    const room = length - tag.length - 1;
    tag += `-${'a'.repeat(room > 9 ? 8 : room === 9 ? 7 : room)}`;
  }
  return tag;
}
/** `count` distinct language tags. */
const languages = (count: number) => Array.from({ length: count }, (_, index) => `en-x-${index}`);
const many = <T>(count: number, make: (index: number) => T) =>
  Array.from({ length: count }, (_, i) => make(i));

type Case = {
  path: string;
  limit: number;
  unit: 'characters' | 'bytes' | 'entries' | 'languages';
  set: (corpus: RawCorpus, size: number) => void;
};

const CASES: Case[] = [
  {
    path: 'name',
    limit: LIMITS.archiveName,
    unit: 'characters',
    set: (c, n) => (c.name = letters(n)),
  },
  {
    path: 'names.be',
    limit: LIMITS.archiveName,
    unit: 'characters',
    set: (c, n) => (c.names = { be: emoji(n) }),
  },
  {
    path: 'names',
    limit: LIMITS.languages,
    unit: 'languages',
    set: (c, n) => (c.names = Object.fromEntries(languages(n).map((tag) => [tag, 'x']))),
  },
  {
    path: 'language',
    limit: LIMITS.languageTag,
    unit: 'characters',
    set: (c, n) => (c.language = languageTag(n)),
  },
  {
    path: 'types',
    limit: LIMITS.types,
    unit: 'entries',
    set: (c, n) => (c.types = many(n, (i) => ({ id: i ? `t${i}` : 'statement', label: 'T' }))),
  },
  {
    path: 'types[0].id',
    limit: LIMITS.facetId,
    unit: 'characters',
    set: (c, n) => {
      first(c.types).id = 'a'.repeat(n);
      for (const publication of c.publications) publication.type = 'a'.repeat(n);
    },
  },
  {
    path: 'types[0].label',
    limit: LIMITS.typeLabel,
    unit: 'characters',
    set: (c, n) => (first(c.types).label = letters(n)),
  },
  {
    path: 'types[0].labels.ru',
    limit: LIMITS.typeLabel,
    unit: 'characters',
    set: (c, n) => (first(c.types).labels = { ru: letters(n) }),
  },
  {
    path: 'organizations',
    limit: LIMITS.organizations,
    unit: 'entries',
    set: (c, n) => (c.organizations = many(n, (i) => ({ id: i ? `o${i}` : 'viasna', name: 'O' }))),
  },
  {
    path: 'organizations[0].name',
    limit: LIMITS.organizationName,
    unit: 'characters',
    set: (c, n) => (first(c.organizations).name = letters(n)),
  },
  {
    path: 'organizations[0].aliases',
    limit: LIMITS.aliases,
    unit: 'entries',
    set: (c, n) => (first(c.organizations).aliases = many(n, (i) => `alias ${i}`)),
  },
  {
    path: 'organizations[0].aliases[0]',
    limit: LIMITS.organizationName,
    unit: 'characters',
    set: (c, n) => (first(c.organizations).aliases = [letters(n)]),
  },
  {
    path: 'organizations[0].url',
    limit: LIMITS.url,
    unit: 'characters',
    set: (c, n) => (first(c.organizations).url = `https://example.org/${'a'.repeat(n - 20)}`),
  },
  {
    path: 'glossary',
    limit: LIMITS.glossary,
    unit: 'entries',
    set: (c, n) => (c.glossary = many(n, () => ({ terms: { be: ['a'], en: ['b'] } }))),
  },
  {
    path: 'glossary[0].terms.en',
    limit: LIMITS.terms,
    unit: 'entries',
    set: (c, n) => (c.glossary = [{ terms: { be: ['a'], en: many(n, (i) => `term ${i}`) } }]),
  },
  {
    path: 'glossary[0].terms.en[0]',
    limit: LIMITS.term,
    unit: 'characters',
    set: (c, n) => (c.glossary = [{ terms: { be: ['a'], en: [letters(n)] } }]),
  },
  {
    path: 'publications[1].title',
    limit: LIMITS.title,
    unit: 'characters',
    set: (c, n) => (first(c.publications.slice(1)).title = emoji(n)),
  },
  {
    path: 'publications[1].summary',
    limit: LIMITS.summary,
    unit: 'characters',
    set: (c, n) => (first(c.publications.slice(1)).summary = letters(n)),
  },
  {
    path: 'publications[1].body',
    limit: LIMITS.bodyBytes,
    unit: 'bytes',
    set: (c, n) =>
      (first(c.publications.slice(1)).body = `${letters((n - 1) >> 1)}${n % 2 ? 'x' : ''}`),
  },
  {
    path: 'publications[1].tags',
    limit: LIMITS.tags,
    unit: 'entries',
    set: (c, n) => (first(c.publications.slice(1)).tags = many(n, (i) => `tag ${i}`)),
  },
  {
    path: 'publications[1].tags[0]',
    limit: LIMITS.tag,
    unit: 'characters',
    set: (c, n) => (first(c.publications.slice(1)).tags = [letters(n)]),
  },
  {
    path: 'publications[1].attachments',
    limit: LIMITS.attachments,
    unit: 'entries',
    set: (c, n) =>
      (first(c.publications.slice(1)).attachments = many(n, (i) => ({
        title: 'PDF',
        url: `https://example.org/${i}.pdf`,
      }))),
  },
  {
    path: 'publications[1].attachments[0].title',
    limit: LIMITS.title,
    unit: 'characters',
    set: (c, n) =>
      (first(c.publications.slice(1)).attachments = [
        { title: letters(n), url: 'https://example.org/a.pdf' },
      ]),
  },
  {
    path: 'publications[1].translations',
    limit: LIMITS.languages,
    unit: 'languages',
    set: (c, n) =>
      (first(c.publications.slice(1)).translations = Object.fromEntries(
        languages(n).map((tag) => [tag, 'a']),
      )),
  },
];

function problemsAt(set: Case['set'], size: number) {
  const corpus = validCorpus();
  set(corpus, size);
  const result = validateCorpus(corpus);
  return result.ok ? [] : result.problems;
}

describe('limits', () => {
  it('builds language tags of the length asked', () => {
    for (const length of [LIMITS.languageTag, LIMITS.languageTag + 1]) {
      expect(languageTag(length)).toHaveLength(length);
      expect(isLanguageTag(languageTag(length))).toBe(true);
    }
  });

  it.each(CASES)('$path: at most $limit $unit', ({ path, limit, unit, set }) => {
    expect(problemsAt(set, limit)).toEqual([]);
    const size = unit === 'bytes' ? `${grouped(limit + 1)} bytes long in UTF-8` : '';
    const message =
      unit === 'bytes'
        ? `is ${size} (the limit is ${grouped(limit)})`
        : unit === 'characters'
          ? `is ${grouped(limit + 1)} characters long (the limit is ${grouped(limit)})`
          : `has ${grouped(limit + 1)} ${unit} (the limit is ${grouped(limit)})`;
    expect(problemsAt(set, limit + 1)).toEqual([{ path, message }]);
  });

  it('is what docs/corpus-format.md says, row by row', () => {
    const doc = readFileSync(new URL('../../docs/corpus-format.md', import.meta.url), 'utf8');
    const start = doc.indexOf('## Limits');
    const section = doc.slice(start, doc.indexOf('\n## ', start));
    // The second column of each row but the header's: a number first.
    const documented = [...section.matchAll(/^\|[^|]+\| ([\d,]+)/gm)].map((row) =>
      Number(row[1]?.replace(/,/g, '')),
    );
    expect(documented).toEqual(Object.values(LIMITS));
  });
});
