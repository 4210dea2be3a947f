// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { textFindings, tooDeepAt } from './text-checks.ts';
import { checkValue, type ValueFinding } from './value-checks.ts';

/**
 * The stream checks the bytes of each value (value-checks.ts), the whole reader walks the text
 * with a parser (text-checks.ts): on ASCII text, where bytes and characters are one, they must
 * find the same.
 */

function bytesFindings(text: string, depth = 0): ValueFinding[] {
  const findings: ValueFinding[] = [];
  const bytes = Buffer.from(text);
  checkValue(bytes, 0, bytes.length, { keys: [], depth, fileOffset: 0 }, (finding) =>
    findings.push(finding),
  );
  return findings;
}

function expectBoth(text: string, expected: ValueFinding[]) {
  expect(bytesFindings(text)).toEqual(expected);
  expect(textFindings(text)).toEqual(expected);
}

describe('what JSON.parse lets pass', () => {
  it('finds nothing in a value without repeats or huge numbers', () => {
    expectBoth('{"a": [1, 2e10, -0.5, {"a": 1}], "b": {"c": "a", "d": true}, "e": null}', []);
    expectBoth('"x"', []);
    expectBoth('12', []);
  });

  it('finds a key given twice, with both places, by its path', () => {
    const text = '{"p": [{"id": 1}, {"date": "a", "x": [1], "date": "b"}]}';
    expectBoth(text, [
      {
        kind: 'duplicate-key',
        keys: ['p', 1, 'date'],
        first: text.indexOf('"date"'),
        again: text.lastIndexOf('"date"'),
      },
    ]);
  });

  it('compares keys as JSON reads them, escapes decoded', () => {
    const text = '{"date": 1, "d\\u0061te": 2, "dat\\"e": 3}';
    expectBoth(text, [
      { kind: 'duplicate-key', keys: ['date'], first: 1, again: text.indexOf('"d\\u') },
    ]);
  });

  it('finds every repeat, each against the first', () => {
    const text = '{"a": 1, "a": 2, "b": {"a": 0}, "a": 3}';
    const again = [text.indexOf('"a"', 2), text.lastIndexOf('"a"')];
    expectBoth(
      text,
      again.map((offset) => ({ kind: 'duplicate-key', keys: ['a'], first: 1, again: offset })),
    );
  });

  it('finds numbers that overflow, and only those', () => {
    const text = `{"v": 1e400, "w": [-1E+309, 1e308, 1e-400, ${'9'.repeat(400)}, 123456789012345678901]}`;
    expectBoth(text, [
      { kind: 'overflow', keys: ['v'], literal: '1e400' },
      { kind: 'overflow', keys: ['w', 0], literal: '-1E+309' },
      { kind: 'overflow', keys: ['w', 3], literal: '9'.repeat(400) },
    ]);
    expectBoth('1e999', [{ kind: 'overflow', keys: [], literal: '1e999' }]);
  });
});

describe('nesting', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it(`accepts ${LIMITS.depth} levels and finds the first level beyond`, () => {
    expect(tooDeepAt(nested(LIMITS.depth))).toBe(-1);
    expect(bytesFindings(nested(LIMITS.depth))).toEqual([]);
    const text = `{"a": "[[[", "b": ${nested(LIMITS.depth)}}`;
    const at = text.indexOf('[', text.indexOf('"b"')) + LIMITS.depth - 1;
    expect(tooDeepAt(text)).toBe(at);
    expect(bytesFindings(text)).toEqual([{ kind: 'too-deep', at }]);
  });

  it('counts the containers a value is inside', () => {
    expect(bytesFindings(nested(LIMITS.depth - 2), 2)).toEqual([]);
    expect(bytesFindings(nested(LIMITS.depth - 2), 3)).toEqual([
      { kind: 'too-deep', at: LIMITS.depth - 3 },
    ]);
  });

  it('walks a million levels without a stack', () => {
    expect(tooDeepAt(nested(1_000_000))).toBe(LIMITS.depth);
  });
});
