import * as v from 'valibot';

/**
 * What the app, the worker and the build say to each other: search requests and responses, the
 * start data, and the archive's metadata. Kept apart from the engine so that the page loads no
 * search code to read them.
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

/** A stretch of text the query matched: [start, end) in UTF-16 code units. */
const marksSchema = v.array(v.tuple([v.number(), v.number()]));

const searchHitSchema = v.object({
  id: v.string(),
  title: v.string(),
  summary: v.string(),
  date: v.string(),
  type: v.string(),
  organizations: v.array(v.string()),
  language: v.string(),
  /** Matched in its body only: the page asks for the passage that matched (`passages`). */
  bodyOnly: v.optional(v.boolean()),
  /** The words the query matched in the title, the summary and the passage, to mark. */
  marks: v.optional(v.object({ title: marksSchema, summary: marksSchema })),
  /** A partial match: it holds `held` of the query's `of` words (stop words aside). */
  partial: v.optional(v.object({ held: v.number(), of: v.number() })),
  /**
   * Found through the glossary only: another term of a concept the query names (in another
   * language, or a synonym), in `language`, matched.
   */
  via: v.optional(v.object({ term: v.string(), language: v.string() })),
});
export type SearchHit = v.InferOutput<typeof searchHitSchema>;
export type Marks = NonNullable<SearchHit['marks']>;

/** The passages of body-only matches a page shows: which publications, for which query. */
export type PassageRequest = {
  query: string;
  publications: readonly { id: string; language: string }[];
};

/** Where in a body a query matched: a passage of it, with the matched words marked. */
export type Passage = { id: string; snippet: string; marks: [number, number][] };

/** Matching publications per year, or per month when the period is two years or less. */
const timelineSchema = v.object({
  unit: v.picklist(['year', 'month']),
  /** Every period from the first to the last, empty ones included; `period` is YYYY or YYYY-MM. */
  bins: v.array(v.object({ period: v.string(), count: v.number() })),
  /** By month: the publications in the span known only by their year (in no month's bar). */
  unplaced: v.optional(v.number()),
});
export type Timeline = v.InferOutput<typeof timelineSchema>;

export const searchResponseSchema = v.object({
  /** Every listed result: full matches, then partial ones. */
  total: v.number(),
  /** Of `total`, the partial matches (publications holding some of the query's words). */
  partial: v.optional(v.number()),
  /** "Did you mean": the query with its likeliest spelling, when that finds more. */
  suggestion: v.optional(v.string()),
  /** Where `hits` start; a page past the end is moved back to the last page. */
  offset: v.number(),
  hits: v.array(searchHitSchema),
  /** Counts aligned with `types`, `organizations` and `languages` of the start file. */
  facets: v.object({
    types: v.array(v.number()),
    organizations: v.array(v.number()),
    languages: v.array(v.number()),
  }),
  /**
   * Set when a progressive search could not read the bodies yet: their index is still loading
   * ('pending': ask again) or failed to load ('failed'). Absent when the answer is whole.
   */
  fullText: v.optional(v.picklist(['pending', 'failed'])),
  /** The matches over time: per year over all of them, or per month within the date bounds. */
  timeline: timelineSchema,
});
export type SearchResponse = v.InferOutput<typeof searchResponseSchema>;

/** One publication in an export of a result set. */
export type ExportRow = {
  id: string;
  title: string;
  type: string;
  organizations: string[];
  date: string;
  language: string;
  url: string;
};

/** An operation's request and answer, as types: the list's values hold nothing at run time. */
function operation<Request, Answer>() {
  return {} as { request: Request; answer: Answer };
}

/**
 * The search's operations, listed once: the core implements each (core/search-core.ts), the
 * worker's session and the client derive their methods and messages from this list. A new
 * operation is a line here and its implementation in the core.
 */
export const OPERATIONS = {
  /** A page of results, with the facets' counts, the timeline and a "Did you mean". */
  search: operation<SearchRequest, SearchResponse>(),
  /** The passages of body-only matches that show where a query matched. */
  passages: operation<PassageRequest, Passage[]>(),
  /** Every match of a search, in order, with what an export lists. */
  exportRows: operation<SearchRequest, ExportRow[]>(),
  /** Up to five publications close to one: shared organizations, tags, distinctive title words. */
  related: operation<RelatedRequest, SearchHit[]>(),
};

export type OperationName = keyof typeof OPERATIONS;
export type RequestOf<K extends OperationName> = (typeof OPERATIONS)[K]['request'];
export type AnswerOf<K extends OperationName> = (typeof OPERATIONS)[K]['answer'];

/** One operation asked for: what crosses to the worker, or runs on the main thread. */
export type Job = { [K in OperationName]: { kind: K; request: RequestOf<K> } }[OperationName];

/**
 * Every operation as a method that answers with a promise; `Extra` are arguments after the
 * request (the client's abort signal).
 */
export type SearchOperations<Extra extends unknown[] = []> = {
  [K in OperationName]: (request: RequestOf<K>, ...extra: Extra) => Promise<AnswerOf<K>>;
};

/** Every operation's method, made from one function that runs any job. */
export function eachOperation<Extra extends unknown[]>(
  run: (job: Job, ...extra: Extra) => Promise<unknown>,
): SearchOperations<Extra> {
  const methods: Record<string, (request: never, ...extra: Extra) => Promise<unknown>> = {};
  for (const kind of Object.keys(OPERATIONS)) {
    methods[kind] = (request, ...extra) => run({ kind, request } as Job, ...extra);
  }
  // Each method answers with what its job's operation answers (runJob).
  return methods as SearchOperations<Extra>;
}

/** Runs a job on whatever implements the operations (the core, the session). */
export function runJob(operations: SearchOperations, job: Job): Promise<unknown> {
  const run = operations[job.kind] as (request: Job['request']) => Promise<unknown>;
  return run(job.request);
}

// The build validated the corpus; reading its own output again only needs the shape.
/** Text in other interface languages, by language tag (`types[].labels`, `organizations[].names`). */
const localizedShape = v.optional(v.record(v.string(), v.string()));
const typeShape = v.object({ id: v.string(), label: v.string(), labels: localizedShape });
const organizationShape = v.object({
  id: v.string(),
  name: v.string(),
  names: localizedShape,
  aliases: v.optional(v.array(v.string())),
  url: v.optional(v.string()),
});

export const corpusMetaSchema = v.object({
  name: v.string(),
  /** The archive's name in other interface languages (corpus `names`). */
  names: localizedShape,
  language: v.string(),
  types: v.array(typeShape),
  organizations: v.array(organizationShape),
  /** Languages of the publications, most used first. */
  languages: v.array(v.string()),
  publicationCount: v.number(),
  /** The first and last year of the publications' dates, or null when there are none. */
  years: v.nullable(v.object({ first: v.number(), last: v.number() })),
  /** The top of the term index's directory: per part, its first key and its file. */
  directory: v.array(v.tuple([v.string(), v.string()])),
  /** The file of the typo-tolerance vocabulary's directory. */
  fuzzy: v.string(),
  /** The files of the columns, COLUMNS_CHUNK publications each, in order. */
  columns: v.array(v.string()),
  /** Words in a title, a summary and a body, on average: ranking weighs lengths against them. */
  averageLengths: v.object({ title: v.number(), summary: v.number(), body: v.number() }),
});
export type CorpusMeta = v.InferOutput<typeof corpusMetaSchema>;

const tipExampleSchema = v.object({ typed: v.string(), finds: v.string() });

/**
 * The search tips' examples, from the archive itself (index/archive-tips.ts): what to type, and
 * what it finds. Each is there only if it works on this archive.
 */
export const archiveTipsSchema = v.object({
  /** Another form of a word: "парушаецца" finds "парушалася". */
  form: v.optional(tipExampleSchema),
  /** A name in the other alphabet: "Гулак" finds "Hulak". */
  name: v.optional(tipExampleSchema),
  /** A misspelt name: "Bialatski" finds "Bialiatski". */
  typo: v.optional(tipExampleSchema),
  /** An organization by an alias: "Вясна" finds "Viasna Human Rights Centre". */
  alias: v.optional(tipExampleSchema),
  /** A phrase to quote. */
  phrase: v.optional(v.string()),
  /** A word to leave out. */
  exclude: v.optional(v.string()),
});
export type ArchiveTips = v.InferOutput<typeof archiveTipsSchema>;

export const startSchema = v.object({
  ...corpusMetaSchema.entries,
  /**
   * What this build's data is: a hash of every data file's name but the start data's (each
   * named by its content). A tab whose start data says another release than the server's is
   * running a deploy that has been replaced (docs/decisions/017-growing-archive.md).
   */
  release: v.optional(v.string()),
  tips: v.optional(archiveTipsSchema),
  /** The default view (no query, no filter, newest first), computed by the build. */
  first: searchResponseSchema,
});
export type StartData = v.InferOutput<typeof startSchema>;

/** The id of the element in index.html that carries start.json's content. */
export const START_DATA_ELEMENT_ID = 'start-data';
