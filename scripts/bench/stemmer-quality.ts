import path from 'node:path';
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { stemBelarusian } from '../../src/search/analysis/stem-be.ts';
import { loadVocabulary, type VocabularyLanguage } from './hunspell.ts';
import { table } from './stats.ts';

/**
 * How well the stemmers group the forms of a word, measured against hunspell's lemma families
 * (docs/decisions/010-word-forms.md):
 *
 *   npx tsx scripts/bench/stemmer-quality.ts
 *
 * Over every family of two forms or more (forms compared without capitals; Cyrillic forms also
 * without apostrophes), each stemmer's stems are folded as the search engine folds them (ё → е,
 * й → и, ў → у), then:
 *
 * - conflation (recall): the share of forms whose stem is their family's most common stem,
 *   averaged over forms and over families;
 * - collisions (over-stemming): the share of forms whose stem is also the stem of a form of
 *   another family (another lemma), and the mean number of families per stem.
 *
 * Two trivial baselines give the figures a scale: the exact form (no stemming) and its first five
 * letters.
 */

export type Stemmer = (word: string) => string;

export type Row = {
  language: VocabularyLanguage;
  stemmer: string;
  families: number;
  forms: number;
  /** Share of forms whose stem is their family's most common stem. */
  conflationForms: number;
  /** The same share, averaged over families. */
  conflationFamilies: number;
  /** Share of forms whose stem is also a stem of another family. */
  collisionForms: number;
  /** Distinct (stem, family) pairs per distinct stem. */
  familiesPerStem: number;
  /** Time to stem one form, in nanoseconds. */
  nsPerForm: number;
};

/** One lemma and its distinct forms, as the stemmer's caller sees them. */
export type Family = { lemma: string; forms: string[] };

const APOSTROPHES = /['’ʼ]/g;
const MARKS = /\p{M}+/gu;
/** Letters with nothing to fold: a-z, digits, the apostrophe, Cyrillic а–я and і but й. */
const PLAIN = /^[a-z0-9'а-ик-яі]*$/;

/** As src/search/analysis/text.ts folds index terms: ё → е, й → и, ў → у (any mark dropped). */
function fold(text: string): string {
  return PLAIN.test(text) ? text : text.normalize('NFKD').replace(MARKS, '');
}

/** Lower case, and for Belarusian and Russian without apostrophes (the caller's contract). */
function clean(language: VocabularyLanguage, word: string): string {
  const lower = word.toLowerCase();
  return language === 'en' ? lower : lower.replace(APOSTROPHES, '');
}

/** hunspell's lemma families of two forms or more. */
export async function loadFamilies(language: VocabularyLanguage): Promise<Family[]> {
  const byLemma = new Map<string, Set<string>>();
  for (const { form, lemma } of await loadVocabulary(language)) {
    const key = clean(language, lemma);
    let forms = byLemma.get(key);
    if (!forms) byLemma.set(key, (forms = new Set()));
    forms.add(clean(language, form));
  }
  const families: Family[] = [];
  for (const [lemma, forms] of byLemma) {
    if (forms.size >= 2) families.push({ lemma, forms: [...forms] });
  }
  return families;
}

/** The stems of every family's forms (folded), in the families' order, and the time it took. */
export function stemFamilies(families: readonly Family[], stem: Stemmer) {
  const started = performance.now();
  const raw = families.map((family) => family.forms.map(stem));
  const elapsed = performance.now() - started;
  return { stems: raw.map((stems) => stems.map(fold)), elapsed };
}

export type Figures = Omit<Row, 'language' | 'stemmer' | 'nsPerForm'>;

/**
 * The figures of one stemmer over the families, with what they were counted from: each family's
 * most common stem, and the stems shared by more than one family.
 */
export function score(families: readonly Family[], stems: readonly (readonly string[])[]) {
  let forms = 0;
  let conflated = 0;
  let conflatedShare = 0;
  let pairs = 0;
  /** The first family each stem was seen in; stems of several families go to `shared`. */
  const owner = new Map<string, number>();
  const shared = new Set<string>();
  const majority: string[] = [];
  const counts = new Map<string, number>();
  stems.forEach((familyStems, index) => {
    counts.clear();
    for (const stem of familyStems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    let best = '';
    let bestCount = 0;
    for (const [stem, count] of counts) {
      if (count > bestCount) [best, bestCount] = [stem, count];
      const first = owner.get(stem);
      if (first === undefined) owner.set(stem, index);
      else if (first !== index) shared.add(stem);
    }
    majority.push(best);
    pairs += counts.size;
    forms += familyStems.length;
    conflated += bestCount;
    conflatedShare += bestCount / familyStems.length;
  });
  let colliding = 0;
  for (const familyStems of stems) {
    for (const stem of familyStems) if (shared.has(stem)) colliding++;
  }
  const figures: Figures = {
    families: families.length,
    forms,
    conflationForms: conflated / forms,
    conflationFamilies: conflatedShare / families.length,
    collisionForms: colliding / forms,
    familiesPerStem: pairs / owner.size,
  };
  return { figures, majority, shared };
}

const exact: Stemmer = (word) => word;
const firstFive: Stemmer = (word) => word.slice(0, 5);
/** Snowball's Russian stemmer reads е for ё (src/search/analysis/stem.ts gives it е). */
const russian: Stemmer = (word) => stemRussian(word.replaceAll('ё', 'е'));
/**
 * Orama's English stemmer keeps a possessive ("cobra's" → "cobra'"); the app's tokenizer splits
 * it off before stemming (src/search/analysis/text.ts), so it is measured both ways.
 */
const POSSESSIVE = /'s?$/;
const englishWithoutPossessive: Stemmer = (word) => stemEnglish(word.replace(POSSESSIVE, ''));

export const STEMMERS: Record<VocabularyLanguage, [string, Stemmer][]> = {
  be: [
    ['exact form', exact],
    ['first 5 letters', firstFive],
    ['stemBelarusian', stemBelarusian],
    ['Snowball Russian', russian],
  ],
  ru: [
    ['exact form', exact],
    ['first 5 letters', firstFive],
    ['Snowball Russian', russian],
    ['stemBelarusian', stemBelarusian],
  ],
  en: [
    ['exact form', exact],
    ['first 5 letters', firstFive],
    ['Snowball English', stemEnglish],
    ["Snowball English, 's split off", englishWithoutPossessive],
  ],
};

export async function measureStemmers(
  languages: readonly VocabularyLanguage[] = ['be', 'ru', 'en'],
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const language of languages) {
    const families = await loadFamilies(language);
    for (const [name, stem] of STEMMERS[language]) {
      const { stems, elapsed } = stemFamilies(families, stem);
      const { figures } = score(families, stems);
      rows.push({
        language,
        stemmer: name,
        ...figures,
        nsPerForm: (elapsed * 1e6) / figures.forms,
      });
    }
  }
  return rows;
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

export function formatRows(rows: readonly Row[]): string {
  return table([
    [
      'lang',
      'stemmer',
      'families',
      'forms',
      'conflation (forms)',
      'conflation (families)',
      'collisions (forms)',
      'families/stem',
      'ns/form',
    ],
    ...rows.map((row) => [
      row.language,
      row.stemmer,
      row.families.toLocaleString('en'),
      row.forms.toLocaleString('en'),
      percent(row.conflationForms),
      percent(row.conflationFamilies),
      percent(row.collisionForms),
      row.familiesPerStem.toFixed(2),
      Math.round(row.nsPerForm).toLocaleString('en'),
    ]),
  ]);
}

async function main() {
  const started = performance.now();
  const rows = await measureStemmers();
  console.log(formatRows(rows));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\nhunspell lemma families of ≥ 2 forms; stems folded (ё → е, й → и, ў → у); ${seconds} s`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
