import type * as v from 'valibot';
import { LIMITS, grouped } from './limits.ts';
import type { ValueFinding } from './value-checks.ts';

/**
 * What a corpus report says: every problem with the JSON path a producer would look at
 * (`publications[12].date`), or a line and column for what stops reading altogether. The
 * messages are listed in docs/corpus-format.md ("Errors"); both readers build them here.
 */
export type Problem = { path: string; message: string };

/** A JSON path as keys: object keys and array indexes. */
export type PathKeys = readonly (string | number)[];

/** A line and a column of the file's text, both from 1 (columns count UTF-16 code units). */
export type Position = { line: number; column: number };

/** Values longer than this are shortened where a message quotes them. */
const QUOTED_LENGTH = 200;

/** A value as a message quotes it: JSON, shortened with "…" when long. */
export function quoted(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined || json.length <= QUOTED_LENGTH) return String(json);
  let cut = json.slice(0, QUOTED_LENGTH - 1);
  // Not between the two halves of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return typeof value === 'string' ? `${cut}…"` : `${cut}…`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `publications[3].translations["pt-BR"]`: keys below `prefix` (a path too), or `(root)`. */
export function formatKeys(keys: PathKeys, prefix = ''): string {
  let path = prefix;
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (IDENTIFIER.test(key)) path += path ? `.${key}` : key;
    else path += `[${quoted(key)}]`;
  }
  return path || '(root)';
}

function issueKeys(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).flatMap((item) => {
    const key: unknown = item.key;
    return typeof key === 'number' || typeof key === 'string' ? [key] : [String(key)];
  });
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

/** The problem of a schema issue, its path below `prefix`. */
export function toProblem(issue: v.BaseIssue<unknown>, prefix = ''): Problem {
  return { path: formatKeys(issueKeys(issue), prefix), message: describeIssue(issue) };
}

/** An id that an earlier entry of the same list has. */
export function duplicateIdProblem(
  list: string,
  index: number,
  id: string,
  first: number,
): Problem {
  return {
    path: `${list}[${index}].id`,
    message: `${quoted(id)} is used again (first at ${list}[${first}])`,
  };
}

/** A key that its object has already: JSON.parse would keep the later value without a word. */
export function duplicateKeyProblem(keys: PathKeys, again: Position, first: Position): Problem {
  return {
    path: formatKeys(keys),
    message: `is given again at ${at(again)} (first at ${at(first)})`,
  };
}

/** A number beyond ±1.8e308: JSON.parse reads it as Infinity, and it would be written as null. */
export function overflowProblem(keys: PathKeys, literal: string): Problem {
  const shown =
    literal.length > 24 ? `${literal.slice(0, 20)}… (${literal.length} digits)` : literal;
  return { path: formatKeys(keys), message: `the number ${shown} overflows (beyond ±1.8e308)` };
}

const at = ({ line, column }: Position) => `line ${line}, column ${column}`;

/** The one problem of a file that is not valid JSON. */
export function malformedJson(position: Position, reason: string): Problem {
  return { path: at(position), message: `malformed JSON: ${reason}` };
}

/** The one problem of a file that is not UTF-8: `byte` is the first that breaks it. */
export function invalidUtf8(position: Position, byte: number): Problem {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return {
    path: at(position),
    message: `invalid UTF-8: byte 0x${hex} does not begin a valid character`,
  };
}

/** The one problem of a file nested deeper than any reader should follow. */
export function nestedTooDeep(position: Position): Problem {
  return {
    path: at(position),
    message: `nested too deep: more than ${grouped(LIMITS.depth)} arrays and objects inside one another`,
  };
}

/**
 * What reading the file found beside the values JSON.parse gives: problems with a JSON path
 * (duplicate keys, numbers that overflow), and the paths of the values that could not be read
 * right, whose schema problems would only repeat the reading problem ("must be 1 (got null)").
 */
export type ReadingReport = { problems: Problem[]; unreadable: ReadonlySet<string> };

/** The report of a reader's findings (but nesting, which is a problem of its own). */
export function readingReport(
  findings: readonly ValueFinding[],
  positionOf: (offset: number) => Position,
): ReadingReport {
  const problems: Problem[] = [];
  const unreadable = new Set<string>();
  for (const finding of findings) {
    if (finding.kind === 'duplicate-key') {
      const { keys, again, first } = finding;
      problems.push(duplicateKeyProblem(keys, positionOf(again), positionOf(first)));
    } else if (finding.kind === 'overflow') {
      const problem = overflowProblem(finding.keys, finding.literal);
      problems.push(problem);
      unreadable.add(problem.path);
    }
  }
  return { problems, unreadable };
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

/** Problems in document order; those of one path keep the order they were found in. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => comparePaths(a.problem.path, b.problem.path) || a.order - b.order)
    .map((entry) => entry.problem);
}
