// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpusText } from './corpus-file.ts';
import { openCorpus } from './corpus-reader.ts';
import { corpusFiles, readAllWays } from './read-all-ways.ts';
import { random } from '../testing/random.ts';
import { corpus, pretty, publication } from './test-corpus.ts';

/**
 * A syntax error anywhere is one problem, "line L, column C: malformed JSON: …", the same whether
 * the file is read whole or as a stream in chunks of any size (the stream describes it from a
 * window of the file: locateSyntaxError).
 */

const files = corpusFiles('syntax-errors');
afterAll(files.remove);

async function expectSameAsWhole(content: string, chunkSizes = [undefined, 1, 2, 7, 64]) {
  const { result, disagreements } = await readAllWays(files.write(content), chunkSizes);
  expect(disagreements).toEqual([]);
  return result;
}

describe('malformed JSON', () => {
  const valid = pretty(corpus(4));

  /** Puts `insert` at the place of `marker`'s nth occurrence. */
  function breakAt(marker: string, insert: string, occurrence = 0, text = valid): string {
    let at = -1;
    for (let n = 0; n <= occurrence; n++) at = text.indexOf(marker, at + 1);
    if (at < 0) throw new Error(`no ${marker} in the test corpus`);
    return text.slice(0, at) + insert + text.slice(at);
  }

  async function expectOneSyntaxProblem(text: string) {
    const expected = await expectSameAsWhole(text);
    expect(expected.ok).toBe(false);
    if (!expected.ok) {
      expect(expected.problems).toEqual([
        { path: expect.stringMatching(/^line \d+, column \d+$/), message: expect.any(String) },
      ]);
    }
  }

  it.each([
    ['a missing comma in the header', breakAt(',\n  "name"', ' "x": 1')],
    ['a trailing comma in the header', valid.replace(/\]\n\}$/, '],\n}')],
    ['a single-quoted string in the header', breakAt('"Test archive"', "'x', ")],
    ['a broken header member', valid.replace('"version": 1', '"version": [1,')],
    ['a comment before the publications', breakAt('"publications"', '/* c */ ')],
    ['a missing colon', valid.replace('"publications":', '"publications"')],
    ['a missing comma between publications', breakAt('},\n    {\n      "id"', '}{', 1)],
    ['a trailing comma in publications', valid.replace(/\}\n {2}\]/, '},\n  ]')],
    ['a mismatched bracket in a publication', breakAt('"tags": [', '"x": [1}, ', 2)],
    ['an unterminated string in a publication', breakAt('"type"', '"title": "abc, ', 1)],
    ['a control character in a publication', breakAt('"date"', '"x": "a\tb", ', 3)],
    ['a control character in a body', breakAt('<p class', '\u0001', 2)],
    ['a bad escape in a body', breakAt('<p class', '\\x', 1)],
    ['a short unicode escape in a body', breakAt('<p class', '\\u12G4', 3)],
    ['a bare word in a publication', breakAt('"url"', '"x": undefined, ', 2)],
    ['a bad number in a publication', breakAt('"url"', '"x": 01, ', 0)],
    ['a publication that is not a value', breakAt('{\n      "id"', '@', 2)],
    ['text after the publications', valid.replace(/\]\n\}$/, '] x\n}')],
    ['text after the corpus', `${valid}\n{}`],
    ['a second value in a root array', '[1 2]'],
    ['an unclosed root array', '[1, 2'],
    ['an empty file', ''],
    ['only whitespace', ' \n\t '],
    ['a byte order mark and an error', `\uFEFF${breakAt(',\n  "name"', ' 1')}`],
    [
      'an error after a long line of multibyte text',
      JSON.stringify(corpus(5)).replace(/\]\}$/, ']]}'),
    ],
  ])('reports %s as the whole reader does', async (_, text) => {
    await expectOneSyntaxProblem(text);
  });

  it('reports an error far beyond the start of a big publication', async () => {
    const big = corpus(3);
    big.publications[1] = publication(1, { body: 'Ж'.repeat(200000) });
    const text = pretty(big);
    await expectOneSyntaxProblem(breakAt('"url"', '"x": tru, ', 1, text));
    await expectOneSyntaxProblem(breakAt('"url"', '"y": "\u0002", ', 1, text));
  });

  it('reports a file cut anywhere', async () => {
    const text = pretty(corpus(3));
    for (let length = 0; length < text.length; length += 37) {
      await expectSameAsWhole(text.slice(0, length), [undefined, 5]);
    }
  });

  it('matches the whole reader on many small random breakages', async () => {
    const next = random(7);
    const pieces = ['"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', 'x', '1', '\t', '\u0001'];
    const texts = [pretty(corpus(3)), JSON.stringify(corpus(3))];
    for (let n = 0; n < 120; n++) {
      let text = texts[n % texts.length] ?? '';
      const at = Math.floor(next() * text.length);
      const change = next();
      if (change < 0.4) text = text.slice(0, at) + text.slice(at + 1);
      else
        text =
          text.slice(0, at) + (pieces[Math.floor(next() * pieces.length)] ?? '') + text.slice(at);
      await expectSameAsWhole(text, [undefined, 3]);
    }
  });

  it('gives the line and column in characters, not bytes', async () => {
    const text = '{\n  "name": "Вясна — 😀", "x": tru\n}';
    const expected = readCorpusText(text);
    expect(expected).toEqual({
      ok: false,
      problems: [{ path: 'line 2, column 30', message: expect.stringMatching(/^malformed JSON/) }],
    });
    const streamed = await openCorpus(files.write(text), { chunkSize: 4 });
    expect(streamed).toEqual(expected);
  });
});

describe('nesting too deep and a syntax error', () => {
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const valid = pretty(corpus(3));
  const TOO_DEEP = /^nested too deep: more than \d+ arrays/;

  async function messageOf(text: string) {
    const result = await expectSameAsWhole(text, [undefined, 3]);
    expect(result.ok).toBe(false);
    return !result.ok && result.problems.length === 1 ? result.problems[0]?.message : undefined;
  }

  it('reports the first of the two in the file, however deep (the locator does not recurse)', async () => {
    const deepFirst = valid
      .replace('"cmsId": 0', `"cmsId": ${deep(20_000)}`)
      .replace('"cmsId": 2', '"cmsId": tru');
    expect(await messageOf(deepFirst)).toMatch(TOO_DEEP);
    const brokenInside = valid.replace(
      '"cmsId": 1',
      `"cmsId": ${deep(5_000).replace('[]', '[,]')}`,
    );
    expect(await messageOf(brokenInside)).toMatch(TOO_DEEP);
    const syntaxFirst = valid
      .replace('"cmsId": 0', '"cmsId": tru')
      .replace('"cmsId": 2', `"cmsId": ${deep(20_000)}`);
    expect(await messageOf(syntaxFirst)).toMatch(/^malformed JSON/);
    const shallowBroken = `{"a": [[[[1,]]]], "b": ${deep(100)}}`;
    expect(await messageOf(shallowBroken)).toMatch(/^malformed JSON/);
  });
});
