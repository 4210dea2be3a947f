import { endKey, parsePartialDate, startKey } from './dates.ts';
import {
  CARD_CHUNK_SIZE,
  FIELD,
  forEachPosting,
  shardLetter,
  type CardChunk,
  type Columns,
  type CorpusMeta,
  type SearchHit,
  type SearchResponse,
  type Shard,
} from './search-data.ts';
import { TermMatcher } from './term-matcher.ts';
import { STOP_WORDS, tokenize } from './text.ts';
import {
  DEFAULT_REQUEST,
  PAGE_SIZE,
  type SearchRequest,
  type SortOrder,
} from './search-request.ts';
import { selectTop } from './top-k.ts';

/**
 * The search core: matching, filtering, facet counts, sorting and paging, in plain TypeScript with
 * no DOM, so it runs in a Web Worker, on the main thread, or in Node (the build and the tests)
 * alike. It reads the data through a `DataSource`, which loads index shards and result cards when
 * a search first needs them (docs/decisions/007-data-at-scale.md).
 */

export type { SearchHit, SearchResponse };
export { DEFAULT_REQUEST, PAGE_SIZE, type SearchRequest, type SortOrder };

export type DataSource = {
  shard(index: number): Shard | Promise<Shard>;
  cards(chunk: number): CardChunk | Promise<CardChunk>;
};

export type SearchCore = {
  search(request: SearchRequest): Promise<SearchResponse>;
};

/** How much a match in each field counts; a word in the title says more than one in the summary. */
const FIELD_WEIGHT = { title: 3, organization: 2.5, tags: 2, summary: 1 } as const;

function fieldWeight(fields: number): number {
  if (fields & FIELD.title) return FIELD_WEIGHT.title;
  if (fields & FIELD.tags) return FIELD_WEIGHT.tags;
  return FIELD_WEIGHT.summary;
}

/** Card files kept in memory; a page needs at most 20, a session rarely more than a few hundred. */
const CARD_CACHE_SIZE = 400;

type LoadedShard = { shard: Shard; terms: TermMatcher };

type QueryMatch = {
  /** Relevance per publication; NaN where a required word does not match. */
  score: Float64Array;
  /** How many of the query's words each publication matches exactly. */
  exactWords: Uint8Array;
};

export function createSearchCore(
  meta: CorpusMeta,
  columns: Columns,
  source: DataSource,
): SearchCore {
  const count = columns.count;
  const typeIds = meta.types.map((type) => type.id);
  const organizationIds = meta.organizations.map((org) => org.id);

  const shardByLetter = new Map<string, number>();
  meta.files.shards.forEach((entry, index) => {
    for (const letter of entry.letters) shardByLetter.set(letter, index);
  });
  const shards = new Map<number, LoadedShard>();
  const loadingShards = new Map<number, Promise<LoadedShard>>();

  function loadShard(index: number): Promise<LoadedShard> | LoadedShard {
    const loaded = shards.get(index);
    if (loaded) return loaded;
    let loading = loadingShards.get(index);
    if (!loading) {
      loading = Promise.resolve(source.shard(index)).then(
        (shard) => {
          const entry = {
            shard,
            terms: new TermMatcher(shard.terms, (term) => shard.documentCounts[term] ?? 0),
          };
          shards.set(index, entry);
          loadingShards.delete(index);
          return entry;
        },
        (error: unknown) => {
          loadingShards.delete(index);
          throw error;
        },
      );
      loadingShards.set(index, loading);
    }
    return loading;
  }

  const cards = new Map<number, CardChunk>();
  async function loadCards(chunk: number): Promise<CardChunk> {
    const cached = cards.get(chunk);
    if (cached) {
      // Most recently used last, so the oldest is the first to go.
      cards.delete(chunk);
      cards.set(chunk, cached);
      return cached;
    }
    const loaded = await source.cards(chunk);
    cards.set(chunk, loaded);
    if (cards.size > CARD_CACHE_SIZE) {
      const oldest = cards.keys().next().value;
      if (oldest !== undefined) cards.delete(oldest);
    }
    return loaded;
  }

  // Organizations are searched by name and aliases through their own small vocabulary; a match
  // counts for every publication the organization issued.
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
      for (const term of tokenize(name)) {
        let set = orgTermSets.get(term);
        if (!set) orgTermSets.set(term, (set = new Set()));
        set.add(orgIndex);
      }
    }
  });
  const orgTerms = [...orgTermSets.keys()].sort();
  const orgsByTerm = orgTerms.map((term) => [...(orgTermSets.get(term) ?? [])]);
  const orgDocCount = (term: number) =>
    (orgsByTerm[term] ?? []).reduce((sum, org) => sum + (docsByOrganization[org]?.length ?? 0), 0);
  const orgMatcher = new TermMatcher(orgTerms, orgDocCount);

  const idf = (documentFrequency: number) => Math.log(1 + count / (1 + documentFrequency));

  /** The shards a word's matches can be in: its first letter's, and its second's for a swap. */
  function shardsFor(word: string): number[] {
    const letters = new Set([shardLetter(word), shardLetter([...word].slice(1).join(''))]);
    return [...letters].flatMap((letter) => shardByLetter.get(letter) ?? []);
  }

  /**
   * A word's score per publication: its best match in the publication's own text plus its best
   * match among the publication's organizations, so that a title naming the organization that
   * also issued it ranks above either alone.
   */
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
   * A word's score per publication: its best match in the publication's own text plus its best
   * match among the publication's organizations, so that a title naming the organization that
   * also issued it ranks above either alone. The word weighs by how common its most common
   * reading is (one inverse document frequency per word, not per candidate: otherwise rare
   * near-misses would outrank the term the reader meant).
   */
  function scoreWord(word: string, optional: boolean) {
    const text = new Float64Array(count);
    const organization = new Float64Array(count);
    const exact = new Uint8Array(count);
    const options = { prefix: !optional, fuzzy: !optional };

    type Candidate = { shard: Shard; term: number; similarity: number; exact: boolean };
    const candidates: Candidate[] = [];
    const own = shards.get(shardByLetter.get(shardLetter(word)) ?? -1);
    if (own) {
      for (const match of own.terms.match(word, options))
        candidates.push({ shard: own.shard, ...match });
    }
    // The first two letters swapped ("iBaliatski") live in another shard.
    const chars = [...word];
    if (!optional && chars.length >= 4 && chars[0] !== chars[1]) {
      const swapped = [chars[1], chars[0], ...chars.slice(2)].join('');
      const other = shards.get(shardByLetter.get(shardLetter(swapped)) ?? -1);
      const term = other?.terms.exact(swapped) ?? -1;
      if (other && term >= 0)
        candidates.push({ shard: other.shard, term, similarity: 0.45, exact: false });
    }
    const orgMatches = orgMatcher.match(word, options);

    let mostCommon = 0;
    for (const candidate of candidates) {
      mostCommon = Math.max(mostCommon, candidate.shard.documentCounts[candidate.term] ?? 0);
    }
    for (const match of orgMatches) mostCommon = Math.max(mostCommon, orgDocCount(match.term));
    const wordWeight = idf(mostCommon);

    for (const candidate of candidates) {
      const frequency = candidate.shard.documentCounts[candidate.term] ?? 0;
      const weight = wordWeight * candidateWeight(candidate.similarity, candidate.exact, frequency);
      forEachPosting(candidate.shard, candidate.term, (doc, fields) => {
        const value = weight * fieldWeight(fields);
        if (value > (text[doc] ?? 0)) text[doc] = value;
        if (candidate.exact) exact[doc] = 1;
      });
    }
    for (const match of orgMatches) {
      const value =
        wordWeight *
        candidateWeight(match.similarity, match.exact, orgDocCount(match.term)) *
        FIELD_WEIGHT.organization;
      for (const org of orgsByTerm[match.term] ?? []) {
        for (const doc of docsByOrganization[org] ?? []) {
          if (value > (organization[doc] ?? 0)) organization[doc] = value;
          if (match.exact) exact[doc] = 1;
        }
      }
    }
    for (let doc = 0; doc < count; doc++) text[doc] = (text[doc] ?? 0) + (organization[doc] ?? 0);
    return { score: text, exact };
  }

  function matchQuery(words: readonly string[]): QueryMatch {
    const onlyStopWords = words.every((word) => STOP_WORDS.has(word));
    const score = new Float64Array(count);
    const exactWords = new Uint8Array(count);
    for (const word of words) {
      const optional = !onlyStopWords && STOP_WORDS.has(word);
      const scores = scoreWord(word, optional);
      for (let doc = 0; doc < count; doc++) {
        const value = scores.score[doc] ?? 0;
        if (value > 0) {
          score[doc] = (score[doc] ?? 0) + value;
          exactWords[doc] = (exactWords[doc] ?? 0) + (scores.exact[doc] ?? 0);
        } else if (!optional) {
          score[doc] = Number.NaN;
        }
      }
    }
    return { score, exactWords };
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

  function dateBound(text: string | undefined, edge: 'start' | 'end'): number | null {
    const date = text === undefined ? null : parsePartialDate(text);
    if (!date) return null;
    return edge === 'start' ? startKey(date) : endKey(date);
  }

  async function hits(docs: readonly number[]): Promise<SearchHit[]> {
    const chunks = [...new Set(docs.map((doc) => Math.floor(doc / CARD_CHUNK_SIZE)))];
    const loaded = new Map(
      await Promise.all(chunks.map(async (chunk) => [chunk, await loadCards(chunk)] as const)),
    );
    return docs.map((doc) => {
      const card = loaded.get(Math.floor(doc / CARD_CHUNK_SIZE));
      const row = doc % CARD_CHUNK_SIZE;
      const orgEnd = columns.organizationStarts[doc + 1] ?? 0;
      const organizations: string[] = [];
      for (let i = columns.organizationStarts[doc] ?? 0; i < orgEnd; i++) {
        organizations.push(organizationIds[columns.organizations[i] ?? 0] ?? '');
      }
      return {
        id: card?.ids[row] ?? '',
        title: card?.titles[row] ?? '',
        summary: card?.summaries[row] ?? '',
        date: card?.dates[row] ?? '',
        type: typeIds[columns.types[doc] ?? 0] ?? '',
        organizations,
        language: meta.languages[columns.languages[doc] ?? 0] ?? '',
      };
    });
  }

  async function search(request: SearchRequest): Promise<SearchResponse> {
    const words = [...new Set(tokenize(request.query))];
    await Promise.all(words.flatMap(shardsFor).map(loadShard));
    const matched = words.length > 0 ? matchQuery(words) : null;

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

    // One pass counts every facet "as if its own filter were off" (OR within a facet, AND across).
    for (let doc = 0; doc < count; doc++) {
      if (matched && Number.isNaN(matched.score[doc] ?? Number.NaN)) continue;
      const key = columns.dates[doc] ?? 0;
      if (key < from || key > to) continue;
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

    const limit = Math.max(1, request.limit);
    const lastPageStart = Math.max(0, Math.floor((results.length - 1) / limit) * limit);
    const offset = Math.min(Math.max(0, request.offset), lastPageStart);
    const wanted = offset + limit;

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

    return {
      total: results.length,
      offset,
      hits: await hits(ordered.slice(offset, wanted)),
      facets,
    };
  }

  return { search };
}
