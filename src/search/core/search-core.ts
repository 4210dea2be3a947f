import { htmlToText } from '../analysis/html-text.ts';
import { parseQuery } from '../analysis/query-syntax.ts';
import type { Columns } from '../index/columns.ts';
import {
  CARD_PACK,
  CATALOG_SIZE,
  cardSchema,
  catalogSchema,
  publicationFileSchema,
  type Card,
  type Catalog,
} from '../index/data-schemas.ts';
import { dataFiles } from '../index/files.ts';
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
  type SearchOperations,
  type SearchResponse,
  type SortOrder,
} from '../protocol.ts';
import { PromiseCache, readJson, type DataSource } from './data-source.ts';
import { timed } from './trace.ts';
import { IndexReader } from './index-reader.ts';
import { marksOf, type MatchedForms } from './marks.ts';
import { matchQuery, partialFloor, queryForms, wordShare, type MatchContext } from './match.ts';
import { Organizations } from './organizations.ts';
import { filterPass, filtersOf } from './filter-pass.ts';
import { passageOf } from './passages.ts';
import { FieldNorms } from './ranking.ts';
import { RELATED_COUNT, relatedDocs } from './related.ts';
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

/** The operations (protocol.ts lists them), answered from the index. */
export type SearchCore = SearchOperations;

export function createSearchCore(
  meta: CorpusMeta,
  columns: Columns,
  source: DataSource,
): SearchCore {
  const count = columns.count;
  const typeIds = meta.types.map((type) => type.id);
  const organizationIds = meta.organizations.map((org) => org.id);
  const reader = new IndexReader(source, meta.directory, meta.fuzzy);
  const organizations = new Organizations(meta, columns);
  /** Cards, by publication number. */
  const cards = new PromiseCache<number, Card>(256);
  const catalogs = new PromiseCache<number, Catalog>(64);
  const bodies = new PromiseCache<string, string>(60);
  let norms: FieldNorms | null = null;
  const lists = { types: typeIds, organizations: organizationIds, languages: meta.languages };
  const context: MatchContext = {
    count,
    reader,
    organizations,
    columns,
    norms: () => (norms ??= new FieldNorms(columns, meta.averageLengths)),
  };

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
      docs.map(async (doc) => {
        const pack = Math.floor(doc / CARD_PACK);
        const file = dataFiles.card(columns.cards[pack] ?? '', doc - pack * CARD_PACK);
        return cards.get(doc, () => readJson(source, file, cardSchema));
      }),
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

  /** A share of the query in tenths, as partial matches are ordered by it. */
  const tenths = (share = 0) => Math.round(share * 10);

  /** Everything but paging: the ordered matches, facet counts and the timeline. */
  async function evaluate(request: SearchRequest, wanted: number) {
    const query = parseQuery(request.query);
    const matched = await matchQuery(
      context,
      query,
      request.fullText,
      request.progressive === true,
    );
    return timed('score', () => {
      const floor = matched ? partialFloor(matched) : 0;
      const listed = (doc: number) =>
        !matched ||
        matched.tier[doc] === 2 ||
        (matched.tier[doc] === 1 && wordShare(matched, doc) >= floor);

      const filters = filtersOf(request, lists);
      const { results, undated, facets } = filterPass(columns, filters, listed, {
        types: typeIds.length,
        organizations: organizationIds.length,
        languages: meta.languages.length,
      });

      // Publications are numbered oldest first: the order "oldest" is theirs, "newest" its
      // reverse. Whatever the order, publications holding every word of the query come before
      // those holding some.
      const sort = request.sort === 'relevance' && !matched ? 'newest' : request.sort;
      const tier = matched?.tier;
      const byTier = (a: number, b: number) => (tier ? (tier[b] ?? 0) - (tier[a] ?? 0) : 0);
      let partial = 0;
      if (tier) for (const doc of results) if (tier[doc] === 1) partial++;
      let ordered: number[];
      if (sort === 'relevance' && matched) {
        const { score, coverage } = matched;
        // Partial matches: those holding more of the query first (in tenths: rarity is an estimate,
        // and a hair's difference in it must not outweigh how well the rest matches); the newer
        // first at equal score.
        ordered = selectTop(
          results,
          wanted,
          (a, b) =>
            byTier(a, b) ||
            tenths(coverage[b]) - tenths(coverage[a]) ||
            (score[b] ?? 0) - (score[a] ?? 0) ||
            b - a,
        );
      } else if (sort === 'oldest') {
        ordered =
          partial > 0 ? selectTop(results, wanted, (a, b) => byTier(a, b) || a - b) : results;
      } else {
        ordered =
          partial > 0
            ? selectTop(results, wanted, (a, b) => byTier(a, b) || b - a)
            : results.slice(Math.max(0, results.length - wanted)).reverse();
      }
      const timeline = buildTimeline(
        undated.map((doc) => columns.dates[doc] ?? 0),
        request.from === undefined ? null : (filters.from ?? -Infinity),
        request.to === undefined ? null : (filters.to ?? Infinity),
      );
      const bodies = matched?.bodies ?? 'ready';
      const bodyState = request.fullText && bodies !== 'ready' ? bodies : undefined;
      return { query, results, ordered, partial, facets, matched, timeline, bodyState };
    });
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

  /** The passages of body-only results around the first word the query matched, marked. */
  async function passages(request: PassageRequest): Promise<Passage[]> {
    const forms = await queryForms(context, parseQuery(request.query));
    const found = await Promise.all(
      request.publications.map(async ({ id, language }) =>
        passageOf(id, await Promise.resolve(bodyText(id)).catch(() => ''), language, forms),
      ),
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
                readJson(source, columns.catalogs[chunk] ?? '', catalogSchema),
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
    const organizationIndexes = request.organizations.map((id) => organizationIds.indexOf(id));
    const excluded = new Set(request.exclude);
    const docs = await relatedDocs(
      reader,
      organizations,
      count,
      { ...request, organizationIndexes },
      RELATED_COUNT + excluded.size,
    );
    return (await hits(docs, null)).filter((hit) => !excluded.has(hit.id)).slice(0, RELATED_COUNT);
  }

  return { search, passages, exportRows, related };
}
