import { endKey, parsePartialDate, startKey } from '../../corpus/dates.ts';
import { htmlToText } from '../analysis/html-text.ts';
import { parseQuery } from '../analysis/query-syntax.ts';
import { STOP_WORDS, words as wordsOf } from '../analysis/text.ts';
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
import { FIELD, KIND } from '../index/format.ts';
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
import { marksOf, type MatchedForms } from './marks.ts';
import { matchQuery, partialFloor, queryForms, type MatchContext } from './match.ts';
import { Organizations } from './organizations.ts';
import { FieldNorms, idf } from './ranking.ts';
import { buildTimeline } from './timeline.ts';
import { suggestQuery } from './suggest.ts';
import { selectTop } from './top-k.ts';

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

const SNIPPET_RADIUS = 90;
/** Title words and tags "Related" looks up at most. */
const RELATED_WORDS = 16;

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
  let norms: FieldNorms | null = null;
  const context: MatchContext = {
    count,
    reader,
    organizations,
    columns,
    norms: () => (norms ??= new FieldNorms(columns, meta.averageLengths)),
  };

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
    const matched = await matchQuery(
      context,
      query,
      request.fullText,
      request.progressive === true,
    );
    const floor = matched ? partialFloor(matched) : 0;
    const listed = (doc: number) =>
      !matched ||
      matched.tier[doc] === 2 ||
      (matched.tier[doc] === 1 && (matched.coverage[doc] ?? 0) >= floor);

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
      if (!listed(doc)) continue;
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

    // Publications are stored newest first, so index order is "newest" already. Whatever the
    // order, publications holding every word of the query come before those holding some.
    const sort = request.sort === 'relevance' && !matched ? 'newest' : request.sort;
    const tier = matched?.tier;
    const byTier = (a: number, b: number) => (tier ? (tier[b] ?? 0) - (tier[a] ?? 0) : 0);
    let ordered: number[] = results;
    let partial = 0;
    if (tier) for (const doc of results) if (tier[doc] === 1) partial++;
    if (sort === 'oldest') {
      const dates = columns.dates;
      ordered = selectTop(
        results,
        wanted,
        (a, b) => byTier(a, b) || (dates[a] ?? 0) - (dates[b] ?? 0) || b - a,
      );
    } else if (sort === 'relevance' && matched) {
      const { score, coverage } = matched;
      // Partial matches: those holding more of the query first.
      ordered = selectTop(
        results,
        wanted,
        (a, b) =>
          byTier(a, b) ||
          (coverage[b] ?? 0) - (coverage[a] ?? 0) ||
          (score[b] ?? 0) - (score[a] ?? 0) ||
          a - b,
      );
    } else if (partial > 0) {
      ordered = selectTop(results, wanted, (a, b) => byTier(a, b) || a - b);
    }
    const timeline = buildTimeline(
      undated.map((doc) => columns.dates[doc] ?? 0),
      request.from === undefined ? null : from,
      request.to === undefined ? null : to,
    );
    const bodies = matched?.bodies ?? 'ready';
    const bodyState = request.fullText && bodies !== 'ready' ? bodies : undefined;
    return { query, results, ordered, partial, facets, matched, timeline, bodyState };
  }

  async function search(request: SearchRequest): Promise<SearchResponse> {
    const limit = Math.max(1, request.limit);
    const first = await evaluate(request, Math.max(0, request.offset) + limit);
    const total = first.results.length;
    const lastPageStart = Math.max(0, Math.floor((total - 1) / limit) * limit);
    const offset = Math.min(Math.max(0, request.offset), lastPageStart);
    const pageDocs = first.ordered.slice(offset, offset + limit);
    const pageHits = await hits(pageDocs, first.matched?.forms ?? null);
    const matched = first.matched;
    if (matched) {
      pageDocs.forEach((doc, index) => {
        const hit = pageHits[index];
        if (!hit) return;
        // A result found only in its body will show the passage: the page asks for it (passages).
        if (request.fullText && !first.bodyState && !matched.outsideBody[doc]) hit.bodyOnly = true;
        if (matched.tier[doc] === 1) {
          hit.partial = { held: matched.held[doc] ?? 0, of: matched.parts };
        }
        const via = matched.via.get(doc);
        if (via) hit.via = via;
      });
    }
    const suggestion = matched
      ? await suggestQuery(reader, request.query, first.query, matched, total)
      : undefined;
    return {
      total,
      ...(first.partial > 0 ? { partial: first.partial } : {}),
      ...(suggestion ? { suggestion } : {}),
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
    const forms = await queryForms(context, parseQuery(request.query));
    const found = await Promise.all(
      request.publications.map(async ({ id, language }): Promise<Passage | null> => {
        const plain = await Promise.resolve(bodyText(id)).catch(() => '');
        const marks = marksOf(plain, language, forms);
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
        return { id, snippet, marks: marksOf(snippet, language, forms) };
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
      const weight = idf(count, docs.length);
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
        const value = weight * idf(count, frequency);
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
