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

const typeSchema = object({ id: facetId, label: nonEmptyText });

const organizationSchema = object({
  id: facetId,
  name: nonEmptyText,
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

export function publicationSchema(refs: References) {
  return object({
    id: publicationId,
    title: nonEmptyText,
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
    date: partialDate,
    language: v.optional(languageTag),
    summary: v.optional(text),
    body: v.optional(text),
    url: v.optional(httpUrl),
    tags: v.optional(array(text)),
    attachments: v.optional(array(attachmentSchema)),
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
  });
}

function corpusSchema(refs: References) {
  return object({
    version: v.literal(1, (issue) => `must be 1 (got ${quoted(issue.input)})`),
    name: nonEmptyText,
    language: v.optional(languageTag),
    types: array(typeSchema),
    organizations: array(organizationSchema),
    publications: array(publicationSchema(refs)),
  });
}

const anyId: IdSet = { has: () => true, size: 0, [Symbol.iterator]: () => [][Symbol.iterator]() };

/** For files the build made from a corpus that passed `validateCorpus`: the shape, no cross-checks. */
export const ANY_REFERENCES: References = {
  typeIds: anyId,
  organizationIds: anyId,
  publicationIds: anyId,
};

export type Corpus = v.InferOutput<ReturnType<typeof corpusSchema>>;
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

function duplicateProblems(list: unknown, key: string): Problem[] {
  const firstAt = new Map<string, number>();
  const problems: Problem[] = [];
  for (const { id, index } of idsOf(list)) {
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, index);
    else
      problems.push({
        path: `${key}[${index}].id`,
        message: `${quoted(id)} is used again (first at ${key}[${first}])`,
      });
  }
  return problems;
}

function formatPath(issue: v.BaseIssue<unknown>): string {
  let path = '';
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

/** The order fields are written in, so problems read top to bottom like the file. */
const TOP_LEVEL_ORDER = ['version', 'name', 'language', 'types', 'organizations', 'publications'];
const ITEM_ORDER = [
  'id',
  'name',
  'label',
  'title',
  'type',
  'organizations',
  'aliases',
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

/** Validates a parsed corpus and returns every problem, each with its JSON path. */
export function validateCorpus(input: unknown): ValidationResult {
  if (!isRecord(input)) {
    return { ok: false, problems: [{ path: '(root)', message: 'must be a JSON object' }] };
  }
  const raw = input;
  const refs: References = {
    typeIds: new Set(idsOf(raw.types).map((entry) => entry.id)),
    organizationIds: new Set(idsOf(raw.organizations).map((entry) => entry.id)),
    publicationIds: new Set(idsOf(raw.publications).map((entry) => entry.id)),
  };
  const result = v.safeParse(corpusSchema(refs), input, { abortEarly: false });
  const problems: Problem[] = (result.issues ?? []).map((issue) => ({
    path: formatPath(issue),
    message: describeIssue(issue),
  }));
  problems.push(
    ...duplicateProblems(raw.types, 'types'),
    ...duplicateProblems(raw.organizations, 'organizations'),
    ...duplicateProblems(raw.publications, 'publications'),
  );
  if (problems.length > 0 || !result.success) {
    const sorted = problems
      .map((problem, order) => ({ problem, order }))
      .sort((a, b) => comparePaths(a.problem.path, b.problem.path) || a.order - b.order)
      .map((entry) => entry.problem);
    return { ok: false, problems: sorted };
  }
  return { ok: true, corpus: result.output };
}
