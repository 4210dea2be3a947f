import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { validateCorpus, type Corpus, type Problem } from './schema.ts';

export type CorpusFileResult = { ok: true; corpus: Corpus } | { ok: false; problems: Problem[] };

/** Line and column (both from 1) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

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

/** A syntax error of a JSON text, as `readCorpusText` reports it. */
export type SyntaxErrorReport = {
  /** Where the error is: a character offset into the text. */
  offset: number;
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
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  const match = /at position (\d+)/.exec(error.message)?.[1];
  const position = match !== undefined ? Number(match) : undefined;
  const code = first ? printParseErrorCode(first.error) : undefined;
  return {
    // V8's position is exact when it gives one (the control character, not its string).
    offset: position ?? first?.offset ?? text.length,
    reason:
      (code && SYNTAX_ERRORS[code]) ?? error.message.replace(/ in JSON at position \d+.*$/, ''),
    position,
    parserError: first && { offset: first.offset, length: first.length },
  };
}

/** The one problem reported for malformed JSON. */
export function malformedJson(line: number, column: number, reason: string): Problem {
  return { path: `line ${line}, column ${column}`, message: `malformed JSON: ${reason}` };
}

/** Parses and validates the text of a corpus file. */
export function readCorpusText(text: string): CorpusFileResult {
  const json = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const { offset, reason } = describeSyntaxError(json, error);
    const { line, column } = lineAndColumn(json, offset);
    return { ok: false, problems: [malformedJson(line, column, reason)] };
  }
  return validateCorpus(data);
}

/** The report printed when a corpus is rejected: a header line, then one problem a line. */
export function formatProblems(fileName: string, problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [
    `${fileName}: ${count}`,
    ...problems.map((problem) => `  ${problem.path}: ${problem.message}`),
  ].join('\n');
}
