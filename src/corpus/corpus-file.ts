import { validateCorpus, type Corpus, type Problem } from './schema.ts';

export type CorpusFileResult = { ok: true; corpus: Corpus } | { ok: false; problems: Problem[] };

/** Line and column (both from 1) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/** V8 names the offending offset in most JSON errors ("… in JSON at position 12"). */
function errorOffset(error: SyntaxError, text: string): number {
  const position = /at position (\d+)/.exec(error.message);
  if (position?.[1] !== undefined) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(error.message);
  if (lineColumn?.[1] !== undefined && lineColumn[2] !== undefined) {
    const lines = text.split('\n').slice(0, Number(lineColumn[1]) - 1);
    return lines.join('\n').length + (lines.length > 0 ? 1 : 0) + Number(lineColumn[2]) - 1;
  }
  return text.length;
}

function describeSyntaxError(error: SyntaxError): string {
  // Keep V8's description of what was wrong, without its position (we give line and column).
  return error.message
    .replace(/,? ?"(?:[^"\\]|\\.)*" is not valid JSON$/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
}

/** Parses and validates the text of a corpus file. */
export function readCorpusText(text: string): CorpusFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const { line, column } = lineAndColumn(text, errorOffset(error, text));
    return {
      ok: false,
      problems: [
        {
          path: `line ${line}, column ${column}`,
          message: `malformed JSON: ${describeSyntaxError(error)}`,
        },
      ],
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
