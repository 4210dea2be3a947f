import { endKey, parsePartialDate, startKey } from './dates.ts';
import { FIELD, type CorpusMeta, type SearchData } from './search-data.ts';
import { TermMatcher } from './term-matcher.ts';
import { STOP_WORDS, tokenize } from './text.ts';

/**
 * The search core: matching, filtering, facet counts, sorting and paging, in plain TypeScript with
 * no DOM, so it runs in a Web Worker, on the main thread, or in Node tests alike.
 */

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export type SearchRequest = {
  query: string;
  types: readonly string[];
  organizations: readonly string[];
  languages: readonly string[];
  /** Inclusive bounds, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial `to` ends its period. */
  from?: string | undefined;
  to?: string | undefined;
  sort: SortOrder;
  offset: number;
  limit: number;
};

export type SearchHit = {
  id: string;
  title: string;
  summary: string;
  date: string;
  type: string;
  organizations: string[];
  language: string;
};

export type SearchResponse = {
  total: number;
  /** Where `hits` start; a page past the end is moved back to the last page. */
  offset: number;
  hits: SearchHit[];
  /** Counts aligned with `meta.types`, `meta.organizations` and `meta.languages`. */
  facets: { types: number[]; organizations: number[]; languages: number[] };
};

/** How much a match in each field counts; a word in the title says more than one in the summary. */
const FIELD_WEIGHT = { title: 3, organization: 2.5, tags: 2, summary: 1 } as const;

function fieldWeight(fields: number): number {
  if (fields & FIELD.title) return FIELD_WEIGHT.title;
  if (fields & FIELD.tags) return FIELD_WEIGHT.tags;
  return FIELD_WEIGHT.summary;
}

type WordScores = {
  /** Best weighted score per publication, 0 where the word does not match. */
  score: Float64Array;
  /** 1 where the publication matches the word exactly (not by prefix or typo). */
  exact: Uint8Array;
};

export type SearchCore = {
  search(request: SearchRequest): SearchResponse;
};

export function createSearchCore(meta: CorpusMeta, data: SearchData): SearchCore {
  const { docs, index } = data;
  const count = docs.ids.length;
  const postings = index.postings;
  const terms = new TermMatcher(index.terms, (term) => (postings[term]?.length ?? 0) / 2);

  const typeIds = meta.types.map((type) => type.id);
  const organizationIds = meta.organizations.map((org) => org.id);
  const dateKeys = Int32Array.from(docs.dates, (date) => {
    const parsed = parsePartialDate(date);
    return parsed ? startKey(parsed) : 0;
  });

  // Organizations are searched by name and aliases through their own small vocabulary; a match
  // counts for every publication the organization issued.
  const docsByOrganization: number[][] = meta.organizations.map(() => []);
  docs.organizations.forEach((orgs, doc) => {
    for (const org of orgs) docsByOrganization[org]?.push(doc);
  });
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

  /**
   * A word's score per publication: its best match in the publication's own text plus its best
   * match among the publication's organizations, so that a title naming the organization that
   * also issued it ranks above either alone.
   */
  function scoreWord(word: string, optional: boolean): WordScores {
    const text = new Float64Array(count);
    const organization = new Float64Array(count);
    const exact = new Uint8Array(count);
    const options = { prefix: !optional, fuzzy: !optional };

    for (const match of terms.match(word, options)) {
      const list = postings[match.term] ?? [];
      const weight = match.similarity * idf(list.length / 2);
      let doc = 0;
      for (let i = 0; i < list.length; i += 2) {
        doc += list[i] ?? 0;
        const value = weight * fieldWeight(list[i + 1] ?? 0);
        if (value > (text[doc] ?? 0)) text[doc] = value;
        if (match.exact) exact[doc] = 1;
      }
    }
    for (const match of orgMatcher.match(word, options)) {
      const value = match.similarity * idf(orgDocCount(match.term)) * FIELD_WEIGHT.organization;
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

  /** Relevance per publication (NaN where it does not match), and exact-word counts. */
  function matchQuery(query: string): { score: Float64Array; exactWords: Uint8Array } | null {
    const words = [...new Set(tokenize(query))];
    if (words.length === 0) return null;
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
    const wanted = new Set(values);
    const indexes = new Set<number>();
    ids.forEach((id, index) => {
      if (wanted.has(id)) indexes.add(index);
    });
    return wanted.size > 0 ? indexes : null;
  }

  function dateBound(text: string | undefined, edge: 'start' | 'end'): number | null {
    const date = text === undefined ? null : parsePartialDate(text);
    if (!date) return null;
    return edge === 'start' ? startKey(date) : endKey(date);
  }

  function hit(doc: number): SearchHit {
    return {
      id: docs.ids[doc] ?? '',
      title: docs.titles[doc] ?? '',
      summary: docs.summaries[doc] ?? '',
      date: docs.dates[doc] ?? '',
      type: typeIds[docs.types[doc] ?? 0] ?? '',
      organizations: (docs.organizations[doc] ?? []).map((org) => organizationIds[org] ?? ''),
      language: meta.languages[docs.languages[doc] ?? 0] ?? '',
    };
  }

  function search(request: SearchRequest): SearchResponse {
    const matched = matchQuery(request.query);
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
      const key = dateKeys[doc] ?? 0;
      if (key < from || key > to) continue;
      const type = docs.types[doc] ?? 0;
      const orgs = docs.organizations[doc] ?? [];
      const language = docs.languages[doc] ?? 0;
      const typeOk = !wantedTypes || wantedTypes.has(type);
      const orgOk = !wantedOrgs || orgs.some((org) => wantedOrgs.has(org));
      const languageOk = !wantedLanguages || wantedLanguages.has(language);
      if (orgOk && languageOk) facets.types[type] = (facets.types[type] ?? 0) + 1;
      if (typeOk && languageOk) {
        for (const org of orgs) facets.organizations[org] = (facets.organizations[org] ?? 0) + 1;
      }
      if (typeOk && orgOk) facets.languages[language] = (facets.languages[language] ?? 0) + 1;
      if (typeOk && orgOk && languageOk) results.push(doc);
    }

    // Publications are stored newest first, so index order is "newest" and its reverse "oldest".
    const sort = request.sort === 'relevance' && !matched ? 'newest' : request.sort;
    if (sort === 'oldest') {
      results.sort((a, b) => (dateKeys[a] ?? 0) - (dateKeys[b] ?? 0) || b - a);
    } else if (sort === 'relevance' && matched) {
      const { score, exactWords } = matched;
      results.sort(
        (a, b) =>
          (exactWords[b] ?? 0) - (exactWords[a] ?? 0) || (score[b] ?? 0) - (score[a] ?? 0) || a - b,
      );
    }

    const limit = Math.max(1, request.limit);
    const lastPageStart = Math.max(0, Math.floor((results.length - 1) / limit) * limit);
    const offset = Math.min(Math.max(0, request.offset), lastPageStart);
    return {
      total: results.length,
      offset,
      hits: results.slice(offset, offset + limit).map(hit),
      facets,
    };
  }

  return { search };
}
