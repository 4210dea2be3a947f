// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import { parseTree, type Node } from 'jsonc-parser';
import { random } from '../testing/random.ts';
import { LIMITS } from './limits.ts';
import { corpusFiles, disagreement, readStream, readWhole, type Reading } from './read-all-ways.ts';
import { mutatedCorpora } from './mutated-corpora.ts';

/**
 * Mutated corpora, each read the three ways (whole, as a stream, in chunks of a few bytes): no
 * way may throw (only give problems), the three must agree, and none may accept a corpus that is
 * invalid, known so by how it was broken or by a check of its own below. Seeded, so every run
 * reads the same corpora: CORPUS_FUZZ=5000 (and CORPUS_FUZZ_SEED) for a longer run.
 */

const COUNT = Number(process.env.CORPUS_FUZZ ?? 300);
const SEED = Number(process.env.CORPUS_FUZZ_SEED ?? 1);

const files = corpusFiles('corpus-fuzz');
afterAll(files.remove);

/** How many arrays and objects a parsed value has inside one another, walked without a stack. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const open: [unknown, number][] = [[value, 0]];
  for (let item = open.pop(); item; item = open.pop()) {
    const [node, depth] = item;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(node)) open.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * An independent look at an accepted file: UTF-8 (TextDecoder), JSON (JSON.parse), nesting, and
 * in a parser's tree no key twice and no number beyond the doubles.
 */
function whyInvalid(bytes: Buffer): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (depthOf(JSON.parse(text)) > LIMITS.depth) return 'nested too deep';
  } catch (error) {
    return String(error);
  }
  const visit = (node: Node | undefined): string | undefined => {
    if (node?.type === 'number' && !Number.isFinite(node.value)) return 'a number overflows';
    const children = node?.children ?? [];
    if (node?.type === 'object') {
      const keys = children.map((property) => property.children?.[0]?.value as unknown);
      if (new Set(keys).size !== keys.length) return 'a key twice';
    }
    for (const child of children) {
      const found = visit(node?.type === 'object' ? child.children?.[1] : child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(parseTree(text));
}

async function readThreeWays(file: string, chunkSize: number) {
  const ways: [string, () => Reading | Promise<Reading>][] = [
    ['whole', () => readWhole(file).reading],
    ['stream', () => readStream(file)],
    [`chunks of ${chunkSize}`, () => readStream(file, chunkSize)],
  ];
  const readings: Reading[] = [];
  const crashes: string[] = [];
  for (const [name, read] of ways) {
    try {
      readings.push(await read());
    } catch (error) {
      crashes.push(`${name}: ${String(error)}`);
    }
  }
  return { readings, crashes };
}

describe('the three ways of reading, on mutated corpora', () => {
  it(
    `agree on ${COUNT} corpora (seed ${SEED}), never throw, never accept an invalid one`,
    async () => {
      const nextCorpus = mutatedCorpora(SEED);
      const chunkOf = random(SEED + 1);
      const failures: string[] = [];
      const figures = {
        corpora: 0,
        knownInvalid: 0,
        rejected: 0,
        crashes: 0,
        disagreements: 0,
        invalidAccepted: 0,
      };
      for (let n = 0; n < COUNT; n++) {
        const { bytes, invalid } = nextCorpus();
        const file = files.write(bytes);
        const chunkSize = Math.max(1 + Math.floor(chunkOf() * 7), Math.ceil(bytes.length / 2000));
        const { readings, crashes } = await readThreeWays(file, chunkSize);
        figures.corpora++;
        if (invalid) figures.knownInvalid++;
        const [whole, ...others] = readings;
        const fail = (what: string) =>
          failures.push(`corpus ${n} (${bytes.length} bytes): ${what}`);
        if (crashes.length > 0) {
          figures.crashes++;
          fail(`threw: ${crashes.join('; ')}`);
        }
        const disagreements = whole
          ? others.map((other) => disagreement(whole, other)).filter(Boolean)
          : [];
        if (disagreements.length > 0) {
          figures.disagreements++;
          fail(`disagree: ${disagreements.join('; ')}`);
        }
        if (readings.some((reading) => !reading.ok)) figures.rejected++;
        const accepted = readings.length > 0 && readings.some((reading) => reading.ok);
        const why = accepted ? (invalid ?? whyInvalid(bytes)) : undefined;
        if (why) {
          figures.invalidAccepted++;
          fail(`accepted, though ${why}`);
        }
      }
      if (process.env.CORPUS_FUZZ)
        console.log('corpus fuzz', JSON.stringify({ seed: SEED, ...figures }));
      expect(failures.slice(0, 5)).toEqual([]);
      expect(figures).toMatchObject({
        corpora: COUNT,
        crashes: 0,
        disagreements: 0,
        invalidAccepted: 0,
      });
    },
    Math.max(120_000, COUNT * 100),
  );
});
