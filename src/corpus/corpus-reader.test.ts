// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openCorpus } from './corpus-reader.ts';
import { LIMITS } from './limits.ts';
import { corpusFiles, readAllWays } from './read-all-ways.ts';
import { corpus, pretty, publication, types } from './test-corpus.ts';

/**
 * `openCorpus` reads a file as a stream; `readCorpusBytes` reads it whole. On every file here they
 * must agree: the same problems, or the same corpus but for the publications' bodies. Tiny read
 * chunks put every element across chunk boundaries.
 */

const files = corpusFiles('corpus-reader');
afterAll(files.remove);

const CHUNK_SIZES = [undefined, 1, 2, 7, 64];

/** Checks that `openCorpus` reads the file as `readCorpusBytes` reads it; returns the result. */
async function expectSameAsWhole(content: string | Uint8Array, chunkSizes = CHUNK_SIZES) {
  const { result, disagreements } = await readAllWays(files.write(content), chunkSizes);
  expect(disagreements).toEqual([]);
  return result;
}

describe('openCorpus on real files', () => {
  it('reads the bundled corpus as the whole reader does', async () => {
    const text = readFileSync(new URL('../../data/corpus.json', import.meta.url));
    expect((await expectSameAsWhole(text, [undefined, 7])).ok).toBe(true);
  });

  const fixtures = new URL('../../e2e/fixtures/', import.meta.url);
  it.each(readdirSync(fixtures).filter((name) => name.endsWith('.json')))(
    'reads e2e/fixtures/%s as the whole reader does',
    async (name) => {
      await expectSameAsWhole(readFileSync(new URL(name, fixtures)));
    },
  );
});

describe('valid corpora', () => {
  it('keeps the publications without bodies and reads each again whole', async () => {
    for (const text of [pretty(corpus()), JSON.stringify(corpus()), pretty(corpus(0))]) {
      expect((await expectSameAsWhole(text)).ok).toBe(true);
    }
  });

  it('accepts the members in any order, publications first', async () => {
    const { publications, ...header } = corpus();
    const text = pretty({ publications, ...header });
    expect(text.indexOf('"publications"')).toBeLessThan(text.indexOf('"types"'));
    expect((await expectSameAsWhole(text)).ok).toBe(true);
  });

  it('skips a UTF-8 byte order mark', async () => {
    expect((await expectSameAsWhole(`\uFEFF${pretty(corpus())}`)).ok).toBe(true);
  });

  it('reads escaped keys as JSON does', async () => {
    const text = pretty(corpus(3))
      .replace('"publications"', '"publ\\u0069cations"')
      .replace(/"body"/g, '"b\\u006fdy"');
    expect((await expectSameAsWhole(text)).ok).toBe(true);
  });

  it('reads a body bigger than the buffer, or not where it is expected', async () => {
    const big = corpus(3);
    const body = `<p>${'Вялікі "тэкст" '.repeat(20000)}</p>`;
    big.publications[1] = publication(1, { body });
    // `body` first, and a `body` inside another member.
    big.publications[2] = Object.assign({ body: '' }, publication(2), { cmsBody: { body: 1 } });
    expect((await expectSameAsWhole(pretty(big), [undefined, 1000])).ok).toBe(true);
  });

  it('throws for a publication that is not there, and after close', async () => {
    const result = await openCorpus(files.write(pretty(corpus(2))));
    if (!result.ok) throw new Error('rejected a valid corpus');
    expect(() => result.opened.publication(2)).toThrow(RangeError);
    result.opened.close();
    expect(() => result.opened.publication(0)).toThrow('closed');
  });
});

describe('invalid corpora', () => {
  it('reports every problem of a corpus broken in many ways at once', async () => {
    const broken = corpus(8, { version: 2, name: '' });
    broken.types = [...types, { id: 'Report', label: '' }, { id: 'report', label: 'Again' }];
    const publications = broken.publications as Record<string, unknown>[];
    Object.assign(publications[0] ?? {}, { date: '2023-02-30', type: 'statment' });
    Object.assign(publications[1] ?? {}, { id: 'publication-0', organizations: ['pen', 'pen'] });
    Object.assign(publications[2] ?? {}, {
      translations: { 'Bad key': 'missing', ru: 'gone', be: 5, en: 'publication-1' },
    });
    Object.assign(publications[3] ?? {}, { url: 'javascript:alert(1)', body: 7, title: '' });
    publications[4] = 'not a publication' as unknown as Record<string, unknown>;
    Object.assign(publications[5] ?? {}, { organizations: 'viasna', attachments: [{}] });
    delete publications[6]?.type;
    const result = await expectSameAsWhole(pretty(broken));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.length).toBeGreaterThan(15);
  });

  it('keeps the order validateCorpus has always given the problems of one field', async () => {
    // References are checked once the whole file is read, yet their problems fall in among the
    // others of the same field as before (the list was made by the validator before streaming).
    const publications = [
      { id: 'a', title: 'A', type: 't', organizations: [], date: '2020' },
      { id: 'b', title: 'B', type: 'x', organizations: ['o', 'p', 7, 'o'], date: '2020' },
      { id: 'a', title: '', type: 5, organizations: ['p', 'p'], date: '2020' },
    ];
    Object.assign(publications[0] ?? {}, {
      translations: { 'Bad key': 'missing', ru: 'gone', be: 5, en: 'b' },
    });
    Object.assign(publications[2] ?? {}, { translations: { ru: 'a', 'x y': 'a' } });
    const text = JSON.stringify({
      publications,
      version: 1,
      name: 'x',
      types: [{ id: 't', label: 'T' }],
      organizations: [{ id: 'o', name: 'O' }],
    });
    const notAnId = (id: string) => `"${id}" is not the id of a publication in this corpus`;
    const undeclared = '"p" is not one of the declared organizations (o)';
    const expected = [
      ['publications[0].translations["Bad key"]', '"Bad key" is not a BCP 47 language tag'],
      ['publications[0].translations["Bad key"]', notAnId('missing')],
      ['publications[0].translations.ru', notAnId('gone')],
      ['publications[0].translations.be', 'must be a string'],
      ['publications[1].type', '"x" is not one of the declared types (t)'],
      ['publications[1].organizations[1]', undeclared],
      ['publications[1].organizations[2]', 'must be a string'],
      ['publications[2].id', '"a" is used again (first at publications[0])'],
      ['publications[2].title', 'must not be empty'],
      ['publications[2].type', 'must be a string'],
      ['publications[2].organizations', 'lists an organization more than once: ["p","p"]'],
      ['publications[2].organizations[0]', undeclared],
      ['publications[2].organizations[1]', undeclared],
      ['publications[2].translations["x y"]', '"x y" is not a BCP 47 language tag'],
    ].map(([path, message]) => ({ path, message }));
    expect(await expectSameAsWhole(text)).toEqual({ ok: false, problems: expected });
  });

  it('reports problems with the types declared after the publications', async () => {
    const { publications, ...header } = corpus();
    const text = pretty({ publications, ...header, types: [{ id: 'report', label: 'R' }] });
    const result = await expectSameAsWhole(text);
    expect(!result.ok && result.problems.map((problem) => problem.path)).toEqual(
      [0, 2, 4].map((index) => `publications[${index}].type`),
    );
  });

  it.each([
    ['not an object', ['[]', '[1, {"a": [2]}, "x"]', '"corpus"', ' 12 ', 'null']],
    ['publications not an array', ['{"publications": {}}', '{"publications": null}']],
    ['missing members', ['{}', '{"version": 1}']],
  ])('reports %s as the whole reader does', async (_, texts) => {
    for (const text of texts) {
      const result = await expectSameAsWhole(text);
      expect(result.ok).toBe(false);
    }
  });
});

describe('what JSON.parse would let pass', () => {
  const valid = pretty(corpus(3));
  /** Where `marker`'s first occurrence ends: the line and column of the next character. */
  function positionAfter(text: string, marker: string) {
    const at = text.indexOf(marker) + marker.length;
    const before = text.slice(0, at);
    return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
  }

  it.each([
    ['a lone continuation byte', [0x80]],
    ['an overlong form', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a character cut short', [0xe2, 0x82]],
    ['a byte that never occurs', [0xff]],
  ])('rejects %s in a title with its line and column', async (_, bad) => {
    const marker = '"title": "Заява 1';
    const at = Buffer.byteLength(valid.slice(0, valid.indexOf(marker) + marker.length));
    const bytes = Buffer.from(valid);
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]);
    const { line, column } = positionAfter(valid, marker);
    const hex = (bad[0] ?? 0).toString(16).toUpperCase();
    expect(await expectSameAsWhole(broken)).toEqual({
      ok: false,
      problems: [
        {
          path: `line ${line}, column ${column}`,
          message: `invalid UTF-8: byte 0x${hex} does not begin a valid character`,
        },
      ],
    });
  });

  it('puts bad bytes before a syntax error, even after it, and a file cut in a character', async () => {
    const broken = Buffer.concat([Buffer.from(`${valid.slice(0, 20)}, ,`), Buffer.from([0xff])]);
    const result = await expectSameAsWhole(broken);
    expect(!result.ok && result.problems[0]?.message).toMatch(/^invalid UTF-8: byte 0xFF/);
    const cut = Buffer.from(valid.replace('"Test archive"', '"Тэст"')).subarray(0, 30);
    const cutResult = await expectSameAsWhole(cut);
    expect(!cutResult.ok && cutResult.problems[0]?.message).toMatch(/^invalid UTF-8: byte 0xD0/);
  });

  it('rejects a key given twice, with both places', async () => {
    const text = valid.replace('"date": "2023-03-02",', '"date": "2023-03-02",\n"date": "2023",');
    const again = positionAfter(text, '"date": "2023-03-02",\n');
    const first = positionAfter(
      text,
      '"organizations": [\n        "bhc",\n        "viasna"\n      ],\n      ',
    );
    expect(await expectSameAsWhole(text)).toEqual({
      ok: false,
      problems: [
        {
          path: 'publications[1].date',
          message: `is given again at line ${again.line}, column ${again.column} (first at line ${first.line}, column ${first.column})`,
        },
      ],
    });
  });

  it('rejects repeated members of the corpus and keys repeated in unknown fields', async () => {
    const first = JSON.stringify(corpus(2));
    const publications = JSON.stringify(corpus(4).publications);
    const repeated = `${first.slice(0, -1)},"publications":${publications},"name":"Again"}`;
    const result = await expectSameAsWhole(repeated);
    expect(!result.ok && result.problems.map((problem) => problem.path)).toEqual([
      'name',
      'publications',
    ]);
    const nested = valid.replace('"version": 2', '"version": 2, "version": 3');
    const nestedResult = await expectSameAsWhole(nested);
    expect(!nestedResult.ok && nestedResult.problems.map((problem) => problem.path)).toEqual([
      'producer.version',
    ]);
  });

  it('names a number that overflows, and nothing else about it', async () => {
    const text = valid
      .replace('"version": 1', '"version": 1e400')
      .replace('"cmsId": 1', '"cmsId": -1e999');
    expect(await expectSameAsWhole(text)).toEqual({
      ok: false,
      problems: [
        { path: 'version', message: 'the number 1e400 overflows (beyond ±1.8e308)' },
        { path: 'publications[1].cmsId', message: 'the number -1e999 overflows (beyond ±1.8e308)' },
      ],
    });
  });

  it('rejects arrays where objects belong', async () => {
    const text = pretty({
      ...corpus(2),
      types: [{ ...types[0], labels: [] }, types[1]],
      names: [],
    });
    const result = await expectSameAsWhole(text);
    expect(!result.ok && result.problems).toEqual([
      { path: 'names', message: 'must be an object from language tags to text' },
      { path: 'types[0].labels', message: 'must be an object from language tags to text' },
    ]);
  });

  it(`rejects nesting deeper than ${LIMITS.depth}, as one problem with its place`, async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = valid
      .replace('"cmsId": 0', `"cmsId": ${deep}`)
      .replace('"version": 1', '"version": 2');
    const result = await expectSameAsWhole(text, [undefined, 7]);
    expect(!result.ok && result.problems).toEqual([
      {
        path: expect.stringMatching(/^line \d+, column \d+$/),
        message: `nested too deep: more than ${LIMITS.depth} arrays and objects inside one another`,
      },
    ]);
  });

  it('names the size of text over its limit, read whole or without its body', async () => {
    const big = corpus(3);
    big.publications[1] = publication(1, {
      title: 'Заява '.repeat(200_000),
      summary: 'x'.repeat(5_000_000),
      body: `<p>${'Вясна '.repeat(400_000)}</p>`,
    });
    const result = await expectSameAsWhole(JSON.stringify(big), [undefined, 4096]);
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'publications[1].title',
        message: 'is 1,200,000 characters long (the limit is 1,000)',
      },
      {
        path: 'publications[1].summary',
        message: 'is 5,000,000 characters long (the limit is 5,000)',
      },
      {
        path: 'publications[1].body',
        message: 'is 4,400,007 bytes long in UTF-8 (the limit is 4,194,304)',
      },
    ]);
  });
});
