/**
 * The judged figures of docs/benchmarking.md ("Judged relevance"), as TREC and BEIR compute them:
 * graded judgments 0/1/2 (linear gains), a document not judged counts as 0.
 */

/** Grades of one query's judged documents, by document id. */
export type Grades = ReadonlyMap<string, number>;

/** How many results the figures look at. */
export const CUTOFF = 10;

const gainAt = (grades: Grades, id: string) => grades.get(id) ?? 0;
const discount = (rank: number) => 1 / Math.log2(rank + 2);

/** DCG of a ranking's first `k` results (rank 0 is the first). */
export function dcg(gains: readonly number[], k = CUTOFF): number {
  return gains.slice(0, k).reduce((sum, gain, rank) => sum + gain * discount(rank), 0);
}

/**
 * nDCG@k: the ranking's DCG over the DCG of the ideal order of every judged document of the
 * query. Null when the query has no relevant document judged (nothing to find: left out of means).
 */
export function ndcg(ranking: readonly string[], grades: Grades, k = CUTOFF): number | null {
  const ideal = dcg(
    [...grades.values()].filter((g) => g > 0).sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return null;
  return (
    dcg(
      ranking.map((id) => gainAt(grades, id)),
      k,
    ) / ideal
  );
}

/** P@k: the share of the first k places holding a relevant document (grade 1 or 2). */
export function precision(ranking: readonly string[], grades: Grades, k = 5): number {
  return ranking.slice(0, k).filter((id) => gainAt(grades, id) > 0).length / k;
}

/** Recall@k against every document judged relevant for the query; null when there is none. */
export function recall(ranking: readonly string[], grades: Grades, k = CUTOFF): number | null {
  const relevant = [...grades.values()].filter((g) => g > 0).length;
  if (relevant === 0) return null;
  return ranking.slice(0, k).filter((id) => gainAt(grades, id) > 0).length / relevant;
}

/** Whether the first k results hold nothing relevant. */
export function nothingRelevant(ranking: readonly string[], grades: Grades, k = CUTOFF): boolean {
  return !ranking.slice(0, k).some((id) => gainAt(grades, id) > 0);
}

/** The first k results that nobody has judged for the query. */
export function unjudged(ranking: readonly string[], grades: Grades, k = CUTOFF): string[] {
  return ranking.slice(0, k).filter((id) => !grades.has(id));
}

export type QueryFigures = {
  ndcg: number | null;
  p5: number;
  recall: number | null;
  nothing: boolean;
};

export function queryFigures(ranking: readonly string[], grades: Grades): QueryFigures {
  return {
    ndcg: ndcg(ranking, grades),
    p5: precision(ranking, grades),
    recall: recall(ranking, grades),
    nothing: nothingRelevant(ranking, grades),
  };
}

export type MeanFigures = {
  /** Queries with at least one relevant judged document (the others are left out). */
  queries: number;
  ndcg: number;
  p5: number;
  recall: number;
  /** Queries with nothing relevant in the top 10. */
  nothing: number;
};

const mean = (values: readonly number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;

/** Means over the queries that have something to find. */
export function meanFigures(list: readonly QueryFigures[]): MeanFigures {
  const counted = list.filter((f) => f.ndcg !== null);
  return {
    queries: counted.length,
    ndcg: mean(counted.map((f) => f.ndcg ?? 0)),
    p5: mean(counted.map((f) => f.p5)),
    recall: mean(counted.map((f) => f.recall ?? 0)),
    nothing: counted.filter((f) => f.nothing).length,
  };
}
