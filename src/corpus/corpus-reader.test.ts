// @vitest-environment node
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpusText } from './corpus-file.ts';
import { openCorpus } from './corpus-reader.ts';
import type { Corpus, Publication } from './schema.ts';

/**
 * `openCorpus` reads a file as a stream; `readCorpusText` reads it as one string. On every file
 * here they must agree: the same problems, or the same corpus but for the publications' bodies.
 * Tiny read chunks put every element across chunk boundaries.
 */

const directory = mkdtempSync(path.join(os.tmpdir(), 'corpus-reader-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let files = 0;
function fileWith(content: string | Buffer): string {
  const file = path.join(directory, `corpus-${files++}.json`);
  writeFileSync(file, content);
  return file;
}

const CHUNK_SIZES = [undefined, 1, 2, 7, 64];

/** The publication as `openCorpus` keeps it: the format's fields but `body`. */
function withoutBody(publication: Publication): Publication {
  const kept: Publication = {
    id: publication.id,
    title: publication.title,
    type: publication.type,
    organizations: publication.organizations,
    date: publication.date,
  };
  for (const key of ['language', 'summary', 'url', 'tags', 'translations'] as const) {
    if (publication[key] !== undefined) Object.assign(kept, { [key]: publication[key] });
  }
  if (publication.attachments) {
    kept.attachments = publication.attachments.map(({ title, url }) => ({ title, url }));
  }
  return kept;
}

function withoutBodies(corpus: Corpus): Corpus {
  return { ...corpus, publications: corpus.publications.map(withoutBody) };
}

/** Checks that `openCorpus` reads the file as `readCorpusText` reads its text. */
async function expectSameAsText(content: string | Buffer, chunkSizes = CHUNK_SIZES) {
  const file = fileWith(content);
  const text = readFileSync(file, 'utf8');
  const expected = readCorpusText(text);
  for (const chunkSize of chunkSizes) {
    const result = await openCorpus(file, { chunkSize });
    if (!expected.ok) {
      expect(result, `chunk size ${chunkSize}`).toEqual(expected);
      continue;
    }
    if (!result.ok) throw new Error(`rejected a valid corpus: ${JSON.stringify(result.problems)}`);
    const { opened } = result;
    try {
      expect(opened.corpus).toEqual(withoutBodies(expected.corpus));
      const records = (JSON.parse(text.replace(/^\uFEFF/, '')) as { publications: unknown[] })
        .publications;
      records.forEach((record, index) => expect(opened.publication(index)).toEqual(record));
    } finally {
      opened.close();
    }
  }
  return expected;
}

async function problemsOf(content: string, chunkSize?: number) {
  const result = await openCorpus(fileWith(content), { chunkSize });
  return result.ok ? [] : result.problems;
}

const types = [
  { id: 'statement', label: 'Statement' },
  { id: 'report', label: 'Report', color: 'red' },
];
const organizations = [
  { id: 'viasna', name: 'Viasna', aliases: ['Вясна'], url: 'https://spring96.org' },
  { id: 'bhc', name: 'Belarusian Helsinki Committee', logo: 'x.png' },
];

/** Quotes, a backslash and control characters, all escaped in JSON, and Cyrillic. */
const BODY_TEXT = 'Праваабаронцы "Вясны" \\ \n\t\u0001 ';

function publication(index: number, extra: Record<string, unknown> = {}) {
  return {
    id: `publication-${index}`,
    title: `Заява ${index} — “quoted” \\ text`,
    type: index % 2 ? 'report' : 'statement',
    organizations: index % 2 ? ['bhc', 'viasna'] : ['viasna'],
    date: `2023-03-${String((index % 28) + 1).padStart(2, '0')}`,
    summary: `Summary ${index} with \u2028 and 😀`,
    body: `<p class="x">Body ${index}: ${BODY_TEXT.repeat(index % 5)}</p>`,
    url: `https://example.org/${index}`,
    tags: ['freedom of association'],
    attachments: [{ title: 'PDF', url: `https://example.org/${index}.pdf`, size: 12 }],
    cmsId: index,
    ...extra,
  };
}

function corpus(count = 6, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    name: 'Test archive',
    language: 'en',
    producer: { name: 'cms', version: 2 },
    types,
    organizations,
    publications: Array.from({ length: count }, (_, index) =>
      publication(index, index === 2 ? { translations: { ru: 'publication-1' } } : {}),
    ),
    ...extra,
  };
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

describe('openCorpus on real files', () => {
  it('reads the bundled corpus as readCorpusText does', async () => {
    const text = readFileSync(new URL('../../data/corpus.json', import.meta.url), 'utf8');
    expect((await expectSameAsText(text, [undefined, 7])).ok).toBe(true);
  });

  const fixtures = new URL('../../e2e/fixtures/', import.meta.url);
  it.each(readdirSync(fixtures).filter((name) => name.endsWith('.json')))(
    'reads e2e/fixtures/%s as readCorpusText does',
    async (name) => {
      await expectSameAsText(readFileSync(new URL(name, fixtures), 'utf8'));
    },
  );
});

describe('valid corpora', () => {
  it('keeps the publications without bodies and reads each again whole', async () => {
    for (const text of [pretty(corpus()), JSON.stringify(corpus()), pretty(corpus(0))]) {
      expect((await expectSameAsText(text)).ok).toBe(true);
    }
  });

  it('accepts the members in any order, publications first', async () => {
    const { publications, ...header } = corpus();
    const text = pretty({ publications, ...header });
    expect(text.indexOf('"publications"')).toBeLessThan(text.indexOf('"types"'));
    expect((await expectSameAsText(text)).ok).toBe(true);
  });

  it('skips a UTF-8 byte order mark', async () => {
    expect((await expectSameAsText(`\uFEFF${pretty(corpus())}`)).ok).toBe(true);
  });

  it('reads escaped keys as JSON does, and the last of repeated members', async () => {
    const text = pretty(corpus(3))
      .replace('"publications"', '"publ\\u0069cations"')
      .replace(/"body"/g, '"b\\u006fdy"');
    expect((await expectSameAsText(text)).ok).toBe(true);
    const first = JSON.stringify(corpus(2));
    const publications = JSON.stringify(corpus(4).publications);
    const repeated = `${first.slice(0, -1)},"publications":${publications},"name":"Again"}`;
    const result = await expectSameAsText(repeated);
    expect(result.ok && result.corpus.publications.length).toBe(4);
    expect(result.ok && result.corpus.name).toBe('Again');
  });

  it('reads a body bigger than the buffer, or not where it is expected', async () => {
    const big = corpus(3);
    const body = `<p>${'Вялікі "тэкст" '.repeat(20000)}</p>`;
    big.publications[1] = publication(1, { body });
    // `body` first, and a `body` inside another member.
    big.publications[2] = Object.assign({ body: '' }, publication(2), { cmsBody: { body: 1 } });
    expect((await expectSameAsText(pretty(big), [undefined, 1000])).ok).toBe(true);
  });

  it('throws for a publication that is not there, and after close', async () => {
    const result = await openCorpus(fileWith(pretty(corpus(2))));
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
    const result = await expectSameAsText(pretty(broken));
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
    expect(await expectSameAsText(text)).toEqual({ ok: false, problems: expected });
  });

  it('reports problems with the types declared after the publications', async () => {
    const { publications, ...header } = corpus();
    const text = pretty({ publications, ...header, types: [{ id: 'report', label: 'R' }] });
    const result = await expectSameAsText(text);
    expect(!result.ok && result.problems.map((problem) => problem.path)).toEqual(
      [0, 2, 4].map((index) => `publications[${index}].type`),
    );
  });

  it.each([
    ['not an object', ['[]', '[1, {"a": [2]}, "x"]', '"corpus"', ' 12 ', 'null']],
    ['publications not an array', ['{"publications": {}}', '{"publications": null}']],
    ['missing members', ['{}', '{"version": 1}']],
  ])('reports %s as readCorpusText does', async (_, texts) => {
    for (const text of texts) {
      const result = await expectSameAsText(text);
      expect(result.ok).toBe(false);
    }
  });
});

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
    const expected = await expectSameAsText(text);
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
  ])('reports %s as readCorpusText does', async (_, text) => {
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
      await expectSameAsText(text.slice(0, length), [undefined, 5]);
    }
  });

  it('matches readCorpusText on many small random breakages', async () => {
    // mulberry32, so that every run breaks the same places.
    let state = 7;
    const random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = ['"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', 'x', '1', '\t', '\u0001'];
    const texts = [pretty(corpus(3)), JSON.stringify(corpus(3))];
    for (let n = 0; n < 120; n++) {
      let text = texts[n % texts.length] ?? '';
      const at = Math.floor(random() * text.length);
      const change = random();
      if (change < 0.4) text = text.slice(0, at) + text.slice(at + 1);
      else
        text =
          text.slice(0, at) + (pieces[Math.floor(random() * pieces.length)] ?? '') + text.slice(at);
      await expectSameAsText(text, [undefined, 3]);
    }
  });

  it('gives the line and column in characters, not bytes', async () => {
    const text = '{\n  "name": "Вясна — 😀", "x": tru\n}';
    const expected = readCorpusText(text);
    expect(expected).toEqual({
      ok: false,
      problems: [{ path: 'line 2, column 30', message: expect.stringMatching(/^malformed JSON/) }],
    });
    expect(await problemsOf(text, 4)).toEqual(!expected.ok && expected.problems);
  });
});
