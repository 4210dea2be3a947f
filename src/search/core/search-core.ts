import { endKey, parsePartialDate, startKey } from '../../corpus/dates.ts';
import { htmlToText } from '../analysis/html-text.ts';
import { isEmptyQuery, parseQuery, type ParsedQuery } from '../analysis/query-syntax.ts';
import { STOP_WORDS, words as wordsOf, type Word } from '../analysis/text.ts';
import type { Columns } from '../index/columns.ts';
import {
  CATALOG_SIZE,
  cardSchema,
  catalogSchema,
  publicationFileSchema,
  type Card,
  type Catalog,
} from '../index/data-schemas.ts';
import { dataFiles } from '../index/files.ts';
import { FIELD, IN_BODY, KIND, type DecodedPostings, type Location } from '../index/format.ts';
import {
  DEFAULT_REQUEST,
  PAGE_SIZE,
  type CorpusMeta,
  type ExportRow,
  type Passage,
  type PassageRequest,
  type RelatedRequest,
  type SearchHit,
  type SearchRequest,
  type SearchResponse,
  type SortOrder,
} from '../protocol.ts';
import { PromiseCache, readJson, type DataSource } from './data-source.ts';
import { IndexReader } from './index-reader.ts';
import { emptyForms, marksOf, type MatchedForms } from './marks.ts';
import { Organizations } from './organizations.ts';
import { buildTimeline } from './timeline.ts';
import { phraseDocs } from './phrases.ts';
import { selectTop } from './top-k.ts';
import { matchWord, spellingsOf, type Candidate, type WordMatches } from './word-matches.ts';
import { hasCyrillic, spellingKey } from '../analysis/transliterate.ts';

/**
 * The search core: matching (words loosely, phrases exactly, exclusions), filtering, facet
 * counts, the timeline, sorting and paging, in plain TypeScript with no DOM, so it runs in a
 * Web Worker, on the main thread, or in Node (the build and the tests) alike. It reads the index
 * through an IndexReader, which fetches only the files a query needs
 * (docs/decisions/011-search-index.md).
 */

export type { SearchHit, SearchResponse, SearchRequest, SortOrder };
export { DEFAULT_REQUEST, PAGE_SIZE };

export type SearchCore = {
  search(request: SearchRequest): Promise<SearchResponse>;
  /** The passages of body-only matches that show where a query matched. */
  passages(request: PassageRequest): Promise<Passage[]>;
  /** Every match of a search, in order, with what an export lists. */
  exportRows(request: SearchRequest): Promise<ExportRow[]>;
  /** Up to five publications close to one: shared organizations, tags, distinctive title words. */
  related(request: RelatedRequest): Promise<SearchHit[]>;
};

/** How much a match in each field counts; a word in the title says more than one in the summary. */
const FIELD_WEIGHT = { title: 3, organization: 2.5, tags: 2, summary: 1, body: 0.5 } as const;
/** How long a progressive search waits for the bodies' postings before answering without them. */
const BODY_WAIT_MS = 150;
const SNIPPET_RADIUS = 90;
/** Title words and tags "Related" looks up at most. */
const RELATED_WORDS = 16;

function fieldWeight(fields: number): number {
  if (fields & FIELD.title) return FIELD_WEIGHT.title;
  if (fields & FIELD.tags) return FIELD_WEIGHT.tags;
  if (fields & FIELD.summary) return FIELD_WEIGHT.summary;
  return FIELD_WEIGHT.body;
}

type Match = {
  /** Relevance per publication; NaN where it does not match. */
  score: Float64Array;
  /** How many of the query's words each publication matches exactly. */
  exactWords: Uint8Array;
  /** 1 where a publication matched outside its body (title, summary, tags, organization). */
  outsideBody: Uint8Array;
  forms: MatchedForms;
};

type Resolved = {
  query: ParsedQuery;
  /** Per loose word: what it may mean, and whether it is optional (a stop word). */
  words: { word: Word; optional: boolean; matches: WordMatches }[];
  forms: MatchedForms;
};

type BodyState = 'ready' | 'pending' | 'failed';

export function createSearchCore(
  meta: CorpusMeta,
  columns: Columns,
  source: DataSource,
): SearchCore {
  const count = columns.count;
  const typeIds = meta.types.map((type) => type.id);
  const organizationIds = meta.organizations.map((org) => org.id);
  const reader = new IndexReader(source, meta.directory);
  const organizations = new Organizations(meta, columns);
  const cards = new PromiseCache<number, Card>(600);
  const catalogs = new PromiseCache<number, Catalog>(64);
  const bodies = new PromiseCache<string, string>(60);

  const idf = (documentFrequency: number) => Math.log(1 + count / (1 + documentFrequency));

  /**
   * How much a candidate counts for the word the reader typed. A typo or a prefix is more likely
   * to mean a common term than a rare one ("Bialatski" means the much-cited Bialiatski, not a
   * name that occurs twice), so inexact candidates lean towards the frequent.
   */
  function candidateWeight(similarity: number, exact: boolean, documentFrequency: number) {
    if (exact) return similarity;
    const popularity = Math.log(1 + documentFrequency) / Math.log(2 + count);
    return similarity * (0.85 + 0.15 * popularity);
  }

  async function resolve(query: ParsedQuery): Promise<Resolved> {
    const forms = emptyForms();
    const onlyStopWords = query.words.every((word) => STOP_WORDS.has(word.term));
    const last = query.words.length - 1;
    const words = await Promise.all(
      query.words.map(async (word, index) => {
        const optional = !onlyStopWords && STOP_WORDS.has(word.term);
        const matches = await matchWord(
          reader,
          organizations,
          word,
          { loose: !optional, prefix: !optional && query.typing && index === last },
          forms,
        );
        return { word, optional, matches };
      }),
    );
    for (const phrase of query.phrases) {
      for (const word of phrase) {
        for (const spelling of spellingsOf(word)) forms.terms.add(spelling);
        if (!hasCyrillic(word.lower)) forms.spellings.add(spellingKey(word.term));
      }
    }
    return { query, words, forms };
  }

  /** The decoded postings of every candidate, by side; bodies may be left out (see `loadFor`). */
  type Postings = Map<Location, DecodedPostings>;

  async function loadPostings(
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
  async function loadFor(
    resolved: Resolved,
    fullText: boolean,
    progressive: boolean,
  ): Promise<{ postings: Postings; bodies: BodyState }> {
    const candidates = resolved.words.flatMap((entry) => entry.matches.candidates);
    const postings: Postings = new Map();
    const text = candidates.flatMap((candidate) => (candidate.text ? [candidate.text] : []));
    const body = fullText
      ? candidates.flatMap((candidate) => (candidate.body ? [candidate.body] : []))
      : [];
    const bodyLoad = loadPostings(body, 'body', postings);
    const textLoad = loadPostings(text, 'text', postings);
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

  /**
   * A word's score per publication: its best match in the publication's own text plus its best
   * match among the publication's organizations, so that a title naming the organization that
   * also issued it ranks above either alone. The word weighs by how common its most common
   * precise reading is (one inverse document frequency per word, not per candidate: otherwise
   * rare near-misses would outrank the term the reader meant).
   */
  function scoreWord(
    { optional, matches }: Resolved['words'][number],
    postings: Postings,
    fullText: boolean,
    match: Match,
  ) {
    const textScore = new Float64Array(count);
    const organization = new Float64Array(count);
    const exact = new Uint8Array(count);
    const outside = new Uint8Array(count);
    const frequency = (candidate: Candidate) =>
      candidate.textCount + (fullText ? candidate.bodyCount : 0);

    let mostCommon = 0;
    const precise = matches.candidates.filter((candidate) => candidate.similarity >= 0.6);
    for (const candidate of precise.length > 0 ? precise : matches.candidates) {
      mostCommon = Math.max(mostCommon, frequency(candidate));
    }
    for (const org of matches.organizations) mostCommon = Math.max(mostCommon, org.count);
    const wordWeight = idf(mostCommon);

    for (const candidate of matches.candidates) {
      const weight =
        wordWeight * candidateWeight(candidate.similarity, candidate.exact, frequency(candidate));
      const text = candidate.text ? postings.get(candidate.text) : undefined;
      text?.docs.forEach((doc, index) => {
        const value = weight * fieldWeight(text.fields?.[index] ?? 0);
        if (value > (textScore[doc] ?? 0)) textScore[doc] = value;
        if (candidate.exact) exact[doc] = 1;
        outside[doc] = 1;
      });
      const body = fullText && candidate.body ? postings.get(candidate.body) : undefined;
      if (body) {
        const value = weight * FIELD_WEIGHT.body;
        for (const doc of body.docs) {
          if (value > (textScore[doc] ?? 0)) textScore[doc] = value;
          if (candidate.exact) exact[doc] = 1;
        }
      }
    }
    for (const org of matches.organizations) {
      const value =
        wordWeight *
        candidateWeight(org.similarity, org.exact, org.count) *
        FIELD_WEIGHT.organization;
      for (const doc of org.docs) {
        if (value > (organization[doc] ?? 0)) organization[doc] = value;
        if (org.exact) exact[doc] = 1;
        outside[doc] = 1;
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

  async function matchQuery(
    query: ParsedQuery,
    fullText: boolean,
    progressive: boolean,
  ): Promise<{ match: Match | null; bodies: BodyState }> {
    if (isEmptyQuery(query)) return { match: null, bodies: 'ready' };
    const resolved = await resolve(query);
    const { postings, bodies } = await loadFor(resolved, fullText, progressive);
    const readBodies = fullText && bodies === 'ready';
    const match: Match = {
      score: new Float64Array(count),
      exactWords: new Uint8Array(count),
      outsideBody: new Uint8Array(count),
      forms: resolved.forms,
    };
    for (const word of resolved.words) scoreWord(word, postings, readBodies, match);
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
    query.phrases.forEach((phrase, index) => {
      const docs = phrases[index] ?? new Map<number, number>();
      for (let doc = 0; doc < count; doc++) {
        const fields = docs.get(doc);
        if (fields === undefined) {
          match.score[doc] = Number.NaN;
          continue;
        }
        match.score[doc] = (match.score[doc] ?? 0) + phrase.length * 2 * fieldWeight(fields);
        match.exactWords[doc] = (match.exactWords[doc] ?? 0) + phrase.length;
        if (fields !== IN_BODY) match.outsideBody[doc] = 1;
      }
    });
    for (const docs of excluded) for (const doc of docs.keys()) match.score[doc] = Number.NaN;
    return { match, bodies };
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

  const languageOf = (doc: number) => meta.languages[columns.languages[doc] ?? 0] ?? '';

  async function hits(docs: readonly number[], forms: MatchedForms | null): Promise<SearchHit[]> {
    const loaded = await Promise.all(
      docs.map((doc) => cards.get(doc, () => readJson(source, dataFiles.card(doc), cardSchema))),
    );
    return docs.map((doc, index) => {
      const card = loaded[index] as Card;
      const language = languageOf(doc);
      const hit: SearchHit = {
        id: card.id,
        title: card.title,
        summary: card.summary,
        date: card.date,
        type: typeIds[columns.types[doc] ?? 0] ?? '',
        organizations: organizationsOf(doc),
        language,
      };
      if (forms) {
        hit.marks = {
          title: marksOf(card.title, language, forms),
          summary: marksOf(card.summary, language, forms),
        };
      }
      return hit;
    });
  }

  /** Everything but paging: the ordered matches, facet counts and the timeline. */
  async function evaluate(request: SearchRequest, wanted: number) {
    const query = parseQuery(request.query);
    const { match: matched, bodies } = await matchQuery(
      query,
      request.fullText,
      request.progressive === true,
    );

    const wantedTypes = toSet(request.types, typeIds);
    const wantedOrgs = toSet(request.organizations, organizationIds);
    const wantedLanguages = toSet(request.languages, meta.languages);
    const from = dateBound(request.from, 'start') ?? -Infinity;
    const to = dateBound(request.to, 'end') ?? Infinity;
    // Column dates carry their precision in their last two bits (columnDate).
    const fromKey = from * 4;
    const toKey = to * 4 + 3;

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
      if (key < fromKey || key > toKey) continue;
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
    const pageHits = await hits(pageDocs, first.matched?.forms ?? null);
    if (first.matched && request.fullText && !first.bodyState) {
      // A result found only in its body will show the passage: the page asks for it (passages).
      pageDocs.forEach((doc, index) => {
        const hit = pageHits[index];
        if (hit && !first.matched?.outsideBody[doc]) hit.bodyOnly = true;
      });
    }
    return {
      total,
      offset,
      hits: pageHits,
      facets: first.facets,
      timeline: first.timeline,
      ...(first.bodyState ? { fullText: first.bodyState } : {}),
    };
  }

  function bodyText(id: string): Promise<string> | string {
    return bodies.get(id, async () => {
      const file = await readJson(source, dataFiles.publication(id), publicationFileSchema);
      return htmlToText(file.publication.body ?? '');
    });
  }

  /** The passage of a body around the first word the query matched, with the words marked. */
  async function passages(request: PassageRequest): Promise<Passage[]> {
    const resolved = await resolve(parseQuery(request.query));
    const found = await Promise.all(
      request.publications.map(async ({ id, language }): Promise<Passage | null> => {
        const plain = await Promise.resolve(bodyText(id)).catch(() => '');
        const marks = marksOf(plain, language, resolved.forms);
        const hit = marks[0];
        if (!hit) return null;
        let start = Math.max(0, hit[0] - SNIPPET_RADIUS);
        let end = Math.min(plain.length, hit[1] + SNIPPET_RADIUS);
        if (start > 0) start = plain.indexOf(' ', start) + 1 || start;
        if (end < plain.length) {
          end = plain.lastIndexOf(' ', end) > hit[1] ? plain.lastIndexOf(' ', end) : end;
        }
        const lead = start > 0 ? '…' : '';
        const snippet = `${lead}${plain.slice(start, end).trim()}${end < plain.length ? '…' : ''}`;
        return { id, snippet, marks: marksOf(snippet, language, resolved.forms) };
      }),
    );
    return found.flatMap((passage) => (passage ? [passage] : []));
  }

  async function exportRows(request: SearchRequest): Promise<ExportRow[]> {
    const { ordered } = await evaluate(request, count);
    const chunks = [...new Set(ordered.map((doc) => Math.floor(doc / CATALOG_SIZE)))];
    const loaded = new Map(
      await Promise.all(
        chunks.map(
          async (chunk) =>
            [
              chunk,
              await catalogs.get(chunk, () =>
                readJson(source, dataFiles.catalog(chunk), catalogSchema),
              ),
            ] as const,
        ),
      ),
    );
    return ordered.map((doc) => {
      const catalog = loaded.get(Math.floor(doc / CATALOG_SIZE));
      const row = doc - (catalog?.first ?? 0);
      return {
        id: catalog?.ids[row] ?? '',
        title: catalog?.titles[row] ?? '',
        type: typeIds[columns.types[doc] ?? 0] ?? '',
        organizations: organizationsOf(doc),
        date: catalog?.dates[row] ?? '',
        language: languageOf(doc),
        url: catalog?.urls[row] ?? '',
      };
    });
  }

  async function related(request: RelatedRequest): Promise<SearchHit[]> {
    const score = new Float64Array(count);
    // Shared organizations, the rarer the more telling.
    for (const id of request.organizations) {
      const docs = organizations.publicationsOf(organizationIds.indexOf(id));
      const weight = idf(docs.length);
      for (const doc of docs) score[doc] = (score[doc] ?? 0) + weight;
    }
    // Distinctive title words and tags: the same word in another title or tag counts by its rarity.
    const titleWords = wordsOf(request.title).filter((word) => !STOP_WORDS.has(word.term));
    const tagWords = request.tags.flatMap((tag) => wordsOf(tag));
    const lookups = [
      ...[...new Set(titleWords.map((word) => word.term))].map((term) => ({
        term,
        field: FIELD.title,
        weight: 1,
      })),
      ...[...new Set(tagWords.map((word) => word.term))].map((term) => ({
        term,
        field: FIELD.tags,
        weight: 1.5,
      })),
    ].slice(0, RELATED_WORDS);
    await Promise.all(
      lookups.map(async ({ term, field, weight }) => {
        const entry = await reader.entry(term, KIND.word).catch(() => undefined);
        if (!entry?.text) return;
        const frequency = entry.textCount;
        // Too common to say anything; a small archive still lets a word shared by a few count.
        if (frequency > Math.max(3, count / 10)) return;
        const postings = await reader.read(entry.text, 'text');
        const value = weight * idf(frequency);
        postings.docs.forEach((doc, index) => {
          if ((postings.fields?.[index] ?? 0) & field) score[doc] = (score[doc] ?? 0) + value;
        });
      }),
    );
    score[request.doc] = 0;
    const candidates: number[] = [];
    for (let doc = 0; doc < count; doc++) if ((score[doc] ?? 0) > 0) candidates.push(doc);
    const excluded = new Set(request.exclude);
    const top = selectTop(
      candidates,
      5 + excluded.size,
      (a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b,
    );
    return (await hits(top, null)).filter((hit) => !excluded.has(hit.id)).slice(0, 5);
  }

  return { search, passages, exportRows, related };
}
