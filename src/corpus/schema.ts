import * as v from 'valibot';
import { parsePartialDate } from './dates.ts';
import {
  LIMITS,
  atMost,
  atMostBytes,
  atMostItems,
  atMostLanguages,
  withinLimit,
} from './limits.ts';
import { quoted } from './problems.ts';

/**
 * The corpus format, version 1 (docs/corpus-format.md), defined once. The build and the dev
 * server validate every corpus with it (corpus-validator.ts) before anything else reads the file;
 * the app's types are inferred from it. Unknown fields are allowed everywhere so that newer
 * producers do not break older apps.
 */

const FACET_ID = /^[a-z0-9-]+$/;
const PUBLICATION_ID = /^[a-z0-9][a-z0-9-]*$/;
export const MAX_PUBLICATION_ID_LENGTH = LIMITS.publicationId;

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

/** An object of JSON, not an array (valibot's objects and records take arrays too). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = v.string('must be a string');
const limitedText = (max: number) => v.pipe(text, atMost(max));
const nonEmptyText = (max: number) =>
  v.pipe(
    text,
    v.check((value) => value.trim().length > 0, 'must not be empty'),
    atMost(max),
  );
const httpUrl = v.pipe(
  text,
  atMost(LIMITS.url),
  v.check(
    withinLimit(LIMITS.url, isHttpUrl),
    (issue) => `${quoted(issue.input)} is not an http(s) URL`,
  ),
);
const languageTag = v.pipe(
  text,
  atMost(LIMITS.languageTag),
  v.check(
    withinLimit(LIMITS.languageTag, isLanguageTag),
    (issue) => `${quoted(issue.input)} is not a BCP 47 language tag`,
  ),
);
const facetId = v.pipe(
  text,
  atMost(LIMITS.facetId),
  v.check(
    withinLimit(LIMITS.facetId, (value) => FACET_ID.test(value)),
    (issue) => `${quoted(issue.input)} must match [a-z0-9-]+`,
  ),
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
const body = v.pipe(text, atMostBytes(LIMITS.bodyBytes));
const array = <T extends v.GenericSchema>(item: T) => v.array(item, 'must be an array');
const limitedArray = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(array(item), atMostItems<v.InferOutput<T>>(max));
const object = <T extends v.ObjectEntries>(entries: T) =>
  v.pipe(
    v.custom<Record<string, unknown>>(isRecord, 'must be an object'),
    v.looseObject(entries, 'must be an object'),
  );

/** A map from language tags (`{ "be": …, "ru": … }`), not an array, of at most `LIMITS.languages`. */
const languageMap = <T extends v.GenericSchema>(value: T, message: string) =>
  v.pipe(
    v.custom<Record<string, unknown>>(isRecord, message),
    v.record(languageTag, value, message),
    atMostLanguages<v.InferOutput<T>>(LIMITS.languages),
  );

/**
 * Text in other interface languages (`names`, `types[].labels`, `organizations[].names`): a
 * language tag to non-empty text, e.g. `{ "be": "Заява", "ru": "Заявление" }`.
 */
const localizedText = (max: number) =>
  languageMap(nonEmptyText(max), 'must be an object from language tags to text');

const typeSchema = object({
  id: facetId,
  label: nonEmptyText(LIMITS.typeLabel),
  labels: v.optional(localizedText(LIMITS.typeLabel)),
});

const organizationSchema = object({
  id: facetId,
  name: nonEmptyText(LIMITS.organizationName),
  names: v.optional(localizedText(LIMITS.organizationName)),
  aliases: v.optional(limitedArray(nonEmptyText(LIMITS.organizationName), LIMITS.aliases)),
  url: v.optional(httpUrl),
});

const attachmentSchema = object({ title: nonEmptyText(LIMITS.title), url: httpUrl });

export type IdSet = {
  has(id: string): boolean;
  readonly size: number;
  [Symbol.iterator](): Iterator<string>;
};

/** What the publication rules need to know about the rest of the corpus. */
export type References = { typeIds: IdSet; organizationIds: IdSet; publicationIds: IdSet };

function listOf(ids: IdSet): string {
  const shown = [...ids]
    .slice(0, 8)
    .map((id) => (id.length > 40 ? `${id.slice(0, 39)}…` : id))
    .join(', ');
  return ids.size > 8 ? `${shown}, …` : shown || 'none declared';
}

/**
 * The fields of a publication that refer to the rest of the corpus. `publicationSchema` is built
 * from them, and a streamed corpus checks them again once the whole file has been read.
 */
export function referenceEntries(refs: References) {
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
      languageMap(
        v.pipe(
          text,
          v.check(
            (value) => refs.publicationIds.has(value),
            (issue) => `${quoted(issue.input)} is not the id of a publication in this corpus`,
          ),
        ),
        'must be an object mapping language tags to publication ids',
      ),
    ),
  };
}

/** The fields of `referenceEntries`, by name. */
export const REFERENCE_FIELDS = ['type', 'organizations', 'translations'] as const;

/** The schema of `referenceEntries` alone, for the checks made once the whole file is read. */
export const referencesSchema = (refs: References) => object(referenceEntries(refs));

export function publicationSchema(refs: References) {
  const references = referenceEntries(refs);
  return object({
    id: publicationId,
    title: nonEmptyText(LIMITS.title),
    type: references.type,
    organizations: references.organizations,
    date: partialDate,
    language: v.optional(languageTag),
    summary: v.optional(limitedText(LIMITS.summary)),
    body: v.optional(body),
    url: v.optional(httpUrl),
    tags: v.optional(limitedArray(limitedText(LIMITS.tag), LIMITS.tags)),
    attachments: v.optional(limitedArray(attachmentSchema, LIMITS.attachments)),
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
    languageMap(
      v.pipe(
        limitedArray(nonEmptyText(LIMITS.term), LIMITS.terms),
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
  name: nonEmptyText(LIMITS.archiveName),
  /** The archive's name in other interface languages, as `organizations[].names`. */
  names: v.optional(localizedText(LIMITS.archiveName)),
  language: v.optional(languageTag),
  types: limitedArray(typeSchema, LIMITS.types),
  organizations: limitedArray(organizationSchema, LIMITS.organizations),
  glossary: v.optional(limitedArray(glossaryEntrySchema, LIMITS.glossary)),
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
export const headerSchema = object({ ...headerEntries, publications: array(v.unknown()) });

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
