import { validateCorpus, type ValidationResult } from './corpus-validator.ts';
import { textPositions } from './positions.ts';
import { invalidUtf8, nestedTooDeep, readingReport, type Problem } from './problems.ts';
import { syntaxProblem } from './syntax-errors.ts';
import { textFindings, tooDeepAt } from './text-checks.ts';
import { firstInvalidUtf8 } from './utf8.ts';

/**
 * Reads a corpus held whole in memory: its bytes (`readCorpusBytes`) or its text
 * (`readCorpusText`). The build reads files as a stream (corpus-reader.ts), which gives the same
 * result; this reader, simpler and made differently, is what tests hold the stream against.
 */

export type CorpusFileResult = ValidationResult;

const fail = (problem: Problem): CorpusFileResult => ({ ok: false, problems: [problem] });

/**
 * Parses and validates the text of a corpus file. What stops reading is the one problem: a syntax
 * error, then nesting too deep; otherwise every problem, duplicate keys and numbers that overflow
 * among those of the schema.
 */
export function readCorpusText(text: string): CorpusFileResult {
  const json = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return fail(syntaxProblem(json, error));
  }
  const positionOf = textPositions(json);
  const tooDeep = tooDeepAt(json);
  if (tooDeep >= 0) return fail(nestedTooDeep(positionOf(tooDeep)));
  return validateCorpus(data, readingReport(textFindings(json), positionOf));
}

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/** Reads a corpus file's bytes: first of all they must be UTF-8; then as `readCorpusText`. */
export function readCorpusBytes(bytes: Uint8Array): CorpusFileResult {
  const start = BYTE_ORDER_MARK.every((byte, index) => bytes[index] === byte) ? 3 : 0;
  const bad = firstInvalidUtf8(bytes, start);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  if (bad >= 0) {
    const before = decoder.decode(bytes.subarray(start, bad));
    return fail(invalidUtf8(textPositions(before)(before.length), bytes[bad] ?? 0));
  }
  return readCorpusText(decoder.decode(bytes));
}

/** The report printed when a corpus is rejected: a header line, then one problem a line. */
export function formatProblems(fileName: string, problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [
    `${fileName}: ${count}`,
    ...problems.map((problem) => `  ${problem.path}: ${problem.message}`),
  ].join('\n');
}
