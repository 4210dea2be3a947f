import { dayOf } from '../index/columns.ts';
import { IN_BODY } from '../index/format.ts';
import { RANKING, idf, saturate } from './ranking.ts';
import type { GlossaryCandidate, MatchContext, Postings, Via, WordPart } from './word-part.ts';

/**
 * Each part of a query scored per publication (docs/decisions/016-ranking.md): a loose word by
 * BM25F over its best candidate, its organizations, its year and its glossary terms; a quoted
 * phrase as one rare word.
 */

/** One part's score per publication (0 where it does not match), and its weight in the query. */
export type PartScore = {
  score: Float32Array;
  weight: number;
  optional: boolean;
  frequency: number;
  /**
   * A phrase's words found apart, or in other forms, where the phrase itself is not: a weaker
   * hold on the part (docs/decisions/016-ranking.md). Absent for words.
   */
  loose?: Float32Array;
};

/** What a phrase's words found apart count, beside the phrase found as typed. */
const LOOSE_PHRASE = 0.3;

/**
 * A word's score per publication: BM25F over its best candidate (the one that matches most
 * precisely times most strongly), plus its organizations and its year, saturated, times the
 * word's rarity. The rarity is the word's (how many publications any reading of it finds), not
 * each candidate's: otherwise rare near-misses would outrank the term the reader meant.
 */
export function scoreWord(
  context: MatchContext,
  part: WordPart,
  postings: Postings,
  readBodies: boolean,
  outsideBody: Uint8Array,
  via: Map<number, Via>,
): PartScore {
  const { count, columns } = context;
  const norms = context.norms();
  const best = new Float32Array(count);
  const scratch = new Float32Array(count);
  /** Per publication, the best of the glossary's terms, where the word itself is not found. */
  const widened = new Float32Array(count);
  const widenedBy = new Map<number, GlossaryCandidate>();
  const touched: number[] = [];
  const add = (doc: number, value: number) => {
    if (scratch[doc] === 0) touched.push(doc);
    scratch[doc] = (scratch[doc] ?? 0) + value;
  };
  for (const candidate of part.matches.candidates) {
    const text = candidate.text ? postings.get(candidate.text) : undefined;
    if (text) {
      for (let i = 0; i < text.docs.length; i++) {
        const doc = text.docs[i] ?? 0;
        add(doc, norms.text(doc, text.fields?.[i] ?? 0));
        outsideBody[doc] = 1;
      }
    }
    const body = readBodies && candidate.body ? postings.get(candidate.body) : undefined;
    if (body) {
      for (let i = 0; i < body.docs.length; i++) {
        const doc = body.docs[i] ?? 0;
        add(doc, norms.body(doc, body.steps?.[i] ?? 0));
      }
    }
    for (const doc of touched) {
      const value = candidate.similarity * (scratch[doc] ?? 0);
      if (value > (best[doc] ?? 0)) best[doc] = value;
      scratch[doc] = 0;
    }
    touched.length = 0;
  }
  // Organizations: the best-matching one of the publication's, beside its own text.
  for (const org of part.matches.organizations) {
    const value = org.similarity * RANKING.organization.weight;
    for (const doc of org.docs) {
      if (value > (scratch[doc] ?? 0)) scratch[doc] = value;
      outsideBody[doc] = 1;
    }
  }
  if (part.year !== null) {
    const first = part.year * 10000;
    for (let doc = 0; doc < count; doc++) {
      const day = dayOf(columns.dates[doc] ?? 0);
      if (day >= first && day < first + 10000) {
        scratch[doc] = (scratch[doc] ?? 0) + RANKING.date.weight;
        outsideBody[doc] = 1;
      }
    }
  }
  for (const candidate of part.glossary) {
    for (let i = 0; i < candidate.docs.length; i++) {
      const doc = candidate.docs[i] ?? 0;
      const fields = candidate.fields[i] ?? 0;
      if (!readBodies && !(fields & 7)) continue;
      const where = norms.text(doc, fields & 7) + (fields & IN_BODY ? norms.body(doc, 0) : 0);
      const value = candidate.similarity * where;
      if (value > (widened[doc] ?? 0)) {
        widened[doc] = value;
        widenedBy.set(doc, candidate);
      }
      if (fields & 7) outsideBody[doc] = 1;
    }
  }
  let frequency = 0;
  for (let doc = 0; doc < count; doc++) {
    const own = (best[doc] ?? 0) + (scratch[doc] ?? 0);
    const other = widened[doc] ?? 0;
    const value = Math.max(own, other);
    best[doc] = value;
    if (value > 0) frequency++;
    if (own === 0 && other > 0 && !via.has(doc)) {
      const by = widenedBy.get(doc);
      if (by) via.set(doc, { term: by.term, language: by.language });
    }
  }
  const weight = idf(count, frequency);
  for (let doc = 0; doc < count; doc++) {
    const value = best[doc] ?? 0;
    if (value > 0) best[doc] = weight * saturate(value);
  }
  return { score: best, weight: part.optional ? 0 : weight, optional: part.optional, frequency };
}

/** A quoted phrase: where its words stand together, scored as one rare word. */
export function scorePhrase(
  context: MatchContext,
  length: number,
  docs: ReadonlyMap<number, number>,
  outsideBody: Uint8Array,
  /** The phrase's words, each scored as a loose word (other forms, glossary terms). */
  words: readonly PartScore[],
): PartScore {
  const norms = context.norms();
  const score = new Float32Array(context.count);
  const weight = idf(context.count, docs.size) * Math.max(1, length * 0.75);
  for (const [doc, fields] of docs) {
    const frequency = norms.text(doc, fields & 7) + (fields & IN_BODY ? norms.body(doc, 0) : 0);
    score[doc] = weight * saturate(frequency * RANKING.phrase);
    if (fields & 7) outsideBody[doc] = 1;
  }
  // Where the phrase is not, its words in any form (a Russian phrase in another case, a term of
  // the glossary), every one of them: a partial hold, so they follow the phrase when it is rare.
  const loose = new Float32Array(context.count);
  if (words.length > 0) {
    for (let doc = 0; doc < context.count; doc++) {
      if ((score[doc] ?? 0) > 0) continue;
      let sum = 0;
      for (const word of words) {
        const value = word.score[doc] ?? 0;
        if (value <= 0) {
          sum = 0;
          break;
        }
        sum += value;
      }
      if (sum > 0) loose[doc] = LOOSE_PHRASE * sum;
    }
  }
  return { score, weight, optional: false, frequency: docs.size, loose };
}
