// @vitest-environment node
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { decodeBlock, encodeBlock } from './block-codec.ts';
import { columnDate, decodeColumns, encodeColumns, lengthOf } from './columns.ts';
import { decodeConcept, encodeConcept } from './concept-codec.ts';
import { directoryPartSchema, fuzzyBlockSchema, fuzzyDirectorySchema } from './directory.ts';
import { emptyEntry, type Entry, type Location } from './format.ts';
import {
  decodeBodyPostings,
  decodePositions,
  decodeTextPostings,
  encodeBodyPostings,
  encodeTextPostings,
  writePositions,
} from './postings-codec.ts';
import { VarintWriter } from './varint.ts';

/**
 * docs/index-format.md is the contract of the data files: each example there (a `bytes` block and
 * the `json` block of the same name) is decoded here and compared with what the page says it
 * holds, and encoded back to the same bytes. A change to the bytes the page does not follow, or to
 * the page the bytes do not follow, fails.
 */

const page = readFileSync(new URL('../../../docs/index-format.md', import.meta.url), 'utf8');

function examples(kind: 'bytes' | 'json'): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of page.matchAll(
    new RegExp(`\`\`\`${kind} ([^\\n]+)\\n([\\s\\S]*?)\`\`\``, 'g'),
  )) {
    found.set(match[1] ?? '', match[2] ?? '');
  }
  return found;
}

const bytesOf = examples('bytes');
const jsonOf = examples('json');

function bytes(name: string): Uint8Array {
  const text = bytesOf.get(name);
  if (text === undefined) throw new Error(`docs/index-format.md has no bytes example "${name}"`);
  return Uint8Array.from(text.trim().split(/\s+/), (pair) => parseInt(pair, 16));
}

function json(name: string): unknown {
  const text = jsonOf.get(name);
  if (text === undefined) throw new Error(`docs/index-format.md has no json example "${name}"`);
  return JSON.parse(text);
}

const plain = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_, item: unknown) =>
      item instanceof Uint8Array || item instanceof Uint32Array || item instanceof Uint16Array
        ? [...item]
        : item,
    ),
  );

describe('docs/index-format.md', () => {
  it('has a checker for every example it gives', () => {
    const checked = [
      'columns',
      'block',
      'text postings',
      'body postings, gaps',
      'body postings, bitmap',
      'positions',
      'concept',
      'directory',
      'fuzzy block',
      'fuzzy directory',
    ];
    expect([...new Set([...bytesOf.keys(), ...jsonOf.keys()])].sort()).toEqual(checked.sort());
  });

  it('columns', () => {
    const expected = v.parse(
      v.object({
        count: v.number(),
        types: v.array(v.number()),
        languages: v.array(v.number()),
        dates: v.array(v.string()),
        organizations: v.array(v.array(v.number())),
        titleLengths: v.array(v.number()),
        summaryLengths: v.array(v.number()),
        bodyLengths: v.array(v.number()),
        cards: v.array(v.string()),
        catalogs: v.array(v.string()),
      }),
      json('columns'),
    );
    const decoded = decodeColumns(bytes('columns'));
    const organizations = expected.organizations.map((_, doc) => [
      ...decoded.organizations.subarray(
        decoded.organizationStarts[doc],
        decoded.organizationStarts[doc + 1],
      ),
    ]);
    expect({
      count: decoded.count,
      types: [...decoded.types],
      languages: [...decoded.languages],
      dates: [...decoded.dates],
      organizations,
      titleLengths: [...decoded.titleLengths],
      summaryLengths: [...decoded.summaryLengths],
      bodyLengths: [...decoded.bodyLengths],
      cards: decoded.cards,
      catalogs: decoded.catalogs,
    }).toEqual({ ...expected, dates: expected.dates.map(columnDate) });
    expect([...encodeColumns(decoded)]).toEqual([...bytes('columns')]);
    // The codes stand for 5, 12, 29 and 609 words, as the page says.
    expect([20, 30, 40, 75].map((code) => Math.round(lengthOf(code)))).toEqual([5, 12, 29, 609]);
  });

  it('a block', () => {
    const decoded = decodeBlock(bytes('block'));
    const expected = json('block') as Partial<Entry>[];
    expect(plain(decoded)).toMatchObject(expected);
    const entries = expected.map((entry): Entry => {
      const text = entry.text as (Location & { bytes?: number[] }) | null;
      return {
        ...emptyEntry(entry.term ?? '', entry.kind ?? 0),
        ...entry,
        text:
          text?.in === 'block' ? { in: 'block', bytes: Uint8Array.from(text.bytes ?? []) } : text,
      } as Entry;
    });
    expect([...encodeBlock(entries)]).toEqual([...bytes('block')]);
  });

  it('text postings', () => {
    const decoded = decodeTextPostings(bytes('text postings'));
    expect({ docs: [...decoded.docs], fields: [...(decoded.fields ?? [])] }).toEqual(
      json('text postings'),
    );
    expect([...encodeTextPostings(decoded.docs, decoded.fields ?? [])]).toEqual([
      ...bytes('text postings'),
    ]);
  });

  it.each(['body postings, gaps', 'body postings, bitmap'])('%s', (name) => {
    const decoded = decodeBodyPostings(bytes(name));
    expect({ docs: [...decoded.docs], steps: [...(decoded.steps ?? [])] }).toEqual(json(name));
    expect([...encodeBodyPostings(decoded.docs, decoded.steps ?? [])]).toEqual([...bytes(name)]);
  });

  it('positions', () => {
    const lists = decodePositions(bytes('positions'));
    expect(lists).toEqual(json('positions'));
    const out = new VarintWriter();
    for (const list of lists) writePositions(out, list, 0, list.length);
    expect([...out.finish()]).toEqual([...bytes('positions')]);
  });

  it('a glossary concept', () => {
    const decoded = decodeConcept(bytes('concept'));
    expect(plain(decoded)).toEqual(json('concept'));
    expect([...encodeConcept(decoded)]).toEqual([...bytes('concept')]);
  });

  it('the JSON files of the index', () => {
    expect(() => v.parse(directoryPartSchema, json('directory'))).not.toThrow();
    expect(() => v.parse(fuzzyBlockSchema, json('fuzzy block'))).not.toThrow();
    expect(() => v.parse(fuzzyDirectorySchema, json('fuzzy directory'))).not.toThrow();
  });
});
