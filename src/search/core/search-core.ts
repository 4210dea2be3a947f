import { endKey, parsePartialDate, startKey } from '../../corpus/dates.ts';
import { htmlToText } from '../analysis/html-text.ts';
import { isEmptyQuery, parseQuery, type ParsedQuery } from '../analysis/query-syntax.ts';
import {
  CARD_CHUNK_SIZE,
  FIELD,
  forEachPosting,
  readPositions,
  type CardChunk,
  type Columns,
  type CorpusMeta,
  type ExportRow,
  type SearchHit,
  type SearchResponse,
  type Shard,
} from '../index/search-data.ts';
import {
  DEFAULT_REQUEST,
  PAGE_SIZE,
  type RelatedRequest,
  type SearchRequest,
  type SortOrder,
} from '../protocol.ts';
import { ShardSet, type Candidate } from './shard-set.ts';
import { TermMatcher } from './term-matcher.ts';
import { RecentCache } from './recent-cache.ts';
import { STOP_WORDS, words as wordsOf, type Word } from '../analysis/text.ts';
import { otherRomanisation } from '../analysis/transliterate.ts';
import { buildTimeline } from './timeline.ts';
import { selectTop } from './top-k.ts';

/**
 * The search core: matching (words loosely, phrases exactly, exclusions), filtering, facet
 * counts, the timeline, sorting and paging, in plain TypeScript with no DOM, so it runs in a
 * Web Worker, on the main thread, or in Node (the build and the tests) alike. It reads the data
 * through a `DataSource`, which loads index shards and result cards when a search first needs
 * them (docs/decisions/007-data-at-scale.md).
 */

export type { SearchHit, SearchResponse, SearchRequest, SortOrder };
export { DEFAULT_REQUEST, PAGE_SIZE };

export type DataSource = {
  shard(index: number): Shard | Promise<Shard>;
  bodyShard(index: number): Shard | Promise<Shard>;
  cards(chunk: number): CardChunk | Promise<CardChunk>;
  /** A publication's body as HTML ('' when it has none), for snippets of body-only matches. */
  body(id: string): string | Promise<string>;
};

export type SearchCore = {
  search(request: SearchRequest): Promise<SearchResponse>;
  /** Every match of a search, in order, with what an export lists. */
  exportRows(request: SearchRequest): Promise<ExportRow[]>;
  /** Up to five publications close to one: shared organizations, tags, distinctive title words. */
  related(request: RelatedRequest): Promise<SearchHit[]>;
};

/** How much a match in each field counts; a word in the title says more than one in the summary. */
const FIELD_WEIGHT = { title: 3, organization: 2.5, tags: 2, summary: 1, body: 0.5 } as const;
/** How long a progressive search waits for the bodies' index before answering without it. */
const BODY_WAIT_MS = 150;

function fieldWeight(fields: number): number {
  if (fields & FIELD.title) return FIELD_WEIGHT.title;
  if (fields & FIELD.tags) return FIELD_WEIGHT.tags;
  if (fields & FIELD.summary) return FIELD_WEIGHT.summary;
  return FIELD_WEIGHT.body;
}

/** Card files kept in memory; a page needs at most 20, a session rarely more than a few hundred. */
const CARD_CACHE_SIZE = 400;
/** Bodies kept as words for snippets: a few pages of body-only results. */
const BODY_CACHE_SIZE = 60;
/** Words to return for highlighting; beyond this many, a query matches too loosely to mark. */
const MAX_TERMS = 400;
const SNIPPET_RADIUS = 90;

/** The spellings a query word is looked up by: itself, and its Latin ones if it is Cyrillic. */
const spellings = (word: Word) => [...new Set([word.term, ...word.latin])];

/** Spellings a Latin query word is also looked up by, as loosely as with a typo. */
const looseSpellings = (word: Word): string[] => {
  const other = word.latin.length === 0 ? otherRomanisation(word.term) : undefined;
  return other ? [other] : [];
};
/** A match through another romanisation counts as much as one with a typo (term-matcher.ts). */
const LOOSE_SIMILARITY = 0.45;
const loosened = <T extends { similarity: number; exact: boolean }>(match: T): T => ({
  ...match,
  similarity: Math.min(match.similarity, LOOSE_SIMILARITY),
  exact: false,
});

type Match = {
  /** Relevance per publication; NaN where it does not match. */
  score: Float64Array;
  /** How many of the query's words each publication matches exactly. */
  exactWords: Uint8Array;
  /** 1 where a publication matched outside its body (title, summary, tags, organization). */
  outsideBody: Uint8Array;
  terms: Set<string>;
};

export function createSearchCore(
  meta: CorpusMeta,
  columns: Columns,
  source: DataSource,
): SearchCore {
  const count = columns.count;
  const typeIds = meta.types.map((type) => type.id);
  const organizationIds = meta.organizations.map((org) => org.id);
  const text = new ShardSet(meta.files.shards, (index) => source.shard(index));
  const body = new ShardSet(meta.files.bodyShards, (index) => source.bodyShard(index));

  const cards = new RecentCache<number, CardChunk>(CARD_CACHE_SIZE);
  async function loadCards(chunk: number): Promise<CardChunk> {
    const cached = cards.get(chunk);
    if (cached) return cached;
    const loaded = await source.cards(chunk);
    cards.set(chunk, loaded);
    return loaded;
  }

  // Body-only results keep their snippets while the reader types on: their bodies, as words,
  // are fetched and cut once, not on every keystroke.
  const bodyWords = new RecentCache<string, Promise<{ plain: string; words: Word[] }>>(
    BODY_CACHE_SIZE,
  );
  function wordsOfBody(id: string) {
    let cached = bodyWords.get(id);
    if (!cached) {
      cached = Promise.resolve(source.body(id)).then((html) => {
        const plain = htmlToText(html);
        return { plain, words: wordsOf(plain) };
      });
      bodyWords.set(id, cached);
      cached.catch(() => bodyWords.delete(id));
    }
    return cached;
  }

  // Organizations are searched by name and aliases (and their Latin spellings) through their own
  // small vocabulary; a match counts for every publication the organization issued.
  const docsByOrganization: number[][] = meta.organizations.map(() => []);
  for (let doc = 0; doc < count; doc++) {
    const end = columns.organizationStarts[doc + 1] ?? 0;
    for (let i = columns.organizationStarts[doc] ?? 0; i < end; i++) {
      docsByOrganization[columns.organizations[i] ?? 0]?.push(doc);
    }
  }
  const orgTermSets = new Map<string, Set<number>>();
  meta.organizations.forEach((org, orgIndex) => {
    for (const name of [org.name, org.id, ...(org.aliases ?? [])]) {
      for (const word of wordsOf(name)) {
        for (const term of spellings(word)) {
          let set = orgTermSets.get(term);
          if (!set) orgTermSets.set(term, (set = new Set()));
          set.add(orgIndex);
        }
      }
    }
  });
  const orgTerms = [...orgTermSets.keys()].sort();
  const orgsByTerm = orgTerms.map((term) => [...(orgTermSets.get(term) ?? [])]);
  const orgDocCount = (term: number) =>
    (orgsByTerm[term] ?? []).reduce((sum, org) => sum + (docsByOrganization[org]?.length ?? 0), 0);
  const orgMatcher = new TermMatcher(orgTerms, orgDocCount);

  const idf = (documentFrequency: number) => Math.log(1 + count / (1 + documentFrequency));

  /**
   * How much a candidate term counts for the word the reader typed. A typo or a prefix is more
   * likely to mean a common term than a rare one ("Bialatski" means the much-cited Bialiatski,
   * not a name that occurs twice), so inexact candidates lean towards the frequent.
   */
  function candidateWeight(similarity: number, exact: boolean, documentFrequency: number) {
    if (exact) return similarity;
    const popularity = Math.log(1 + documentFrequency) / Math.log(2 + count);
    return similarity * (0.85 + 0.15 * popularity);
  }

  /**
   * Loads the shards a parsed query needs, in the term index and, for full text, the body index.
   * A progressive search waits for the bodies only briefly: on a slow network, matches in titles
   * and summaries come first. Says whether the bodies can be searched now.
   */
  async function loadFor(
    query: ParsedQuery,
    fullText: boolean,
    progressive: boolean,
  ): Promise<'ready' | 'pending' | 'failed'> {
    const all = [
      ...query.words,
      ...query.phrases.flat(),
      ...query.excludedWords,
      ...query.excludedPhrases.flat(),
    ].flatMap(spellings);
    all.push(...query.words.flatMap(looseSpellings));
    const bodyShards = fullText ? body.shardsFor(all) : [];
    const terms = text.load(text.shardsFor(all));
    if (!progressive || body.has(bodyShards)) {
      await Promise.all([terms, body.load(bodyShards)]);
      return 'ready';
    }
    const bodies = body.load(bodyShards).then(
      () => 'ready' as const,
      () => 'failed' as const,
    );
    const brief = new Promise<'pending'>((resolve) =>
      setTimeout(() => resolve('pending'), BODY_WAIT_MS),
    );
    const [, state] = await Promise.all([terms, Promise.race([bodies, brief])]);
    return state;
  }

  /**
   * A word's score per publication: its best match in the publication's own text plus its best
   * match among the publication's organizations, so that a title naming the organization that
   * also issued it ranks above either alone. The word weighs by how common its most common
   * reading is (one inverse document frequency per word, not per candidate: otherwise rare
   * near-misses would outrank the term the reader meant).
   */
  function scoreWord(word: Word, optional: boolean, fullText: boolean, match: Match) {
    const textScore = new Float64Array(count);
    const organization = new Float64Array(count);
    const exact = new Uint8Array(count);
    const outside = new Uint8Array(count);
    const options = { prefix: !optional, fuzzy: !optional };

    const candidates: Candidate[] = [];
    for (const spelling of spellings(word)) {
      candidates.push(...text.match(spelling, options));
      if (fullText) candidates.push(...body.match(spelling, options));
    }
    const orgMatches = spellings(word).flatMap((spelling) => orgMatcher.match(spelling, options));

    // How common the word is comes from its own spellings: a common word that merely looks like
    // its other romanisation ("human", "guman") must not weigh less for it.
    let mostCommon = 0;
    for (const candidate of candidates) {
      mostCommon = Math.max(mostCommon, candidate.shard.documentCounts[candidate.term] ?? 0);
    }
    for (const org of orgMatches) mostCommon = Math.max(mostCommon, orgDocCount(org.term));
    const wordWeight = idf(mostCommon);

    for (const spelling of optional ? [] : looseSpellings(word)) {
      candidates.push(...text.match(spelling, options).map(loosened));
      if (fullText) candidates.push(...body.match(spelling, options).map(loosened));
      orgMatches.push(...orgMatcher.match(spelling, options).map(loosened));
    }

    for (const candidate of candidates) {
      const frequency = candidate.shard.documentCounts[candidate.term] ?? 0;
      const weight = wordWeight * candidateWeight(candidate.similarity, candidate.exact, frequency);
      if (match.terms.size < MAX_TERMS) match.terms.add(candidate.text);
      forEachPosting(candidate.shard, candidate.term, (doc, fields) => {
        const value = weight * fieldWeight(fields);
        if (value > (textScore[doc] ?? 0)) textScore[doc] = value;
        if (candidate.exact) exact[doc] = 1;
        if (fields !== FIELD.body) outside[doc] = 1;
      });
    }
    for (const org of orgMatches) {
      const value =
        wordWeight *
        candidateWeight(org.similarity, org.exact, orgDocCount(org.term)) *
        FIELD_WEIGHT.organization;
      if (match.terms.size < MAX_TERMS) match.terms.add(orgMatcher.term(org.term));
      for (const orgIndex of orgsByTerm[org.term] ?? []) {
        for (const doc of docsByOrganization[orgIndex] ?? []) {
          if (value > (organization[doc] ?? 0)) organization[doc] = value;
          if (org.exact) exact[doc] = 1;
          outside[doc] = 1;
        }
      }
    }

    for (let doc = 0; doc < count; doc++) {
      const value = (textScore[doc] ?? 0) + (organization[doc] ?? 0);
      if (value > 0) {
        match.score[doc] = (match.score[doc] ?? 0) + value;
        match.exactWords[doc] = (match.exactWords[doc] ?? 0) + (exact[doc] ?? 0);
        if (outside[doc]) match.outsideBody[doc] = 1;
      } else if (!optional) {
        match.score[doc] = Number.NaN;
      }
    }
  }

  /** Word positions per publication for one word (any of its spellings), in one index. */
  function positionsOf(word: Word, index: ShardSet, fieldsOut: Map<number, number> | null) {
    const byDoc = new Map<number, Set<number>>();
    for (const spelling of spellings(word)) {
      const found = index.exact(spelling);
      if (!found) continue;
      forEachPosting(found.shard, found.term, (doc, fields, start, end) => {
        let set = byDoc.get(doc);
        if (!set) byDoc.set(doc, (set = new Set()));
        for (const position of readPositions(found.shard, start, end)) set.add(position);
        fieldsOut?.set(doc, (fieldsOut.get(doc) ?? 0) | fields);
      });
    }
    return byDoc;
  }

  /** Publications where the phrase's words stand one after another, with the fields they are in. */
  function phraseDocs(phrase: readonly Word[], fullText: boolean): Map<number, number> {
    const found = new Map<number, number>();
    for (const index of fullText ? [text, body] : [text]) {
      const fields = new Map<number, number>();
      const perWord = phrase.map((word, i) => positionsOf(word, index, i === 0 ? fields : null));
      const [first, ...rest] = perWord;
      if (!first) continue;
      for (const [doc, starts] of first) {
        const follows = [...starts].some((start) =>
          rest.every((positions, offset) => positions.get(doc)?.has(start + offset + 1)),
        );
        if (follows) found.set(doc, (found.get(doc) ?? 0) | (fields.get(doc) ?? 0));
      }
    }
    if (phrase.length === 1) {
      // A quoted single word is that word exactly, organization names included.
      for (const spelling of spellings(phrase[0] as Word)) {
        const term = orgMatcher.exact(spelling);
        for (const org of term >= 0 ? (orgsByTerm[term] ?? []) : []) {
          for (const doc of docsByOrganization[org] ?? []) found.set(doc, FIELD.title);
        }
      }
    }
    return found;
  }

  function matchQuery(query: ParsedQuery, fullText: boolean): Match | null {
    if (isEmptyQuery(query)) return null;
    const match: Match = {
      score: new Float64Array(count),
      exactWords: new Uint8Array(count),
      outsideBody: new Uint8Array(count),
      terms: new Set(),
    };
    const onlyStopWords = query.words.every((word) => STOP_WORDS.has(word.term));
    for (const word of query.words) {
      scoreWord(word, !onlyStopWords && STOP_WORDS.has(word.term), fullText, match);
    }
    for (const phrase of query.phrases) {
      const docs = phraseDocs(phrase, fullText);
      for (const word of phrase) for (const term of spellings(word)) match.terms.add(term);
      for (let doc = 0; doc < count; doc++) {
        const fields = docs.get(doc);
        if (fields === undefined) {
          match.score[doc] = Number.NaN;
          continue;
        }
        match.score[doc] = (match.score[doc] ?? 0) + phrase.length * 2 * fieldWeight(fields);
        match.exactWords[doc] = (match.exactWords[doc] ?? 0) + phrase.length;
        if (fields !== FIELD.body) match.outsideBody[doc] = 1;
      }
    }
    const excluded = [
      ...query.excludedWords.map((word) => phraseDocs([word], fullText)),
      ...query.excludedPhrases.map((phrase) => phraseDocs(phrase, fullText)),
    ];
    for (const docs of excluded) for (const doc of docs.keys()) match.score[doc] = Number.NaN;
    return match;
  }

  function toSet(values: readonly string[], ids: readonly string[]): Set<number> | null {
    if (values.length === 0) return null;
    const wanted = new Set(values);
    const indexes = new Set<number>();
    ids.forEach((id, index) => {
      if (wanted.has(id)) indexes.add(index);
    });
    return indexes;
  }

  function dateBound(value: string | undefined, edge: 'start' | 'end'): number | null {
    const date = value === undefined ? null : parsePartialDate(value);
    if (!date) return null;
    return edge === 'start' ? startKey(date) : endKey(date);
  }

  function organizationsOf(doc: number): string[] {
    const orgs: string[] = [];
    const end = columns.organizationStarts[doc + 1] ?? 0;
    for (let i = columns.organizationStarts[doc] ?? 0; i < end; i++) {
      orgs.push(organizationIds[columns.organizations[i] ?? 0] ?? '');
    }
    return orgs;
  }

  async function cardsFor(docs: readonly number[]) {
    const chunks = [...new Set(docs.map((doc) => Math.floor(doc / CARD_CHUNK_SIZE)))];
    const loaded = new Map(
      await Promise.all(chunks.map(async (chunk) => [chunk, await loadCards(chunk)] as const)),
    );
    return (doc: number) => ({
      card: loaded.get(Math.floor(doc / CARD_CHUNK_SIZE)),
      row: doc % CARD_CHUNK_SIZE,
    });
  }

  async function hits(docs: readonly number[]): Promise<SearchHit[]> {
    const lookup = await cardsFor(docs);
    return docs.map((doc) => {
      const { card, row } = lookup(doc);
      return {
        id: card?.ids[row] ?? '',
        title: card?.titles[row] ?? '',
        summary: card?.summaries[row] ?? '',
        date: card?.dates[row] ?? '',
        type: typeIds[columns.types[doc] ?? 0] ?? '',
        organizations: organizationsOf(doc),
        language: meta.languages[columns.languages[doc] ?? 0] ?? '',
      };
    });
  }

  /** The passage of a body around the first word the query matched. */
  async function snippet(id: string, terms: ReadonlySet<string>): Promise<string | undefined> {
    const { plain, words } = await wordsOfBody(id);
    const hit = words.find(
      (word) => terms.has(word.term) || word.latin.some((spelling) => terms.has(spelling)),
    );
    if (!hit) return undefined;
    let start = Math.max(0, hit.start - SNIPPET_RADIUS);
    let end = Math.min(plain.length, hit.end + SNIPPET_RADIUS);
    if (start > 0) start = plain.indexOf(' ', start) + 1 || start;
    if (end < plain.length)
      end = plain.lastIndexOf(' ', end) > hit.end ? plain.lastIndexOf(' ', end) : end;
    return `${start > 0 ? '…' : ''}${plain.slice(start, end).trim()}${end < plain.length ? '…' : ''}`;
  }

  /** Everything but paging: the ordered matches, facet counts and the timeline. */
  async function evaluate(request: SearchRequest, wanted: number) {
    const query = parseQuery(request.query);
    const bodies = await loadFor(query, request.fullText, request.progressive === true);
    const fullText = request.fullText && bodies === 'ready';
    const matched = matchQuery(query, fullText);

    const wantedTypes = toSet(request.types, typeIds);
    const wantedOrgs = toSet(request.organizations, organizationIds);
    const wantedLanguages = toSet(request.languages, meta.languages);
    const from = dateBound(request.from, 'start') ?? -Infinity;
    const to = dateBound(request.to, 'end') ?? Infinity;

    const facets = {
      types: new Array<number>(typeIds.length).fill(0),
      organizations: new Array<number>(organizationIds.length).fill(0),
      languages: new Array<number>(meta.languages.length).fill(0),
    };
    const results: number[] = [];
    const undated: number[] = [];

    // One pass counts every facet "as if its own filter were off" (OR within a facet, AND across),
    // and collects the timeline as if the date bounds were off.
    for (let doc = 0; doc < count; doc++) {
      if (matched && Number.isNaN(matched.score[doc] ?? Number.NaN)) continue;
      const type = columns.types[doc] ?? 0;
      const language = columns.languages[doc] ?? 0;
      const orgStart = columns.organizationStarts[doc] ?? 0;
      const orgEnd = columns.organizationStarts[doc + 1] ?? 0;
      let orgOk = !wantedOrgs;
      for (let i = orgStart; i < orgEnd && !orgOk; i++) {
        orgOk = wantedOrgs?.has(columns.organizations[i] ?? 0) ?? true;
      }
      const typeOk = !wantedTypes || wantedTypes.has(type);
      const languageOk = !wantedLanguages || wantedLanguages.has(language);
      if (typeOk && orgOk && languageOk) undated.push(doc);
      const key = columns.dates[doc] ?? 0;
      if (key < from || key > to) continue;
      if (orgOk && languageOk) facets.types[type] = (facets.types[type] ?? 0) + 1;
      if (typeOk && languageOk) {
        for (let i = orgStart; i < orgEnd; i++) {
          const org = columns.organizations[i] ?? 0;
          facets.organizations[org] = (facets.organizations[org] ?? 0) + 1;
        }
      }
      if (typeOk && orgOk) facets.languages[language] = (facets.languages[language] ?? 0) + 1;
      if (typeOk && orgOk && languageOk) results.push(doc);
    }

    // Publications are stored newest first, so index order is "newest" already.
    const sort = request.sort === 'relevance' && !matched ? 'newest' : request.sort;
    let ordered: number[] = results;
    if (sort === 'oldest') {
      const dates = columns.dates;
      ordered = selectTop(results, wanted, (a, b) => (dates[a] ?? 0) - (dates[b] ?? 0) || b - a);
    } else if (sort === 'relevance' && matched) {
      const { score, exactWords } = matched;
      ordered = selectTop(
        results,
        wanted,
        (a, b) =>
          (exactWords[b] ?? 0) - (exactWords[a] ?? 0) || (score[b] ?? 0) - (score[a] ?? 0) || a - b,
      );
    }
    const timeline = buildTimeline(
      undated.map((doc) => columns.dates[doc] ?? 0),
      request.from === undefined ? null : from,
      request.to === undefined ? null : to,
    );
    const bodyState = request.fullText && bodies !== 'ready' ? bodies : undefined;
    return { results, ordered, facets, matched, timeline, bodyState };
  }

  async function search(request: SearchRequest): Promise<SearchResponse> {
    const limit = Math.max(1, request.limit);
    const first = await evaluate(request, Math.max(0, request.offset) + limit);
    const total = first.results.length;
    const lastPageStart = Math.max(0, Math.floor((total - 1) / limit) * limit);
    const offset = Math.min(Math.max(0, request.offset), lastPageStart);
    const pageDocs = first.ordered.slice(offset, offset + limit);
    const pageHits = await hits(pageDocs);
    const terms = first.matched?.terms ?? new Set<string>();
    if (first.matched && request.fullText) {
      // A result found only in its body says where: the passage around the first match.
      await Promise.all(
        pageDocs.map(async (doc, index) => {
          const hit = pageHits[index];
          if (!hit || first.matched?.outsideBody[doc]) return;
          const passage = await snippet(hit.id, terms).catch(() => undefined);
          if (passage) hit.snippet = passage;
        }),
      );
    }
    return {
      total,
      offset,
      hits: pageHits,
      facets: first.facets,
      terms: [...terms],
      timeline: first.timeline,
      ...(first.bodyState ? { fullText: first.bodyState } : {}),
    };
  }

  async function exportRows(request: SearchRequest): Promise<ExportRow[]> {
    const { ordered } = await evaluate(request, count);
    const lookup = await cardsFor(ordered);
    return ordered.map((doc) => {
      const { card, row } = lookup(doc);
      return {
        id: card?.ids[row] ?? '',
        title: card?.titles[row] ?? '',
        type: typeIds[columns.types[doc] ?? 0] ?? '',
        organizations: organizationsOf(doc),
        date: card?.dates[row] ?? '',
        language: meta.languages[columns.languages[doc] ?? 0] ?? '',
        url: card?.urls[row] ?? '',
      };
    });
  }

  async function related(request: RelatedRequest): Promise<SearchHit[]> {
    const titleWords = wordsOf(request.title).filter((word) => !STOP_WORDS.has(word.term));
    const tagWords = request.tags.flatMap((tag) => wordsOf(tag));
    await text.load(text.shardsFor([...titleWords, ...tagWords].map((word) => word.term)));
    const score = new Float64Array(count);
    // Shared organizations, the rarer the more telling.
    for (const id of request.organizations) {
      const org = organizationIds.indexOf(id);
      const docs = docsByOrganization[org] ?? [];
      const weight = idf(docs.length);
      for (const doc of docs) score[doc] = (score[doc] ?? 0) + weight;
    }
    // Distinctive title words and tags: the same word in another title or tag counts by its rarity.
    const addTerm = (word: Word, field: number, weight: number) => {
      const found = text.exact(word.term);
      if (!found) return;
      const frequency = found.shard.documentCounts[found.term] ?? 0;
      // Too common to say anything; a small archive still lets a word shared by a few count.
      if (frequency > Math.max(3, count / 10)) return;
      const value = weight * idf(frequency);
      forEachPosting(found.shard, found.term, (doc, fields) => {
        if (fields & field) score[doc] = (score[doc] ?? 0) + value;
      });
    };
    for (const word of new Map(titleWords.map((w) => [w.term, w])).values())
      addTerm(word, FIELD.title, 1);
    for (const word of new Map(tagWords.map((w) => [w.term, w])).values())
      addTerm(word, FIELD.tags, 1.5);
    score[request.doc] = 0;
    const candidates: number[] = [];
    for (let doc = 0; doc < count; doc++) if ((score[doc] ?? 0) > 0) candidates.push(doc);
    const excluded = new Set(request.exclude);
    const top = selectTop(
      candidates,
      5 + excluded.size,
      (a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b,
    );
    return (await hits(top)).filter((hit) => !excluded.has(hit.id)).slice(0, 5);
  }

  return { search, exportRows, related };
}
