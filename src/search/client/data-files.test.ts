// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseWellFormedJson } from './data-files.ts';

describe('parseWellFormedJson', () => {
  it('reads lone surrogates as U+FFFD, as the UTF-8 pages say them', () => {
    expect(
      parseWellFormedJson('{"title":"a \\ud800 b","list":["\\udc00", "x\\ud83d"],"n":1}'),
    ).toEqual({ title: 'a \uFFFD b', list: ['\uFFFD', 'x\uFFFD'], n: 1 });
  });

  it('keeps whole characters, pairs included', () => {
    const text = 'Вясна 😀 \u00e9';
    expect(parseWellFormedJson(JSON.stringify({ text }))).toEqual({ text });
  });
});
