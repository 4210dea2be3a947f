// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { random } from '../../testing/random.ts';
import { VarintWriter } from './varint.ts';
import { emptyEntry, FLAG, KIND, type Entry, type Location } from './format.ts';
import { compareEntries, decodeBlock, encodeBlock } from './block-codec.ts';
import {
  decodeBodyPostings,
  decodePositions,
  decodeTextPostings,
  encodeBodyPostings,
  encodeTextPostings,
  frequencyStep,
  writePositions,
} from './postings-codec.ts';

/** Increasing publication numbers: each next one `1 … maxGap` after the one before. */
function docList(next: () => number, count: number, maxGap: number, first = 0): number[] {
  const docs: number[] = [];
  let doc = first;
  for (let i = 0; i < count; i++) {
    docs.push(doc);
    doc += 1 + Math.floor(next() * maxGap);
  }
  return docs;
}

/** Bytes of an unsigned LEB128 number. */
const varintBytes = (value: number) => {
  let bytes = 1;
  for (let rest = value; rest >= 128; rest = Math.floor(rest / 128)) bytes++;
  return bytes;
};

/** Bytes of a body list written as gaps: the form, then one varint (gap × 4 + step) each. */
const gapsFormBytes = (docs: readonly number[], steps: readonly number[]) =>
  1 +
  docs.reduce(
    (sum, doc, i) => sum + varintBytes((doc - (docs[i - 1] ?? -1) - 1) * 4 + (steps[i] ?? 0)),
    0,
  );

const bytes = (...values: number[]) => Uint8Array.from(values);

function entry(partial: Partial<Entry> & Pick<Entry, 'term' | 'kind'>): Entry {
  return { ...emptyEntry(partial.term, partial.kind), ...partial };
}

describe('blocks', () => {
  const inline: Location = { in: 'block', bytes: bytes(3, 9, 130, 1) };
  const files = (names: string[], offset: number, length: number): Location => ({
    in: 'files',
    files: names,
    offset,
    length,
  });
  const ownCompanion = files(['index/b.0000000000000007.bin'], 0, 12);
  const textPack = files(['index/tp.00000000000000a1.bin'], 4_000, 300);
  // A long list running across two pack files.
  const bodyPack = files(
    ['index/bp.00000000000000b1.bin', 'index/bp.00000000000000b2.bin'],
    9,
    20_000,
  );
  const positions = (offset: number, length: number) =>
    files(['index/xp.00000000000000c1.bin'], offset, length);
  const entries: Entry[] = [
    entry({
      term: 'bVlVtk',
      kind: KIND.key,
      textCount: 3,
      bodyCount: 5,
      text: inline,
      body: ownCompanion,
    }),
    entry({
      term: 'bialiatski',
      kind: KIND.spelling,
      flags: FLAG.name,
      textCount: 2,
      bodyCount: 0,
      text: { in: 'block', bytes: bytes(0, 17) },
      textPositions: [
        { first: 0, location: positions(5, 4) },
        { first: 1, location: positions(9, 200) },
      ],
    }),
    entry({
      term: 'pris',
      kind: KIND.prefix,
      completions: [
        {
          term: 'prisoners',
          kind: KIND.word,
          textCount: 40,
          bodyCount: 900,
          text: textPack,
          body: bodyPack,
        },
        // A completion's body list may live in a neighbour's companion.
        {
          term: 'prison',
          kind: KIND.word,
          textCount: 1,
          bodyCount: 2,
          text: { in: 'block', bytes: bytes(8) },
          body: files(['index/b.0000000000000008.bin'], 300, 7),
        },
      ],
    }),
    entry({ term: 'prison', kind: KIND.stem, textCount: 41, bodyCount: 3, text: textPack }),
    entry({
      term: 'prisoners',
      kind: KIND.word,
      textCount: 40,
      bodyCount: 900,
      text: textPack,
      body: bodyPack,
      textPositions: [{ first: 0, location: positions(0, 33) }],
      bodyPositions: [
        { first: 0, location: positions(33, 16_000) },
        { first: 450, location: positions(16_033, 300) },
      ],
    }),
    entry({
      term: 'бяляцкі',
      kind: KIND.word,
      flags: FLAG.name | FLAG.ownStem,
      textCount: 1,
      bodyCount: 1,
      text: { in: 'block', bytes: bytes(1) },
      body: files(['index/b.0000000000000007.bin'], 12, 3),
    }),
    entry({ term: 'паруш', kind: KIND.stem, textCount: 0, bodyCount: 7, body: bodyPack }),
    entry({
      term: 'паруш',
      kind: KIND.concept,
      concepts: ['glossary/c.00000000000000d1.bin', 'glossary/c.00000000000000d2.bin'],
    }),
    entry({
      term: 'пал',
      kind: KIND.prefix,
      completions: [
        {
          term: 'палітвязні',
          kind: KIND.word,
          textCount: 2,
          bodyCount: 0,
          text: { in: 'block', bytes: bytes(5, 1) },
          body: null,
        },
      ],
    }),
  ];

  it('reads back every kind of entry, flags, counts and locations as written', () => {
    const decoded = decodeBlock(encodeBlock(entries));
    expect(decoded).toEqual(entries);
    expect(decoded.map((item) => item.term)).toEqual(entries.map((item) => item.term));
  });

  it('names each file it points into once', () => {
    const encoded = new TextDecoder().decode(encodeBlock(entries));
    expect(encoded.split('index/b.0000000000000007.bin')).toHaveLength(2);
    expect(encoded.split('index/xp.00000000000000c1.bin')).toHaveLength(2);
  });

  it('stores only what each kind needs: positions for words, completions for prefixes', () => {
    const stray = [
      entry({
        term: 'prison',
        kind: KIND.stem,
        textCount: 1,
        text: { in: 'block', bytes: bytes(4) },
        textPositions: [{ first: 0, location: positions(0, 1) }],
      }),
    ];
    const [decoded] = decodeBlock(encodeBlock(stray));
    expect(decoded?.textPositions).toEqual([]);
    expect(decoded?.text).toEqual({ in: 'block', bytes: bytes(4) });
  });

  it('reads back an empty block, and refuses a block of an unknown version', () => {
    expect(decodeBlock(encodeBlock([]))).toEqual([]);
    const future = Uint8Array.from(encodeBlock(entries));
    future[0] = 3;
    expect(() => decodeBlock(future)).toThrow(/version/);
  });

  it('fails on a block cut short, or with bytes after its last entry', () => {
    const encoded = encodeBlock(entries);
    expect(() => decodeBlock(encoded.subarray(0, encoded.length - 3))).toThrow(RangeError);
    expect(() => decodeBlock(Uint8Array.from([...encoded, 0]))).toThrow(RangeError);
  });

  it('reads back large counts and offsets', () => {
    const big = [
      entry({
        term: 'the',
        kind: KIND.word,
        textCount: 199_999,
        bodyCount: 200_000,
        text: files(['index/tp.00000000000000e1.bin'], 2 ** 33 + 5, 300_000),
        body: files(['index/bp.00000000000000e2.bin'], 123_456_789, 25_000),
        bodyPositions: Array.from({ length: 300 }, (_, i) => ({
          first: i * 700,
          location: positions(i * 8192, 8192),
        })),
      }),
    ];
    expect(decodeBlock(encodeBlock(big))).toEqual(big);
  });
});

describe('text postings', () => {
  it('read back the publications and the fields of each', () => {
    const docs = [0, 1, 2, 9, 130, 131, 20_000, 1_000_000, 4_000_000_000];
    const fields = [1, 2, 4, 3, 5, 6, 7, 1, 2];
    const decoded = decodeTextPostings(encodeTextPostings(docs, fields));
    expect([...decoded.docs]).toEqual(docs);
    expect([...(decoded.fields ?? [])]).toEqual(fields);
  });

  it('read back random lists, dense and sparse', () => {
    const next = random(11);
    for (const maxGap of [1, 3, 50, 5000]) {
      const docs = docList(next, 400, maxGap, Math.floor(next() * 1000));
      const fields = docs.map(() => 1 + Math.floor(next() * 7));
      const decoded = decodeTextPostings(encodeTextPostings(docs, fields));
      expect([...decoded.docs]).toEqual(docs);
      expect([...(decoded.fields ?? [])]).toEqual(fields);
    }
  });

  it('take about a byte a publication when publications are close', () => {
    const docs = Array.from({ length: 500 }, (_, i) => i * 3);
    const encoded = encodeTextPostings(
      docs,
      docs.map(() => 1),
    );
    expect(encoded.length).toBe(500);
  });
});

describe('body postings', () => {
  /** A step for each publication, as the build gives them (from how often a term stands). */
  const stepsFor = (docs: readonly number[], next = random(3)) =>
    docs.map(() => frequencyStep(1 + Math.floor(next() * next() * 8)));

  it('read back a sparse list, written as gaps, with how often the term stands in each body', () => {
    const docs = [3, 700, 90_000, 90_001, 2_000_000];
    const steps = [0, 3, 1, 2, 0];
    const encoded = encodeBodyPostings(docs, steps);
    expect(encoded[0]).toBe(0); // the gaps form
    expect(encoded.length).toBe(gapsFormBytes(docs, steps));
    const decoded = decodeBodyPostings(encoded);
    expect([...decoded.docs]).toEqual(docs);
    expect([...(decoded.steps ?? [])]).toEqual(steps);
    expect(decoded.fields).toBeNull();
  });

  it('read back a dense list, written as a bitmap much smaller than its gaps', () => {
    const next = random(5);
    const docs = Array.from({ length: 4000 }, (_, i) => 10_000 + i).filter(() => next() < 0.6);
    const steps = stepsFor(docs);
    const encoded = encodeBodyPostings(docs, steps);
    expect(encoded[0]).toBe(1); // the bitmap form
    const span = (docs.at(-1) ?? 0) - (docs[0] ?? 0) + 1;
    expect(encoded.length).toBeLessThanOrEqual(
      Math.ceil(span / 8) + Math.ceil(docs.length / 4) + 8,
    );
    expect(encoded.length).toBeLessThan(gapsFormBytes(docs, steps) / 2);
    const decoded = decodeBodyPostings(encoded);
    expect([...decoded.docs]).toEqual(docs);
    expect([...(decoded.steps ?? [])]).toEqual(steps);
  });

  it('read back lists of every density, never much larger than the smaller form', () => {
    const next = random(23);
    const forms = new Set<number>();
    for (let round = 0; round < 300; round++) {
      const maxGap = [1, 2, 4, 8, 16, 64, 1000][round % 7] ?? 1;
      const count = 1 + Math.floor(next() * 300);
      const docs = docList(next, count, maxGap, Math.floor(next() * 100_000));
      const steps = stepsFor(docs, next);
      const encoded = encodeBodyPostings(docs, steps);
      forms.add(encoded[0] ?? -1);
      const decoded = decodeBodyPostings(encoded);
      expect([...decoded.docs], `round ${round}`).toEqual(docs);
      expect([...(decoded.steps ?? [])], `round ${round}`).toEqual(steps);
      const span = (docs.at(-1) ?? 0) - (docs[0] ?? 0) + 1;
      const bitmap =
        1 +
        varintBytes(docs[0] ?? 0) +
        varintBytes(Math.ceil(span / 8)) +
        Math.ceil(span / 8) +
        Math.ceil(docs.length / 4);
      expect(encoded.length).toBeLessThanOrEqual(gapsFormBytes(docs, steps));
      expect(encoded.length).toBeLessThanOrEqual(Math.min(gapsFormBytes(docs, steps), bitmap) + 8);
    }
    expect([...forms].sort()).toEqual([0, 1]);
  });

  it('read back a single publication and publication 0', () => {
    for (const docs of [[0], [5], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]]) {
      const steps = docs.map((doc) => doc % 4);
      const decoded = decodeBodyPostings(encodeBodyPostings(docs, steps));
      expect([...decoded.docs]).toEqual(docs);
      expect([...(decoded.steps ?? [])]).toEqual(steps);
    }
    expect([...decodeBodyPostings(encodeBodyPostings([], [])).docs]).toEqual([]);
  });

  it('count once, twice, 3–4 and 5 or more times apart', () => {
    expect([1, 2, 3, 4, 5, 40].map(frequencyStep)).toEqual([0, 1, 2, 2, 3, 3]);
  });

  it('fail on bytes cut short, rather than read zeros', () => {
    const docs = Array.from({ length: 200 }, (_, i) => i * 2);
    const encoded = encodeBodyPostings(docs, stepsFor(docs));
    expect(encoded[0]).toBe(1);
    expect(() => decodeBodyPostings(encoded.subarray(0, encoded.length - 10))).toThrow(RangeError);
    expect(() => decodeBodyPostings(new Uint8Array([0, 0x80]))).toThrow(RangeError);
  });
});

describe('positions', () => {
  it('read back the positions of consecutive postings, one list each', () => {
    // Flat positions of four postings: [0, 3), [3, 3) (none), [3, 7), [7, 9).
    const flat = [0, 5, 1000, 2, 3, 100_000, 100_101, 7, 2_097_151];
    const starts = [0, 3, 3, 7, 9];
    const out = new VarintWriter(4);
    for (let i = 0; i + 1 < starts.length; i++) {
      writePositions(out, flat, starts[i] ?? 0, starts[i + 1] ?? 0);
    }
    expect(decodePositions(out.finish())).toEqual([
      [0, 5, 1000],
      [],
      [2, 3, 100_000, 100_101],
      [7, 2_097_151],
    ]);
  });

  it('read back random lists', () => {
    const next = random(3);
    const lists = Array.from({ length: 200 }, () =>
      docList(next, Math.floor(next() * 12), 1 + Math.floor(next() * 3000)),
    );
    const flat = lists.flat();
    const out = new VarintWriter(16);
    let start = 0;
    for (const list of lists) {
      writePositions(out, flat, start, start + list.length);
      start += list.length;
    }
    expect(decodePositions(out.finish())).toEqual(lists);
  });
});

describe('compareEntries', () => {
  it('orders by term in UTF-16 order, then by kind', () => {
    const sorted = [
      { term: 'bVlVtk', kind: KIND.key },
      { term: 'bia', kind: KIND.prefix },
      { term: 'bialiatski', kind: KIND.word },
      { term: 'bialiatski', kind: KIND.stem },
      { term: 'bialiatski', kind: KIND.key },
      { term: 'bialiatskii', kind: KIND.word },
      { term: 'prison', kind: KIND.word },
      { term: 'prison', kind: KIND.stem },
      { term: 'prisoner', kind: KIND.word },
      { term: 'бяляцк', kind: KIND.stem },
      { term: 'бяляцкі', kind: KIND.word },
      { term: 'бяляцкі', kind: KIND.prefix },
      { term: 'ўлада', kind: KIND.word },
    ];
    const next = random(9);
    for (let round = 0; round < 20; round++) {
      const shuffled = [...sorted].sort(() => next() - 0.5);
      expect(shuffled.sort(compareEntries)).toEqual(sorted);
    }
    expect(compareEntries({ term: 'a', kind: 0 }, { term: 'a', kind: 0 })).toBe(0);
    expect(compareEntries({ term: 'ab', kind: 0 }, { term: 'b', kind: 0 })).toBeLessThan(0);
    expect(compareEntries({ term: 'b', kind: 0 }, { term: 'ab', kind: 3 })).toBeGreaterThan(0);
  });
});
