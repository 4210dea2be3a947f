import { isEmptyQuery, type ParsedQuery } from '../analysis/query-syntax.ts';
import { STOP_WORDS, type Word } from '../analysis/text.ts';
import { hasCyrillic, spellingKey } from '../analysis/transliterate.ts';
import type { Location } from '../index/format.ts';
import type { IndexReader } from './index-reader.ts';
import { widenByGlossary } from './glossary-widening.ts';
import { timed } from './trace.ts';
import { emptyForms, type MatchedForms } from './marks.ts';
import { scorePhrase, scoreWord, type PartScore } from './part-scores.ts';
import { phraseDocs } from './phrases.ts';
import { matchWord, spellingsOf, type Correction } from './word-matches.ts';
import type { MatchContext, Postings, Via, WordPart } from './word-part.ts';

export type { MatchContext, Via };

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

/** How long a progressive search waits for the bodies' postings before answering without them. */
const BODY_WAIT_MS = 150;
const YEAR = /^(19|20)\d\d$/;

/** Per loose word: what it may mean (the last one as a prefix while the reader types). */
async function resolveWords(
  context: MatchContext,
  words: readonly Word[],
  typing: boolean,
  forms: MatchedForms,
): Promise<WordPart[]> {
  const onlyStopWords = words.every((word) => STOP_WORDS.has(word.term));
  const last = words.length - 1;
  return Promise.all(
    words.map(async (word, index) => {
      const optional = !onlyStopWords && STOP_WORDS.has(word.term);
      const matches = await matchWord(
        context.reader,
        context.organizations,
        word,
        { loose: !optional, prefix: !optional && typing && index === last },
        forms,
      );
      const year = YEAR.test(word.term) ? Number(word.term) : null;
      return { word, optional, matches, year, glossary: [] };
    }),
  );
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
  await resolveWords(context, query.words, query.typing, forms);
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
  const words = await resolveWords(context, query.words, query.typing, forms);
  await widenByGlossary(context, words, forms);
  // A phrase's words, read loosely too: where the phrase is not, they may be apart or in
  // other forms.
  const phraseWords = await Promise.all(
    query.phrases.map(async (phrase) => {
      const parts = await resolveWords(context, phrase, false, forms);
      await widenByGlossary(context, parts, forms);
      return parts.filter((part) => !part.optional);
    }),
  );
  markPhrases(query, forms);
  const { postings, bodies } = await loadPostings(
    reader,
    [...words, ...phraseWords.flat()],
    fullText,
    progressive,
  );
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
  // Matching and ranking: what the split of a cold query calls scoring (core/trace.ts).
  return timed('score', () => {
    const via = new Map<number, Via>();
    const parts: PartScore[] = [
      ...words.map((part) => scoreWord(context, part, postings, readBodies, outsideBody, via)),
      ...query.phrases.map((phrase, index) =>
        scorePhrase(
          context,
          phrase.length,
          phrases[index] ?? new Map(),
          outsideBody,
          (phraseWords[index] ?? []).map((part) =>
            scoreWord(context, part, postings, readBodies, outsideBody, via),
          ),
        ),
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
      /** Some phrase held only by its words apart: no full match. */
      let loosely = false;
      for (const part of parts) {
        let value = part.score[doc] ?? 0;
        let weight = part.weight;
        if (value <= 0 && part.loose) {
          value = part.loose[doc] ?? 0;
          weight /= 2;
          if (value > 0) loosely = true;
        }
        if (value <= 0) continue;
        total += value;
        if (part.optional) continue;
        holds++;
        share += weight;
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
      if (holds === required.length && !loosely) {
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
  });
}

/**
 * The share of the query's words `doc` holds. Which partial matches are listed is decided by
 * words, as the reader counts them ("1 of 2 words"): by rarity, one of two words would be a
 * little under half and the other a little over, and one word's publications would vanish.
 * Rarity orders them (`coverage`).
 */
export function wordShare(match: QueryMatch, doc: number): number {
  return match.parts > 0 ? (match.held[doc] ?? 0) / match.parts : 1;
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
    if (match.tier[doc] === 1 && wordShare(match, doc) >= MOST_OF_THE_QUERY) most++;
  }
  return match.fullCount + most >= FIRST_SCREEN ? MOST_OF_THE_QUERY : 0;
}
