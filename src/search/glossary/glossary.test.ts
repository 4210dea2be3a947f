// @vitest-environment node
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { validateCorpus } from '../../corpus/corpus-validator.ts';

/**
 * The glossary the app ships (issue 16, "Across languages"): concepts of the archive's subject, each
 * named in Belarusian, Russian and English, that widen a query into the other two languages. Its
 * format is the corpus format's `glossary[]` (shared/spec/corpus.md, "A glossary") plus an `id`.
 * These tests keep the file well-formed; they cannot judge the words, which were reviewed by reading.
 */

const LANGUAGES = ['be', 'ru', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
type Concept = { id: string; terms: Record<Language, string[]> };

const file = new URL('./glossary.json', import.meta.url);
const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTermList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((term) => typeof term === 'string');
}

/** The file's concepts, or an error naming the first one that is not `{ id, terms: { be, ru, en } }`. */
function readConcepts(value: unknown): Concept[] {
  if (!Array.isArray(value)) throw new Error('glossary.json must be a JSON array');
  return value.map((item: unknown, index) => {
    if (!isRecord(item) || typeof item.id !== 'string' || !isRecord(item.terms)) {
      throw new Error(`concept ${index} must be { "id": "…", "terms": { … } }`);
    }
    const { id, terms } = item;
    const extra = Object.keys(terms).filter(
      (key) => !(LANGUAGES as readonly string[]).includes(key),
    );
    if (extra.length > 0) throw new Error(`${id}: unexpected languages ${extra.join(', ')}`);
    const [be, ru, en] = LANGUAGES.map((language) => terms[language]);
    if (!isTermList(be) || !isTermList(ru) || !isTermList(en)) {
      throw new Error(`${id}: be, ru and en must each be a list of strings`);
    }
    return { id, terms: { be, ru, en } };
  });
}

const concepts = readConcepts(raw);
const entries = concepts.flatMap((concept) =>
  LANGUAGES.flatMap((language) =>
    concept.terms[language].map((term) => ({ id: concept.id, language, term })),
  ),
);

const LATIN = /[A-Za-z]/;
const CYRILLIC = /\p{Script=Cyrillic}/u;
/** Letters Russian has and Belarusian does not, and the other way round. */
const RUSSIAN_ONLY = /[ИиЩщЪъ]/;
const BELARUSIAN_ONLY = /[ІіЎў]/;
/** Russian terms with a letter only Belarusian has: none yet. Add one only with a comment why. */
const RUSSIAN_EXCEPTIONS: ReadonlySet<string> = new Set();
/** Belarusian terms with a letter only Russian has: none yet. Add one only with a comment why. */
const BELARUSIAN_EXCEPTIONS: ReadonlySet<string> = new Set();

function where(entry: { id: string; language: Language; term: string }): string {
  return `${entry.id} (${entry.language}): ${JSON.stringify(entry.term)}`;
}

describe('the shipped glossary', () => {
  it('names at least 300 concepts', () => {
    expect(concepts.length).toBeGreaterThanOrEqual(300);
  });

  it('gives every concept a short, unique kebab-case id', () => {
    const bad = concepts.filter((concept) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(concept.id));
    expect(bad.map((concept) => concept.id)).toEqual([]);
    const ids = concepts.map((concept) => concept.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('names every concept in be, ru and en with at least one term each', () => {
    const missing = concepts.flatMap((concept) =>
      LANGUAGES.filter((language) => concept.terms[language].length === 0).map(
        (language) => `${concept.id} (${language})`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('writes every term as trimmed, non-empty text with single spaces', () => {
    const bad = entries.filter(({ term }) => term.trim() !== term || !term || /\s{2,}/.test(term));
    expect(bad.map(where)).toEqual([]);
  });

  it('repeats no term within a language of a concept (case and ё aside)', () => {
    const repeated = concepts.flatMap((concept) =>
      LANGUAGES.flatMap((language) => {
        const keys = concept.terms[language].map((term) => term.toLowerCase().replace(/ё/g, 'е'));
        return keys
          .filter((key, index) => keys.indexOf(key) !== index)
          .map((key) => `${concept.id} (${language}): ${key}`);
      }),
    );
    expect(repeated).toEqual([]);
  });

  it('writes Belarusian and Russian terms in Cyrillic only, with no Latin lookalikes', () => {
    const bad = entries.filter(
      ({ language, term }) => language !== 'en' && (LATIN.test(term) || !CYRILLIC.test(term)),
    );
    expect(bad.map(where)).toEqual([]);
  });

  it('writes English terms without Cyrillic letters', () => {
    const bad = entries.filter(({ language, term }) => language === 'en' && CYRILLIC.test(term));
    expect(bad.map(where)).toEqual([]);
  });

  it('keeps и, щ, ъ out of Belarusian and і, ў out of Russian', () => {
    const bad = entries.filter(
      ({ language, term }) =>
        (language === 'be' && RUSSIAN_ONLY.test(term) && !BELARUSIAN_EXCEPTIONS.has(term)) ||
        (language === 'ru' && BELARUSIAN_ONLY.test(term) && !RUSSIAN_EXCEPTIONS.has(term)),
    );
    expect(bad.map(where)).toEqual([]);
  });

  it('writes the Belarusian apostrophe as ’, not as a straight quote', () => {
    const bad = entries.filter(({ language, term }) => language === 'be' && term.includes("'"));
    expect(bad.map(where)).toEqual([]);
  });

  it('is valid as the glossary of a corpus (shared/spec/corpus.md)', () => {
    const result = validateCorpus({
      version: 1,
      name: 'x',
      types: [],
      organizations: [],
      publications: [],
      glossary: concepts.map(({ terms }) => ({ terms })),
    });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('stays within its budget of 30 kB gzipped', () => {
    const bytes = gzipSync(readFileSync(file), { level: 9 }).length;
    expect(bytes).toBeLessThanOrEqual(30_000);
  });
});
