import { describe, expect, it } from 'vitest';
import {
  gradesByQuery,
  parseJudgments,
  readCorpus,
  readJudgments,
  readQueries,
} from './judged-set.ts';

describe('judgments.tsv', () => {
  it('reads query, publication, grade and reason; a later line replaces an earlier one', () => {
    const judgments = parseJudgments(
      [
        '# a comment',
        'q1\tdoc-a\t2\tmainly about it',
        'q1\tdoc-b\t0\tunrelated',
        '',
        'q1\tdoc-a\t1\tjudged again: only a part',
      ].join('\n'),
    );
    expect(judgments).toEqual([
      { query: 'q1', document: 'doc-a', grade: 1, reason: 'judged again: only a part' },
      { query: 'q1', document: 'doc-b', grade: 0, reason: 'unrelated' },
    ]);
    expect(gradesByQuery(judgments).get('q1')).toEqual(
      new Map([
        ['doc-a', 1],
        ['doc-b', 0],
      ]),
    );
  });

  it('refuses a line without a grade of 0, 1 or 2', () => {
    expect(() => parseJudgments('q1\tdoc-a\t?\t')).toThrow(/line 1/);
    expect(() => parseJudgments('q1\tdoc-a\t3\ttoo good')).toThrow(/line 1/);
  });
});

describe('the judged set in bench/relevance', () => {
  const corpus = readCorpus();
  const queries = readQueries();

  it('has at least 60 queries, 15 or more in each language, each with a need', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    for (const language of ['be', 'ru', 'en'])
      expect(queries.filter((q) => q.language === language).length).toBeGreaterThanOrEqual(15);
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length);
    for (const query of queries) expect(query.need.length).toBeGreaterThan(20);
  });

  it('judges only queries and publications that exist', () => {
    const queryIds = new Set(queries.map((q) => q.id));
    const publicationIds = new Set(corpus.publications.map((p) => p.id));
    const judgments = readJudgments();
    expect(judgments.length).toBeGreaterThan(0);
    expect(judgments.filter((j) => !queryIds.has(j.query))).toEqual([]);
    expect(judgments.filter((j) => !publicationIds.has(j.document))).toEqual([]);
    expect(judgments.filter((j) => j.reason.trim() === '')).toEqual([]);
  });
});
