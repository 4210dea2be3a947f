import * as v from 'valibot';
import { codePointLength, utf8Length } from './utf8.ts';

/**
 * The size limits of the corpus format, named once (docs/corpus-format.md, "Limits", lists them
 * and a test keeps the table and these numbers the same). Each is far above what real archives
 * hold and far below what makes a page, the search index or the build slow: a 1 MB title once
 * froze a publication page for a minute.
 */
export const LIMITS = {
  /** The archive's `name`, and each of its `names`, in characters. */
  archiveName: 200,
  /** `types[].id` and `organizations[].id`, in characters (publication ids: `publicationId`). */
  facetId: 100,
  /** `types[].label` and each of its `labels`, in characters. */
  typeLabel: 100,
  /** `organizations[].name`, each of its `names` and each alias, in characters. */
  organizationName: 300,
  /** `publications[].id`, in characters. */
  publicationId: 200,
  /** `publications[].title` and `attachments[].title`, in characters. */
  title: 1_000,
  /** `publications[].summary`, in characters. */
  summary: 5_000,
  /** Each of `publications[].tags`, in characters. */
  tag: 200,
  /** Each glossary term, in characters. */
  term: 100,
  /** Every URL, in characters. */
  url: 8_192,
  /** Every language tag, in characters. */
  languageTag: 35,
  /** `publications[].body`, in bytes of UTF-8 (4 MiB). */
  bodyBytes: 4 * 1024 * 1024,
  /** Entries of `types`. */
  types: 200,
  /** Entries of `organizations`. */
  organizations: 10_000,
  /** Entries of one organization's `aliases`. */
  aliases: 100,
  /** Languages of one map: `names`, `labels`, `translations`, a glossary concept's `terms`. */
  languages: 200,
  /** Concepts of `glossary`. */
  glossary: 10_000,
  /** Terms of one concept in one language. */
  terms: 50,
  /** Entries of one publication's `tags`. */
  tags: 100,
  /** Entries of one publication's `attachments`. */
  attachments: 100,
  /** Arrays and objects inside one another, the corpus object itself the first. */
  depth: 64,
} as const;

/** A whole number with its thousands separated, as messages show sizes: 4,194,304. */
export function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/*
 * The checks of the limits, for the schema. A value over its limit gets that one problem: the
 * checks after it in a pipe pass it (`withinLimit`), so that a megabyte of text is neither matched
 * against a pattern nor quoted again.
 */

const longerThan = (max: number) => (value: string) =>
  value.length > max && codePointLength(value) > max;

/** Text of at most `max` characters. */
export const atMost = (max: number) =>
  v.check(
    (value: string) => !longerThan(max)(value),
    (issue) =>
      `is ${grouped(codePointLength(issue.input))} characters long (the limit is ${grouped(max)})`,
  );

/** A check of text that has passed `atMost(max)`; longer text passes it (it has its problem). */
export const withinLimit = (max: number, check: (value: string) => boolean) => (value: string) =>
  longerThan(max)(value) || check(value);

/** A list of at most `max` entries. */
export const atMostItems = <T>(max: number) =>
  v.check(
    (items: T[]) => items.length <= max,
    (issue) => `has ${grouped(issue.input.length)} entries (the limit is ${grouped(max)})`,
  );

/** A map from language tags of at most `max` languages. */
export const atMostLanguages = <T>(max: number) =>
  v.check(
    (map: Record<string, T>) => Object.keys(map).length <= max,
    (issue) =>
      `has ${grouped(Object.keys(issue.input).length)} languages (the limit is ${grouped(max)})`,
  );

/** Text of at most `max` bytes in UTF-8 (a character takes at most three per UTF-16 unit). */
export const atMostBytes = (max: number) =>
  v.check(
    (value: string) => value.length <= max / 3 || utf8Length(value) <= max,
    (issue) =>
      `is ${grouped(utf8Length(issue.input))} bytes long in UTF-8 (the limit is ${grouped(max)})`,
  );
