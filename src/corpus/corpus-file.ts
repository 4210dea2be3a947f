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

/**
 * Where and what the first syntax error is. V8's messages do not always give a position, so a
 * tolerant parser finds it; V8's own message is the fallback.
 */
function describeSyntaxError(
  text: string,
  error: SyntaxError,
): { offset: number; message: string } {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  const position = /at position (\d+)/.exec(error.message)?.[1];
  const code = first ? printParseErrorCode(first.error) : undefined;
  return {
    // V8's position is exact when it gives one (the control character, not its string).
    offset: position !== undefined ? Number(position) : (first?.offset ?? text.length),
    message:
      (code && SYNTAX_ERRORS[code]) ?? error.message.replace(/ in JSON at position \d+.*$/, ''),
  };
}

/** Parses and validates the text of a corpus file. */
export function readCorpusText(text: string): CorpusFileResult {
  const json = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const { offset, message } = describeSyntaxError(json, error);
    const { line, column } = lineAndColumn(json, offset);
    return {
      ok: false,
      problems: [{ path: `line ${line}, column ${column}`, message: `malformed JSON: ${message}` }],
    };
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
