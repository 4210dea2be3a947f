// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems, readCorpusText } from './corpus-file.ts';

const minimal = {
  version: 1,
  name: 'x',
  types: [{ id: 't', label: 'T' }],
  organizations: [],
  publications: [{ id: 'p', title: 'P', type: 't', organizations: [], date: '2020' }],
};

function problemsOf(text: string) {
  const result = readCorpusText(text);
  return result.ok ? [] : result.problems;
}

describe('readCorpusText', () => {
  it('accepts the bundled corpus', () => {
    const text = readFileSync(new URL('../../data/corpus.json', import.meta.url), 'utf8');
    const result = readCorpusText(text);
    const report = result.ok ? '' : formatProblems('data/corpus.json', result.problems);
    expect(report).toBe('');
    expect(result.ok && result.corpus.publications.length).toBeGreaterThan(0);
  });

  it('returns the parsed corpus', () => {
    const result = readCorpusText(JSON.stringify(minimal, null, 2));
    expect(result).toEqual({ ok: true, corpus: minimal });
  });

  it('tolerates a UTF-8 byte order mark', () => {
    expect(readCorpusText(`\uFEFF${JSON.stringify(minimal)}`)).toEqual({
      ok: true,
      corpus: minimal,
    });
  });

  it('passes schema problems through with their paths', () => {
    const broken = { ...minimal, version: 2 };
    expect(problemsOf(JSON.stringify(broken))).toEqual([
      { path: 'version', message: 'must be 1 (got 2)' },
    ]);
  });

  it('rejects JSON that is not an object', () => {
    expect(problemsOf('[]')).toEqual([{ path: '(root)', message: 'must be a JSON object' }]);
  });

  it('reports the line and column of a missing comma', () => {
    const text = ['{', '  "version": 1', '  "name": "x"', '}'].join('\n');
    expect(problemsOf(text)).toEqual([
      { path: 'line 3, column 3', message: expect.stringMatching(/^malformed JSON: ./) },
    ]);
  });

  it('reports the line and column of a trailing comma in an object', () => {
    const text = ['{', '  "version": 1,', '  "name": "x",', '}'].join('\n');
    expect(problemsOf(text)).toEqual([
      { path: 'line 4, column 1', message: expect.stringMatching(/^malformed JSON: ./) },
    ]);
  });

  it('reports the line and column of a control character in a string', () => {
    const text = ['{', '  "version": 1,', '  "name": "a\tb"', '}'].join('\n');
    expect(problemsOf(text)).toEqual([
      { path: 'line 3, column 13', message: expect.stringMatching(/^malformed JSON: ./) },
    ]);
  });

  it('reports a truncated file at its end', () => {
    const text = ['{', '  "version": 1,', '  "name": "x"'].join('\n');
    expect(problemsOf(text)).toEqual([
      { path: 'line 3, column 14', message: expect.stringMatching(/^malformed JSON: ./) },
    ]);
  });

  it('reports an empty file as malformed JSON', () => {
    expect(problemsOf('')).toEqual([
      { path: 'line 1, column 1', message: expect.stringMatching(/^malformed JSON: ./) },
    ]);
  });

  it('reports the position of an unexpected token, such as a trailing comma in an array', () => {
    expect(problemsOf('{\n  "types": [\n    1,\n  ]\n}')).toEqual([
      { path: 'line 4, column 3', message: 'malformed JSON: expected a value' },
    ]);
    expect(problemsOf('{\n  "name": \'x\'\n}')).toEqual([
      { path: 'line 2, column 11', message: 'malformed JSON: unexpected character' },
    ]);
  });

  it('counts columns after a byte order mark in the text without it', () => {
    expect(problemsOf('\uFEFF{\n  "version": 1\n  "name": "x"\n}')).toEqual([
      { path: 'line 3, column 3', message: "malformed JSON: expected ',' between values" },
    ]);
  });
});

describe('formatProblems', () => {
  it('prints a header with the count, then one problem a line', () => {
    const report = formatProblems('data/corpus.json', [
      { path: 'publications[12].date', message: '"2023-02-30" is not a calendar date' },
      { path: 'publications[40].type', message: '"statment" is not one of the declared types' },
      { path: 'publications[41].id', message: '"x-1" is used again (first at publications[7])' },
    ]);
    expect(report.split('\n')).toEqual([
      'data/corpus.json: 3 problems',
      '  publications[12].date: "2023-02-30" is not a calendar date',
      '  publications[40].type: "statment" is not one of the declared types',
      '  publications[41].id: "x-1" is used again (first at publications[7])',
    ]);
  });

  it('says "1 problem" for one', () => {
    expect(formatProblems('corpus.json', [{ path: 'name', message: 'is required' }])).toBe(
      'corpus.json: 1 problem\n  name: is required',
    );
  });

  it('prints every problem of a real invalid file', () => {
    const text = JSON.stringify({
      ...minimal,
      publications: [
        { id: 'a', title: 'A', type: 'x', organizations: [], date: '2023-02-30' },
        { id: 'b', title: '', type: 't', organizations: [], date: '2023' },
      ],
    });
    const result = readCorpusText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = formatProblems('bad.json', result.problems).split('\n');
    expect(lines[0]).toBe('bad.json: 3 problems');
    expect(lines.slice(1).map((line) => line.split(':')[0])).toEqual([
      '  publications[0].type',
      '  publications[0].date',
      '  publications[1].title',
    ]);
  });
});
