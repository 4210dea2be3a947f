import * as v from 'valibot';
import { parsePartialDate } from './dates.ts';
import { quoted } from './problems.ts';

/**
 * The corpus format, version 1 (docs/corpus-format.md), defined once. The build and the dev
 * server validate every corpus with it (corpus-validator.ts) before anything else reads the file;
 * the app's types are inferred from it. Unknown fields are allowed everywhere so that newer
 * producers do not break older apps.
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

/** An object of JSON, not an array (valibot's objects and records take arrays too). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
  v.pipe(
    v.custom<Record<string, unknown>>(isRecord, 'must be an object'),
    v.looseObject(entries, 'must be an object'),
  );

/** A map from language tags (`{ "be": …, "ru": … }`), not an array. */
const languageMap = <T extends v.GenericSchema>(value: T, message: string) =>
  v.pipe(
    v.custom<Record<string, unknown>>(isRecord, message),
    v.record(languageTag, value, message),
  );

/**
 * Text in other interface languages (`names`, `types[].labels`, `organizations[].names`): a
 * language tag to non-empty text, e.g. `{ "be": "Заява", "ru": "Заявление" }`.
 */
const localizedText = languageMap(nonEmptyText, 'must be an object from language tags to text');

const typeSchema = object({ id: facetId, label: nonEmptyText, labels: v.optional(localizedText) });

const organizationSchema = object({
  id: facetId,
  name: nonEmptyText,
  names: v.optional(localizedText),
  aliases: v.optional(array(nonEmptyText)),
  url: v.optional(httpUrl),
});

const attachmentSchema = object({ title: nonEmptyText, url: httpUrl });

export type IdSet = {
  has(id: string): boolean;
  readonly size: number;
  [Symbol.iterator](): Iterator<string>;
};

/** What the publication rules need to know about the rest of the corpus. */
export type References = { typeIds: IdSet; organizationIds: IdSet; publicationIds: IdSet };

function listOf(ids: IdSet): string {
  const shown = [...ids].slice(0, 8).join(', ');
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
    languageMap(
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
