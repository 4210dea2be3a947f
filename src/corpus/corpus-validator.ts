import * as v from 'valibot';
import {
  duplicateIdProblem,
  sortProblems,
  toProblem,
  type Problem,
  type ReadingReport,
} from './problems.ts';
import {
  ANY_REFERENCES,
  REFERENCE_FIELDS,
  headerSchema,
  isRecord,
  publicationSchema,
  referencesSchema,
  type Corpus,
  type IdSet,
  type Publication,
  type References,
} from './schema.ts';

export type ValidationResult = { ok: true; corpus: Corpus } | { ok: false; problems: Problem[] };

const NOTHING_READ: ReadingReport = { problems: [], unreadable: new Set() };

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
    else problems.push(duplicateIdProblem(key, index, id, first));
  }
  return problems;
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

/** Every problem, reading problems first, in document order. */
function report(reading: ReadingReport, problems: Problem[]): Problem[] {
  const all = [...reading.problems];
  for (const problem of problems) {
    if (!reading.unreadable.has(problem.path)) all.push(problem);
  }
  return sortProblems(all);
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
      else this.#duplicates.push(duplicateIdProblem('publications', index, record.id, first));
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
   * `publications` (what the caller kept of each item) or every problem, `reading`'s with the
   * others, sorted as in the file.
   */
  finish(publications: Publication[], reading = NOTHING_READ): ValidationResult {
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
    if (problems.length > 0 || reading.problems.length > 0 || !result.success) {
      return { ok: false, problems: report(reading, problems) };
    }
    return { ok: true, corpus: { ...result.output, publications } };
  }

  /**
   * The problems of the reference fields of each publication that refers to something missing, as
   * `publicationSchema(refs)` reports them (shape problems of those fields included, in its order).
   */
  #checkReferences(refs: References): Map<number, Problem[]> {
    const rechecked = new Map<number, Problem[]>();
    const schema = referencesSchema(refs);
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

/**
 * Validates a parsed corpus and returns every problem, each with its JSON path, `reading`'s
 * (what the reader found in the text) among them.
 */
export function validateCorpus(input: unknown, reading = NOTHING_READ): ValidationResult {
  if (!isRecord(input)) {
    const problems = [{ path: '(root)', message: 'must be a JSON object' }];
    return { ok: false, problems: report(reading, problems) };
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
  return validator.finish(publications, reading);
}
