import * as v from 'valibot';
import { parsePartialDate } from './dates.ts';

/**
 * The corpus format, version 1 (docs/corpus-format.md), defined once. The build and the dev
 * server validate every corpus with it before anything else reads the file; the app's types are
 * inferred from it. Unknown fields are allowed everywhere so that newer producers do not break
 * older apps.
 */

const FACET_ID = /^[a-z0-9-]+$/;
const PUBLICATION_ID = /^[a-z0-9][a-z0-9-]*$/;
export const MAX_PUBLICATION_ID_LENGTH = 200;

export function isPublicationId(text: string): boolean {
  return text.length <= MAX_PUBLICATION_ID_LENGTH && PUBLICATION_ID.test(text);
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function isLanguageTag(text: string): boolean {
  try {
    return Intl.getCanonicalLocales(text).length === 1;
  } catch {
    return false;
  }
}

const quoted = (value: unknown) => JSON.stringify(value);

const text = v.string('must be a string');
const nonEmptyText = v.pipe(
  text,
  v.check((value) => value.trim().length > 0, 'must not be empty'),
);
const httpUrl = v.pipe(
  text,
  v.check(isHttpUrl, (issue) => `${quoted(issue.input)} is not an http(s) URL`),
);
const languageTag = v.pipe(
  text,
  v.check(isLanguageTag, (issue) => `${quoted(issue.input)} is not a BCP 47 language tag`),
);
const facetId = v.pipe(
  text,
  v.regex(FACET_ID, (issue) => `${quoted(issue.input)} must match [a-z0-9-]+`),
);
const publicationId = v.pipe(
  text,
  v.check(
    isPublicationId,
    (issue) =>
      `${quoted(issue.input)} must match [a-z0-9][a-z0-9-]* and be at most ${MAX_PUBLICATION_ID_LENGTH} characters`,
  ),
);
const partialDate = v.pipe(
  text,
  v.check(
    (value) => parsePartialDate(value) !== null,
    (issue) => `${quoted(issue.input)} is not a calendar date (YYYY-MM-DD, YYYY-MM or YYYY)`,
  ),
);
const array = <T extends v.GenericSchema>(item: T) => v.array(item, 'must be an array');
const object = <T extends v.ObjectEntries>(entries: T) =>
  v.looseObject(entries, 'must be an object');

/**
 * Text in other interface languages (`types[].labels`, `organizations[].names`): a language tag
 * to non-empty text, e.g. `{ "be": "Заява", "ru": "Заявление" }`.
 */
const localizedText = v.record(
  languageTag,
  nonEmptyText,
  'must be an object from language tags to text',
);

const typeSchema = object({ id: facetId, label: nonEmptyText, labels: v.optional(localizedText) });

const organizationSchema = object({
  id: facetId,
  name: nonEmptyText,
  names: v.optional(localizedText),
  aliases: v.optional(array(nonEmptyText)),
  url: v.optional(httpUrl),
});

const attachmentSchema = object({ title: nonEmptyText, url: httpUrl });

type IdSet = {
  has(id: string): boolean;
  readonly size: number;
  [Symbol.iterator](): Iterator<string>;
};

/** What the publication rules need to know about the rest of the corpus. */
type References = { typeIds: IdSet; organizationIds: IdSet; publicationIds: IdSet };

function listOf(ids: IdSet): string {
  const shown = [...ids].slice(0, 8).join(', ');
  return ids.size > 8 ? `${shown}, …` : shown || 'none declared';
}

/**
 * The fields of a publication that refer to the rest of the corpus. `publicationSchema` is built
 * from them, and a streamed corpus checks them again once the whole file has been read.
 */
function referenceEntries(refs: References) {
  return {
    type: v.pipe(
      text,
      v.check(
        (value) => refs.typeIds.has(value),
        (issue) =>
          `${quoted(issue.input)} is not one of the declared types (${listOf(refs.typeIds)})`,
      ),
    ),
    organizations: v.pipe(
      array(
        v.pipe(
          text,
          v.check(
            (value) => refs.organizationIds.has(value),
            (issue) =>
              `${quoted(issue.input)} is not one of the declared organizations (${listOf(refs.organizationIds)})`,
          ),
        ),
      ),
      v.check(
        (ids) => new Set(ids).size === ids.length,
        (issue) => `lists an organization more than once: ${quoted(issue.input)}`,
      ),
    ),
    translations: v.optional(
      v.pipe(
        v.custom<Record<string, unknown>>(
          (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
          'must be an object mapping language tags to publication ids',
        ),
        v.record(
          languageTag,
          v.pipe(
            text,
            v.check(
              (value) => refs.publicationIds.has(value),
              (issue) => `${quoted(issue.input)} is not the id of a publication in this corpus`,
            ),
          ),
        ),
      ),
    ),
  };
}

/** The fields of `referenceEntries`, by name. */
const REFERENCE_FIELDS = ['type', 'organizations', 'translations'] as const;

export function publicationSchema(refs: References) {
  const references = referenceEntries(refs);
  return object({
    id: publicationId,
    title: nonEmptyText,
    type: references.type,
    organizations: references.organizations,
    date: partialDate,
    language: v.optional(languageTag),
    summary: v.optional(text),
    body: v.optional(text),
    url: v.optional(httpUrl),
    tags: v.optional(array(text)),
    attachments: v.optional(array(attachmentSchema)),
    translations: references.translations,
  });
}

/**
 * A concept of the archive's subject in several languages (`glossary[]`): a language tag to the
 * terms that name it there, e.g. `{ "terms": { "be": ["палітвязень"], "ru": ["политзаключённый"] } }`.
 * Search reads it, beside the glossary the app ships, to find publications in one language for a
 * query in another; a term may be several words.
 */
const glossaryEntrySchema = object({
  terms: v.pipe(
    v.record(
      languageTag,
      v.pipe(
        array(nonEmptyText),
        v.check((terms) => terms.length > 0, 'must list at least one term'),
      ),
      'must be an object from language tags to lists of terms',
    ),
    v.check(
      (terms) => Object.keys(terms).length >= 2,
      'must name the concept in at least two languages',
    ),
  ),
});

/** The top-level fields but `publications`. */
const headerEntries = {
  version: v.literal(1, (issue) => `must be 1 (got ${quoted(issue.input)})`),
  name: nonEmptyText,
  /** The archive's name in other interface languages, as `organizations[].names`. */
  names: v.optional(localizedText),
  language: v.optional(languageTag),
  types: array(typeSchema),
  organizations: array(organizationSchema),
  glossary: v.optional(array(glossaryEntrySchema)),
};

/** The schema of a whole corpus, `headerEntries` and the array of publications. */
type CorpusSchema = ReturnType<
  typeof object<
    typeof headerEntries & {
      publications: ReturnType<typeof array<ReturnType<typeof publicationSchema>>>;
    }
  >
>;

/**
 * The top level with `publications` checked only for being an array: its items are checked one at a
 * time (`CorpusValidator.publication`).
 */
const headerSchema = object({ ...headerEntries, publications: array(v.unknown()) });

const anyId: IdSet = { has: () => true, size: 0, [Symbol.iterator]: () => [][Symbol.iterator]() };

/** For files the build made from a corpus that passed `validateCorpus`: the shape, no cross-checks. */
export const ANY_REFERENCES: References = {
  typeIds: anyId,
  organizationIds: anyId,
  publicationIds: anyId,
};

export type Corpus = v.InferOutput<CorpusSchema>;
export type Publication = Corpus['publications'][number];
export type PublicationType = Corpus['types'][number];
export type Organization = Corpus['organizations'][number];

export type Problem = { path: string; message: string };

export type ValidationResult = { ok: true; corpus: Corpus } | { ok: false; problems: Problem[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `id` strings of a raw array, with their indexes, read defensively from unvalidated input. */
function idsOf(list: unknown): { id: string; index: number }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index) =>
    isRecord(item) && typeof item.id === 'string' ? [{ id: item.id, index }] : [],
  );
}

function duplicateProblem(key: string, index: number, id: string, first: number): Problem {
  return {
    path: `${key}[${index}].id`,
    message: `${quoted(id)} is used again (first at ${key}[${first}])`,
  };
}

function duplicateProblems(list: unknown, key: string): Problem[] {
  const firstAt = new Map<string, number>();
  const problems: Problem[] = [];
  for (const { id, index } of idsOf(list)) {
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, index);
    else problems.push(duplicateProblem(key, index, id, first));
  }
  return problems;
}

/** The path of an issue, below `prefix` (a path too, e.g. `publications[3]`). */
function formatPath(issue: v.BaseIssue<unknown>, prefix = ''): string {
  let path = prefix;
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      path += path ? `.${key}` : key;
    else path += `[${quoted(key)}]`;
  }
  return path || '(root)';
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const lastKey = issue.path?.at(-1);
  const isMissingKey =
    issue.input === undefined &&
    lastKey?.type === 'object' &&
    lastKey.value === undefined &&
    issue.kind === 'schema';
  return isMissingKey ? 'is required' : issue.message;
}

function toProblem(issue: v.BaseIssue<unknown>, prefix = ''): Problem {
  return { path: formatPath(issue, prefix), message: describeIssue(issue) };
}

/** The order fields are written in, so problems read top to bottom like the file. */
const TOP_LEVEL_ORDER = [
  'version',
  'name',
  'names',
  'language',
  'types',
  'organizations',
  'glossary',
  'publications',
];
const ITEM_ORDER = [
  'id',
  'name',
  'names',
  'label',
  'labels',
  'title',
  'type',
  'organizations',
  'aliases',
  'terms',
  'date',
  'language',
  'summary',
  'body',
  'url',
  'tags',
  'attachments',
  'translations',
];

/** Splits a path like `publications[12].date` into parts that sort in document order. */
function pathSortKey(path: string): (string | number)[] {
  return path
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function fieldRank(key: string, depth: number): number {
  const order = depth === 0 ? TOP_LEVEL_ORDER : ITEM_ORDER;
  const rank = order.indexOf(key);
  return rank < 0 ? order.length : rank;
}

function comparePaths(a: string, b: string): number {
  const left = pathSortKey(a);
  const right = pathSortKey(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'string' && typeof y === 'string') return fieldRank(x, i) - fieldRank(y, i);
    return 0;
  }
  return left.length - right.length;
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => comparePaths(a.problem.path, b.problem.path) || a.order - b.order)
    .map((entry) => entry.problem);
}

/** Checks the shape of one publication, without looking at the rest of the corpus. */
const publicationShape = publicationSchema(ANY_REFERENCES);

/** Stands for a field that a publication does not have. */
const ABSENT = Symbol('absent');

/** Stands for a `publications` array whose items are given one at a time. */
const STREAMED = Symbol('streamed');

type PublicationProblem = { index: number; field: string | undefined; problem: Problem };

function fieldOf(input: Record<string, unknown> | undefined, key: string): unknown {
  return input !== undefined && key in input ? input[key] : ABSENT;
}

function isReferenceField(field: string | undefined): boolean {
  return REFERENCE_FIELDS.some((name) => name === field);
}

/**
 * Validates a corpus given piece by piece, so that a corpus too big to hold can be read as a
 * stream: the top-level members (`member`) in any order, and the items of `publications` one at a
 * time (`beginPublications`, then `publication` for each). Each publication's shape is checked when
 * it is given; only what the cross-checks need is kept (ids, types, organizations, translations),
 * and `finish` adds the cross-reference problems. The problems, their paths, messages and order are
 * those of `validateCorpus`, which is this validator fed a parsed corpus.
 */
export class CorpusValidator {
  readonly #members = new Map<string, unknown>();
  #count = 0;
  #problems: PublicationProblem[] = [];
  #firstIndexOfId = new Map<string, number>();
  #duplicates: Problem[] = [];
  // The `type`, `organizations` and `translations` of every publication by index (as validated if
  // it is valid, else as given), or ABSENT.
  #types: unknown[] = [];
  #organizations: unknown[] = [];
  #translations: unknown[] = [];

  /** A top-level member; a later one of the same name replaces it, as in JSON.parse. */
  member(key: string, value: unknown): void {
    if (key === 'publications') this.#resetPublications();
    this.#members.set(key, value);
  }

  /** `publications` is an array: its items follow, each given to `publication`. */
  beginPublications(): void {
    this.#resetPublications();
    this.#members.set('publications', STREAMED);
  }

  /**
   * Checks the next item of `publications` and returns it as validated (unknown fields kept), or
   * undefined when its shape is wrong.
   */
  publication(input: unknown): Publication | undefined {
    const index = this.#count++;
    const record = isRecord(input) ? input : undefined;
    if (record && typeof record.id === 'string') {
      const first = this.#firstIndexOfId.get(record.id);
      if (first === undefined) this.#firstIndexOfId.set(record.id, index);
      else this.#duplicates.push(duplicateProblem('publications', index, record.id, first));
    }
    const result = v.safeParse(publicationShape, input, { abortEarly: false });
    // The output when there is one: its arrays are the ones the caller keeps, not copies.
    const fields = result.success ? result.output : record;
    this.#types.push(fieldOf(fields, 'type'));
    this.#organizations.push(fieldOf(fields, 'organizations'));
    this.#translations.push(fieldOf(fields, 'translations'));
    if (result.success) return result.output;
    const prefix = `publications[${index}]`;
    for (const issue of result.issues) {
      const field = issue.path?.[0]?.key;
      this.#problems.push({
        index,
        field: typeof field === 'string' ? field : undefined,
        problem: toProblem(issue, prefix),
      });
    }
    return undefined;
  }

  /** Whether a problem has been found already (more may come from `finish`). */
  get hasProblems(): boolean {
    return this.#problems.length > 0 || this.#duplicates.length > 0;
  }

  /**
   * Checks the top level and the references between the parts, and returns the corpus with
   * `publications` (what the caller kept of each item) or every problem, sorted as in the file.
   */
  finish(publications: Publication[]): ValidationResult {
    const header: Record<string, unknown> = {};
    for (const [key, value] of this.#members) {
      // Defined, not assigned: a member named "__proto__" is an own property, as from JSON.parse.
      Object.defineProperty(header, key, {
        value: value === STREAMED ? [] : value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    const result = v.safeParse(headerSchema, header, { abortEarly: false });
    const problems = (result.issues ?? []).map((issue) => toProblem(issue));
    const refs: References = {
      typeIds: new Set(idsOf(header.types).map((entry) => entry.id)),
      organizationIds: new Set(idsOf(header.organizations).map((entry) => entry.id)),
      publicationIds: new Set(this.#firstIndexOfId.keys()),
    };
    const rechecked = this.#checkReferences(refs);
    for (const { index, field, problem } of this.#problems) {
      // A rechecked publication's reference fields have all their problems in `rechecked`.
      if (!(rechecked.has(index) && isReferenceField(field))) problems.push(problem);
    }
    for (const list of rechecked.values()) for (const problem of list) problems.push(problem);
    // One at a time: a spread of a huge list would overflow the stack.
    const duplicates = [
      duplicateProblems(header.types, 'types'),
      duplicateProblems(header.organizations, 'organizations'),
      this.#duplicates,
    ];
    for (const list of duplicates) for (const problem of list) problems.push(problem);
    if (problems.length > 0 || !result.success)
      return { ok: false, problems: sortProblems(problems) };
    return { ok: true, corpus: { ...result.output, publications } };
  }

  /**
   * The problems of the reference fields of each publication that refers to something missing, as
   * `publicationSchema(refs)` reports them (shape problems of those fields included, in its order).
   */
  #checkReferences(refs: References): Map<number, Problem[]> {
    const rechecked = new Map<number, Problem[]>();
    const schema = object(referenceEntries(refs));
    const isMissing = (ids: IdSet) => (value: unknown) =>
      typeof value === 'string' && !ids.has(value);
    const missingType = isMissing(refs.typeIds);
    const missingOrganization = isMissing(refs.organizationIds);
    const missingPublication = isMissing(refs.publicationIds);
    for (let index = 0; index < this.#count; index++) {
      const type = this.#types[index];
      const organizations = this.#organizations[index];
      const translations = this.#translations[index];
      const refersToMissing =
        missingType(type) ||
        (Array.isArray(organizations) && organizations.some(missingOrganization)) ||
        (isRecord(translations) && Object.values(translations).some(missingPublication));
      if (!refersToMissing) continue;
      const input: Record<string, unknown> = {};
      if (type !== ABSENT) input.type = type;
      if (organizations !== ABSENT) input.organizations = organizations;
      if (translations !== ABSENT) input.translations = translations;
      const result = v.safeParse(schema, input, { abortEarly: false });
      const prefix = `publications[${index}]`;
      rechecked.set(
        index,
        (result.issues ?? []).map((issue) => toProblem(issue, prefix)),
      );
    }
    return rechecked;
  }

  #resetPublications(): void {
    this.#count = 0;
    this.#problems = [];
    this.#firstIndexOfId = new Map();
    this.#duplicates = [];
    this.#types = [];
    this.#organizations = [];
    this.#translations = [];
  }
}

/** Validates a parsed corpus and returns every problem, each with its JSON path. */
export function validateCorpus(input: unknown): ValidationResult {
  if (!isRecord(input)) {
    return { ok: false, problems: [{ path: '(root)', message: 'must be a JSON object' }] };
  }
  const validator = new CorpusValidator();
  const publications: Publication[] = [];
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (key === 'publications' && Array.isArray(value)) {
      validator.beginPublications();
      for (const item of value as unknown[]) {
        const publication = validator.publication(item);
        if (publication) publications.push(publication);
      }
    } else {
      validator.member(key, value);
    }
  }
  return validator.finish(publications);
}
