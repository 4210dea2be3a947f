import { isEmptyQuery, type ParsedQuery } from '../analysis/query-syntax.ts';
import { STOP_WORDS, type Word } from '../analysis/text.ts';
import { hasCyrillic, spellingKey } from '../analysis/transliterate.ts';
import { dayOf, type Columns } from '../index/columns.ts';
import { IN_BODY, type Location } from '../index/format.ts';
import { type ConceptTerm } from '../index/concept-codec.ts';
import { type DecodedPostings } from '../index/postings-codec.ts';
import type { IndexReader } from './index-reader.ts';
import { emptyForms, type MatchedForms } from './marks.ts';
import type { Organizations } from './organizations.ts';
import { phraseDocs } from './phrases.ts';
import type { FieldNorms } from './ranking.ts';
import { RANKING, SIMILARITY, idf, saturate } from './ranking.ts';
import {
  matchWord,
  spellingsOf,
  stemsOf,
  type Correction,
  type WordMatches,
} from './word-matches.ts';

/**
 * What a query matches, publication by publication (docs/decisions/016-ranking.md). The query is
 * cut into parts: each loose word, each quoted phrase. A publication holding every part (stop
 * words aside) is a full match; one holding some is a partial match, with the share of the query
 * it holds, each part weighed by its rarity (Meilisearch's `words` rule, Algolia's
 * `removeWordsIfNoResults`): the search core shows partial matches when full ones are few. Each
 * part scores by BM25F (ranking.ts); a publication's score is the sum over the parts it holds.
 */

export type BodyState = 'ready' | 'pending' | 'failed';

export type QueryMatch = {
  /** Per publication: 2 holds every part of the query, 1 some (not only stop words), 0 none. */
  tier: Uint8Array;
  score: Float64Array;
  /** The share of the query a publication holds, each part weighed by its rarity (0 … 1). */
  coverage: Float32Array;
  /** How many of the query's parts (stop words aside) each publication holds. */
  held: Uint8Array;
  /** The query's parts, stop words aside. */
  parts: number;
  /** Publications holding every part. */
  fullCount: number;
  /** 1 where a publication matched outside its body (title, summary, tags, organization, date). */
  outsideBody: Uint8Array;
  /** Publications found for some word only through another term of its glossary concept. */
  via: ReadonlyMap<number, Via>;
  /** Per loose word of the query: how many publications it finds, and its near spelling if it
   * was read as a typo. */
  words: { word: Word; optional: boolean; frequency: number; correction?: Correction }[];
  forms: MatchedForms;
  /** Whether the bodies' postings were read (see `loadPostings`). */
  bodies: BodyState;
};

/** Publications a glossary term of the word's concept finds (another language, a synonym). */
type GlossaryCandidate = {
  term: string;
  language: string;
  docs: Uint32Array;
  /** Per publication: FIELD bits, and IN_BODY. */
  fields: Uint8Array;
};

type WordPart = {
  word: Word;
  /** A stop word: it adds to the score where it stands, but is not asked for. */
  optional: boolean;
  matches: WordMatches;
  /** A year (1900–2099): publications dated in it match too. */
  year: number | null;
  /** Other terms of a glossary concept the query names with this word (and its neighbours). */
  glossary: GlossaryCandidate[];
};

/** How a publication was found through the glossary only: the term that found it. */
export type Via = { term: string; language: string };

/** How long a progressive search waits for the bodies' postings before answering without them. */
const BODY_WAIT_MS = 150;
const YEAR = /^(19|20)\d\d$/;

type Postings = Map<Location, DecodedPostings>;

export type MatchContext = {
  count: number;
  reader: IndexReader;
  organizations: Organizations;
  columns: Columns;
  norms: () => FieldNorms;
};

/** Per loose word of the query: what it may mean. */
async function resolveWords(
  context: MatchContext,
  query: ParsedQuery,
  forms: MatchedForms,
): Promise<WordPart[]> {
  const onlyStopWords = query.words.every((word) => STOP_WORDS.has(word.term));
  const last = query.words.length - 1;
  return Promise.all(
    query.words.map(async (word, index) => {
      const optional = !onlyStopWords && STOP_WORDS.has(word.term);
      const matches = await matchWord(
        context.reader,
        context.organizations,
        word,
        { loose: !optional, prefix: !optional && query.typing && index === last },
        forms,
      );
      const year = YEAR.test(word.term) ? Number(word.term) : null;
      return { word, optional, matches, year, glossary: [] };
    }),
  );
}

/**
 * Across languages (docs/decisions/016-ranking.md): where a run of the query's words is a term of
 * a glossary concept ("смертная казнь", "death penalty"), the concept's other terms — in the other
 * languages, and synonyms — find publications for those words too. The concepts a word may begin
 * are listed in the index under its stems (in blocks the word's own lookup has read); a concept's
 * terms and their publications are one small file, read only when the query names it.
 */
async function widenByGlossary(
  context: MatchContext,
  parts: readonly WordPart[],
  forms: MatchedForms,
): Promise<void> {
  const { reader } = context;
  const content = parts.filter((part) => !part.optional);
  const keys = content.map((part) => new Set([part.word.term, ...stemsOf(part.word)]));
  const listed = await Promise.all(
    keys.map(async (set) => {
      const found = await Promise.all([...set].map((key) => reader.conceptsOf(key)));
      return [...new Set(found.flat())];
    }),
  );
  if (listed.every((concepts) => concepts.length === 0)) return;
  const concepts = new Map<number, ConceptTerm[]>();
  await Promise.all(
    [...new Set(listed.flat())].map(async (concept) => {
      concepts.set(concept, await reader.concept(concept));
    }),
  );
  // Every run of words a term of a concept spells, longest first.
  type Span = { start: number; length: number; concept: number; terms: Set<number> };
  const spans: Span[] = [];
  listed.forEach((numbers, start) => {
    for (const concept of numbers) {
      const terms = concepts.get(concept) ?? [];
      let span: Span | null = null;
      terms.forEach((term, index) => {
        const length = term.stems.length;
        if (start + length > content.length) return;
        const spelt = term.stems.every((stem, offset) => keys[start + offset]?.has(stem));
        if (!spelt) return;
        if (!span || length > span.length) span = { start, length, concept, terms: new Set() };
        if (length === span.length) span.terms.add(index);
      });
      if (span) spans.push(span);
    }
  });
  // Longest runs first; a run overlapping one already taken is left out, but every concept of
  // a taken run widens it.
  spans.sort((a, b) => b.length - a.length || a.start - b.start);
  const taken = new Map<number, string>();
  for (const span of spans) {
    const run = `${span.start}:${span.length}`;
    const covered = Array.from({ length: span.length }, (_, offset) => span.start + offset);
    if (covered.some((index) => taken.has(index) && taken.get(index) !== run)) continue;
    for (const index of covered) taken.set(index, run);
    const terms = concepts.get(span.concept) ?? [];
    terms.forEach((term, index) => {
      if (span.terms.has(index) || term.docs.length === 0) return;
      for (const stem of term.stems) forms.stems.add(stem);
      const candidate: GlossaryCandidate = {
        term: term.text,
        language: term.language,
        docs: term.docs,
        fields: term.fields,
      };
      for (const offset of covered) content[offset]?.glossary.push(candidate);
    });
  }
}

/** The words of phrases are marked as they stand. */
function markPhrases(query: ParsedQuery, forms: MatchedForms) {
  for (const phrase of query.phrases) {
    for (const word of phrase) {
      for (const spelling of spellingsOf(word)) forms.terms.add(spelling);
      if (!hasCyrillic(word.lower)) forms.spellings.add(spellingKey(word.term));
    }
  }
}

/** What the words of a query may mean, and what to mark for them (passages need no more). */
export async function queryForms(context: MatchContext, query: ParsedQuery): Promise<MatchedForms> {
  const forms = emptyForms();
  await resolveWords(context, query, forms);
  markPhrases(query, forms);
  return forms;
}

async function loadInto(
  reader: IndexReader,
  locations: readonly Location[],
  side: 'text' | 'body',
  into: Postings,
) {
  await Promise.all(
    locations.map(async (location) => into.set(location, await reader.read(location, side))),
  );
}

/**
 * Loads what matching needs: titles' postings always; bodies' too when the search reads full
 * text, waiting for them only briefly when it is progressive (on a slow network the matches in
 * titles come first).
 */
async function loadPostings(
  reader: IndexReader,
  parts: readonly WordPart[],
  fullText: boolean,
  progressive: boolean,
): Promise<{ postings: Postings; bodies: BodyState }> {
  const candidates = parts.flatMap((part) => part.matches.candidates);
  const postings: Postings = new Map();
  const text = candidates.flatMap((candidate) => (candidate.text ? [candidate.text] : []));
  const body = fullText
    ? candidates.flatMap((candidate) => (candidate.body ? [candidate.body] : []))
    : [];
  const bodyLoad = loadInto(reader, body, 'body', postings);
  const textLoad = loadInto(reader, text, 'text', postings);
  if (!progressive || body.every((location) => reader.ready(location))) {
    await Promise.all([textLoad, bodyLoad]);
    return { postings, bodies: 'ready' };
  }
  const state = bodyLoad.then(
    () => 'ready' as const,
    () => 'failed' as const,
  );
  const brief = new Promise<'pending'>((resolve) =>
    setTimeout(() => resolve('pending'), BODY_WAIT_MS),
  );
  const [, bodies] = await Promise.all([textLoad, Promise.race([state, brief])]);
  return { postings, bodies };
}

/** One part's score per publication (0 where it does not match), and its weight in the query. */
type PartScore = { score: Float32Array; weight: number; optional: boolean; frequency: number };

/**
 * A word's score per publication: BM25F over its best candidate (the one that matches most
 * precisely times most strongly), plus its organizations and its year, saturated, times the
 * word's rarity. The rarity is the word's (how many publications any reading of it finds), not
 * each candidate's: otherwise rare near-misses would outrank the term the reader meant.
 */
function scoreWord(
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
      const value = SIMILARITY.glossary * where;
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
function scorePhrase(
  context: MatchContext,
  length: number,
  docs: ReadonlyMap<number, number>,
  outsideBody: Uint8Array,
): PartScore {
  const norms = context.norms();
  const score = new Float32Array(context.count);
  const weight = idf(context.count, docs.size) * Math.max(1, length * 0.75);
  for (const [doc, fields] of docs) {
    const frequency = norms.text(doc, fields & 7) + (fields & IN_BODY ? norms.body(doc, 0) : 0);
    score[doc] = weight * saturate(frequency * RANKING.phrase);
    if (fields & 7) outsideBody[doc] = 1;
  }
  return { score, weight, optional: false, frequency: docs.size };
}

/** What `query` matches; null for a query that asks for nothing. */
export async function matchQuery(
  context: MatchContext,
  query: ParsedQuery,
  fullText: boolean,
  progressive: boolean,
): Promise<QueryMatch | null> {
  if (isEmptyQuery(query)) return null;
  const { count, reader, organizations } = context;
  const forms = emptyForms();
  const words = await resolveWords(context, query, forms);
  await widenByGlossary(context, words, forms);
  markPhrases(query, forms);
  const { postings, bodies } = await loadPostings(reader, words, fullText, progressive);
  const readBodies = fullText && bodies === 'ready';
  const outsideBody = new Uint8Array(count);

  const [phrases, excluded] = await Promise.all([
    Promise.all(
      query.phrases.map((phrase) => phraseDocs(reader, organizations, phrase, readBodies)),
    ),
    Promise.all([
      ...query.excludedWords.map((word) => phraseDocs(reader, organizations, [word], readBodies)),
      ...query.excludedPhrases.map((phrase) =>
        phraseDocs(reader, organizations, phrase, readBodies),
      ),
    ]),
  ]);
  const via = new Map<number, Via>();
  const parts: PartScore[] = [
    ...words.map((part) => scoreWord(context, part, postings, readBodies, outsideBody, via)),
    ...query.phrases.map((phrase, index) =>
      scorePhrase(context, phrase.length, phrases[index] ?? new Map(), outsideBody),
    ),
  ];

  const tier = new Uint8Array(count);
  const score = new Float64Array(count);
  const coverage = new Float32Array(count);
  const held = new Uint8Array(count);
  const required = parts.filter((part) => !part.optional);
  const totalWeight = required.reduce((sum, part) => sum + part.weight, 0);
  const exclude = new Uint8Array(count);
  for (const docs of excluded) for (const doc of docs.keys()) exclude[doc] = 1;
  let fullCount = 0;
  for (let doc = 0; doc < count; doc++) {
    if (exclude[doc]) continue;
    let total = 0;
    let share = 0;
    let holds = 0;
    for (const part of parts) {
      const value = part.score[doc] ?? 0;
      if (value <= 0) continue;
      total += value;
      if (part.optional) continue;
      holds++;
      share += part.weight;
    }
    // A query of exclusions alone asks for everything else.
    if (required.length === 0) {
      tier[doc] = 2;
      fullCount++;
      continue;
    }
    if (holds === 0) continue;
    score[doc] = total;
    held[doc] = holds;
    coverage[doc] = totalWeight > 0 ? share / totalWeight : 1;
    if (holds === required.length) {
      tier[doc] = 2;
      fullCount++;
    } else {
      tier[doc] = 1;
    }
  }
  return {
    tier,
    score,
    coverage,
    held,
    parts: required.length,
    fullCount,
    outsideBody,
    via,
    words: words.map((part, index) => ({
      word: part.word,
      optional: part.optional,
      frequency: parts[index]?.frequency ?? 0,
      ...(part.matches.correction ? { correction: part.matches.correction } : {}),
    })),
    forms,
    bodies,
  };
}

/** Full matches fewer than this (a page): partial matches follow them. */
export const FEW_FULL_MATCHES = 20;
/** The share of the query a partial match must hold ("most of the words"). */
export const MOST_OF_THE_QUERY = 0.5;
/** Fewer results than this (the first screen) and less of the query is enough. */
const FIRST_SCREEN = 10;

/**
 * The share of the query a partial match needs to be listed: none are while full matches are
 * many; when few, those holding most of the query follow; when even those leave the first screen
 * short, those holding any of its words (stop words never do alone), most first: a query finds
 * nothing only when none of its words stands anywhere.
 */
export function partialFloor(match: QueryMatch): number {
  if (match.fullCount >= FEW_FULL_MATCHES) return Infinity;
  let most = 0;
  for (let doc = 0; doc < match.tier.length; doc++) {
    if (match.tier[doc] === 1 && (match.coverage[doc] ?? 0) >= MOST_OF_THE_QUERY) most++;
  }
  return match.fullCount + most >= FIRST_SCREEN ? MOST_OF_THE_QUERY : 0;
}
