/** What the search page asks the search core; kept apart so the page does not load the core. */

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
  /** Whether publication bodies are searched too, or only titles, summaries and tags. */
  fullText: boolean;
  /**
   * Answer from titles, summaries and tags when the bodies' index is still on its way (after a
   * short wait), and say so; ask again for the full answer. Without it the answer waits.
   */
  progressive?: boolean;
  offset: number;
  limit: number;
};

/** What "Related" needs to know about the publication on screen. */
export type RelatedRequest = {
  /** The publication's place in the build's order. */
  doc: number;
  title: string;
  tags: readonly string[];
  organizations: readonly string[];
  /** Publications never to propose (the publication's translations). */
  exclude: readonly string[];
};

/** Results a page; the build computes the first page with it. */
export const PAGE_SIZE = 20;

export const DEFAULT_REQUEST: SearchRequest = {
  query: '',
  types: [],
  organizations: [],
  languages: [],
  sort: 'newest',
  fullText: true,
  offset: 0,
  limit: PAGE_SIZE,
};
