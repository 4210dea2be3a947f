import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { textPositions } from './positions.ts';
import { malformedJson, nestedTooDeep, type Position, type Problem } from './problems.ts';
import { tooDeepAt } from './text-checks.ts';

/**
 * Where a syntax error is and what it is, as the one "line L, column C: malformed JSON: …"
 * problem of a file: of a whole text (`syntaxProblem`), and of a file read as a stream, from a
 * window of it (`locateSyntaxError`) that gives the same answer.
 */

const SYNTAX_ERRORS: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between values",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape sequence',
  InvalidCharacter: 'control character in a string',
};

/** A syntax error of a JSON text, or nesting too deep before it. */
export type SyntaxErrorReport = {
  /** Where the error is: a character offset into the text. */
  offset: number;
  /** Whether it is the first bracket nested too deep, before any syntax error. */
  tooDeep: boolean;
  /** What is wrong, in words (without "malformed JSON: "). */
  reason: string;
  /** The offset V8's message gave, if it gave one. */
  position: number | undefined;
  /** The first error jsonc-parser found, if it found one. */
  parserError: { offset: number; length: number } | undefined;
};

/**
 * Where and what the first syntax error is. V8's messages do not always give a position, so a
 * tolerant parser finds it; V8's own message is the fallback.
 */
export function describeSyntaxError(text: string, error: SyntaxError): SyntaxErrorReport {
  // jsonc-parser recurses: it reads only the text before nesting too deep.
  const deep = tooDeepAt(text);
  const errors: ParseError[] = [];
  const parsed = deep < 0 ? text : text.slice(0, deep);
  parseTree(parsed, errors, { disallowComments: true, allowTrailingComma: false });
  const match = /at position (\d+)/.exec(error.message)?.[1];
  const position = match !== undefined ? Number(match) : undefined;
  // Errors at the end of the text read are where it was cut, not in the file.
  const first = errors.find((found) => deep < 0 || found.offset < deep);
  if (deep >= 0 && !first && !(position !== undefined && position < deep)) {
    return { offset: deep, tooDeep: true, reason: '', position, parserError: undefined };
  }
  const code = first ? printParseErrorCode(first.error) : undefined;
  return {
    tooDeep: false,
    // V8's position is exact when it gives one (the control character, not its string).
    offset: position ?? first?.offset ?? text.length,
    reason:
      (code && SYNTAX_ERRORS[code]) ?? error.message.replace(/ in JSON at position \d+.*$/, ''),
    position,
    parserError: first && { offset: first.offset, length: first.length },
  };
}

/** The problem of a whole JSON text that JSON.parse rejected with `error`. */
export function syntaxProblem(text: string, error: SyntaxError): Problem {
  const { offset, reason, tooDeep } = describeSyntaxError(text, error);
  const position = textPositions(text)(offset);
  return tooDeep ? nestedTooDeep(position) : malformedJson(position, reason);
}

/** A file read as a stream, as the locator needs it. */
export type StreamedFile = {
  /** Its size, where its JSON text starts (after a byte order mark), its read size. */
  readonly size: number;
  readonly start: number;
  readonly chunkSize: number;
  /** The text of bytes `[start, end)`. */
  decode(start: number, end: number): string;
  /** The position of a byte offset. */
  positionOf(offset: number): Position;
  /** The whole JSON text, for files small enough to hold one. */
  wholeText(): string | undefined;
};

/** The most bytes of one value (a publication, a top-level member) that can be decoded at once. */
export const MAX_VALUE_BYTES = 512 * 1024 * 1024 - 64;
/** A syntax error is described from a window of the file this big at first, then doubled. */
const FIRST_WINDOW = 64 * 1024;
/** How far before a window's end an error must be to be the same in the whole file. */
const MARGIN = 64;

/**
 * The problem `syntaxProblem` gives for the whole text of a file whose syntax error lies after
 * byte `unitStart`, where `unitPrefix` is a JSON text that leaves a parser in the state the file
 * leaves it at `unitStart`. Described from a window of the text from `unitStart`, behind the
 * prefix, that grows until the error it shows cannot depend on where the window ends.
 */
export function locateSyntaxError(
  file: StreamedFile,
  unitStart: number,
  unitPrefix: string,
): Problem {
  let window = Math.max(4 * MARGIN, Math.min(file.chunkSize, FIRST_WINDOW));
  for (;;) {
    const end = Math.min(file.size, unitStart + window);
    const whole = end === file.size;
    const verbatim = file.decode(unitStart, end);
    const text = unitPrefix + verbatim;
    let error: SyntaxError | undefined;
    try {
      JSON.parse(text);
    } catch (caught) {
      if (!(caught instanceof SyntaxError)) throw caught;
      error = caught;
    }
    if (error === undefined && whole) {
      throw new Error(
        `the corpus scanner found an error after byte ${unitStart} that JSON.parse does not`,
      );
    }
    if (error !== undefined) {
      const report = describeSyntaxError(text, error);
      if (whole && !report.tooDeep && report.parserError === undefined) {
        // Only V8 saw the error, and its message quotes the text around it: quote the file's.
        const wholeText = file.wholeText();
        const problem = wholeText === undefined ? undefined : wholeTextProblem(wholeText);
        if (problem) return problem;
      }
      const settled =
        report.tooDeep ||
        (report.parserError !== undefined &&
          report.parserError.offset + report.parserError.length + MARGIN <= text.length &&
          (report.position === undefined
            ? !error.message.startsWith('Unexpected end of JSON input')
            : report.position + MARGIN <= text.length));
      if (whole || settled || window >= MAX_VALUE_BYTES) {
        const offset = Math.min(Math.max(report.offset - unitPrefix.length, 0), verbatim.length);
        const position = positionIn(file, unitStart, verbatim, offset);
        return report.tooDeep ? nestedTooDeep(position) : malformedJson(position, report.reason);
      }
    }
    window *= 2;
  }
}

function wholeTextProblem(text: string): Problem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return syntaxProblem(text, error);
  }
}

/** The position of a character `offset` into `verbatim`, the text of the file from `start`. */
function positionIn(file: StreamedFile, start: number, verbatim: string, offset: number): Position {
  const lastLineFeed = offset > 0 ? verbatim.lastIndexOf('\n', offset - 1) : -1;
  const atStart = file.positionOf(start);
  if (lastLineFeed < 0) return { line: atStart.line, column: atStart.column + offset };
  let lineFeeds = 0;
  for (
    let at = verbatim.indexOf('\n');
    at !== -1 && at < offset;
    at = verbatim.indexOf('\n', at + 1)
  ) {
    lineFeeds++;
  }
  return { line: atStart.line + lineFeeds, column: offset - lastLineFeed };
}
