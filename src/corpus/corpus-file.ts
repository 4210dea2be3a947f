import { validateCorpus, type ValidationResult } from './corpus-validator.ts';
import type { Problem } from './problems.ts';
import { syntaxProblem } from './syntax-errors.ts';

export type CorpusFileResult = ValidationResult;

/** Parses and validates the text of a corpus file. */
export function readCorpusText(text: string): CorpusFileResult {
  const json = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { ok: false, problems: [syntaxProblem(json, error)] };
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
