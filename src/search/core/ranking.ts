import { FREQUENCY_STEPS } from '../index/postings-codec.ts';
import { FIELD } from '../index/format.ts';
import { lengthOf, type Columns } from '../index/columns.ts';
import type { CorpusMeta } from '../protocol.ts';

/**
 * How a match is scored (docs/decisions/016-ranking.md): BM25F, the fields weighed and each
 * normalised by its length, so that a short record about the query ranks above a long text that
 * mentions it; a word's candidates weighed by how precisely they match it; the query's words
 * weighed by their rarity. Named once here, as MiniSearch names its BM25 parameters.
 */
export const RANKING = {
  /** How fast more occurrences stop adding (BM25's k1). */
  k1: 1.2,
  /** Per field: how much a match there counts, and how much its length matters (BM25's b). */
  title: { weight: 3, b: 0.3 },
  summary: { weight: 1.5, b: 0.5 },
  tags: { weight: 2 },
  body: { weight: 1, b: 0.75 },
  /** The word names one of the publication's organizations. */
  organization: { weight: 2.5 },
  /** A year in the query, and the publication is dated in it: more than the year in a title. */
  date: { weight: 4 },
  /** A quoted phrase that stands in the text counts this much more than its words apart. */
  phrase: 1.5,
} as const;

/** How precisely a candidate matches the word typed (what the reader most likely meant). */
export const SIMILARITY = {
  exact: 1,
  /** Another form of the word (its stem). */
  stem: 0.8,
  /** Another spelling of a name (its name key). */
  key: 0.7,
  /** A word it begins (while typing): 0.6 + 0.3 × the share of the word typed. */
  prefix: 0.6,
  prefixPerLetter: 0.3,
  /** A word a typo away; each edit costs `typoStep` more. */
  typo: 0.55,
  typoStep: 0.1,
  /** A term of the same concept in another language (the glossary): below the words typed. */
  glossary: 0.5,
  /**
   * A term of the same concept in the language typed ("затрымалі" for "затрыманні"): nearer
   * than another language, as near as another spelling of a name.
   */
  glossarySame: 0.7,
} as const;

/** Similarities from here on are "precise": they say the reader's word, not a guess at it. */
export const PRECISE = 0.6;

/** BM25's inverse document frequency: a rare word says more than a common one. */
export function idf(count: number, documentFrequency: number): number {
  return Math.log(1 + (count - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** BM25's saturation: the first occurrence counts most, each next one less. */
export function saturate(frequency: number): number {
  return (frequency * (RANKING.k1 + 1)) / (RANKING.k1 + frequency);
}

/**
 * Per publication, what a match in each field is worth before saturation: the field's weight over
 * its length normalisation (1 − b + b × length / average length).
 */
export class FieldNorms {
  private readonly title: Float32Array;
  private readonly summary: Float32Array;
  private readonly bodies: Float32Array;

  constructor(columns: Columns, averages: CorpusMeta['averageLengths']) {
    const norms = (
      codes: Uint8Array,
      average: number,
      { weight, b }: { weight: number; b: number },
    ) => {
      // A code stands for a length: 128 values, computed once.
      const byCode = new Float32Array(128);
      for (let code = 0; code < 128; code++) {
        const ratio = average > 0 ? lengthOf(code) / average : 1;
        byCode[code] = weight / (1 - b + b * ratio);
      }
      return Float32Array.from(codes, (code) => byCode[code] ?? 0);
    };
    this.title = norms(columns.titleLengths, averages.title, RANKING.title);
    this.summary = norms(columns.summaryLengths, averages.summary, RANKING.summary);
    this.bodies = norms(columns.bodyLengths, averages.body, RANKING.body);
  }

  /** The weight of a match in titles, summaries or tags (`fields`: FIELD bits) of `doc`. */
  text(doc: number, fields: number): number {
    let value = 0;
    if (fields & FIELD.title) value += this.title[doc] ?? 0;
    if (fields & FIELD.summary) value += this.summary[doc] ?? 0;
    if (fields & FIELD.tags) value += RANKING.tags.weight;
    return value;
  }

  /** The weight of a match in the body of `doc`, standing there `step` often (FREQUENCY_STEPS). */
  body(doc: number, step: number): number {
    return (this.bodies[doc] ?? 0) * (FREQUENCY_STEPS[step] ?? 1);
  }
}
