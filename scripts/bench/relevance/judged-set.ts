import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as v from 'valibot';
import { readCorpusText } from '../../../src/corpus/corpus-file.ts';
import type { Corpus } from '../../../src/corpus/schema.ts';

/**
 * The judged set of docs/benchmarking.md ("Judged relevance"), kept in bench/relevance/: the
 * corpus (gzipped, made by make-corpus.ts), the queries with their needs, and the judgments.
 * Paths are taken from the working directory (the project's root): `npm run bench` runs its
 * scripts from a copy of src/ and scripts/ that does not hold bench/.
 */

export const SET_DIR = path.resolve('bench', 'relevance');
export const CORPUS_FILE = path.join(SET_DIR, 'corpus.json.gz');
export const QUERIES_FILE = path.join(SET_DIR, 'queries.json');
export const JUDGMENTS_FILE = path.join(SET_DIR, 'judgments.tsv');

export const KINDS = [
  'word',
  'multiword',
  'name',
  'typo',
  'phrase',
  'partial',
  'cross-language',
  'mixed-script',
  'classical-spelling',
] as const;
export type Kind = (typeof KINDS)[number];

const querySchema = v.object({
  id: v.string(),
  language: v.picklist(['be', 'ru', 'en']),
  kind: v.picklist(KINDS),
  query: v.string(),
  need: v.string(),
});
export type JudgedQuery = v.InferOutput<typeof querySchema>;

export function readQueries(file = QUERIES_FILE): JudgedQuery[] {
  return v.parse(v.array(querySchema), JSON.parse(readFileSync(file, 'utf8')));
}

export function readCorpus(file = CORPUS_FILE): Corpus {
  const result = readCorpusText(gunzipSync(readFileSync(file)).toString('utf8'));
  if (!result.ok) throw new Error(`${file} is not a valid corpus: ${result.problems[0]?.message}`);
  return result.corpus;
}

export type Judgment = { query: string; document: string; grade: number; reason: string };

/**
 * judgments.tsv: one judgment a line, `query id <TAB> publication id <TAB> grade <TAB> reason`;
 * `#` starts a comment. A later line for the same query and publication replaces an earlier one,
 * so a judgment is changed by appending.
 */
export function parseJudgments(text: string): Judgment[] {
  const byKey = new Map<string, Judgment>();
  text.split('\n').forEach((line, index) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [query, document, grade, ...reason] = line.split('\t');
    const value = Number(grade);
    if (!query || !document || !(value === 0 || value === 1 || value === 2))
      throw new Error(
        `judgments, line ${index + 1}: expected "query<TAB>document<TAB>0|1|2<TAB>reason"`,
      );
    byKey.set(`${query}\t${document}`, {
      query,
      document,
      grade: value,
      reason: reason.join('\t'),
    });
  });
  return [...byKey.values()];
}

export function readJudgments(file = JUDGMENTS_FILE): Judgment[] {
  return existsSync(file) ? parseJudgments(readFileSync(file, 'utf8')) : [];
}

/** Grades by query id, then publication id. */
export function gradesByQuery(judgments: readonly Judgment[]): Map<string, Map<string, number>> {
  const grades = new Map<string, Map<string, number>>();
  for (const j of judgments) {
    const list = grades.get(j.query) ?? new Map<string, number>();
    list.set(j.document, j.grade);
    grades.set(j.query, list);
  }
  return grades;
}
