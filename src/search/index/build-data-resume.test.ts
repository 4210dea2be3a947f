// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Corpus, Publication } from '../../corpus/schema.ts';
import { corpusFixture } from '../../testing/corpus-fixture.ts';
import { TINY_INDEX } from '../../testing/search-fixture.ts';
import {
  buildData,
  corpusSource,
  memoryStore,
  type DeflateCache,
  type IndexCheckpoint,
} from './build-data.ts';
import { IndexBuilder } from './build-index.ts';

/**
 * The incremental build's index (docs/decisions/017-growing-archive.md): a build that restores
 * the builder's state saved by an earlier build writes every file as a clean build does, and a
 * state saved after other publications is never taken.
 */

const newest = (days: number): Publication[] =>
  Array.from({ length: days }, (_, day) => ({
    id: `added-${day}`,
    title: `Вызвалены палітвязень ${day}: Bialiatski freed`,
    type: 'statement',
    organizations: ['viasna'],
    date: `2026-01-${String(day + 10).padStart(2, '0')}`,
    language: day % 2 ? 'be' : 'en',
    summary: `A new word zzyzx${day} and a known one, prisoners.`,
    tags: ['new'],
    body: `<p>Палітвязні ў Мінску; a completely new word qwerty${day}, and Беляцкі.</p>`,
  }));

const withPublications = (publications: Publication[]): Corpus => ({
  ...corpusFixture,
  publications,
});

/** A checkpoint in memory: what `save` keeps, `saved` gives to the next build. */
function memoryCheckpoint() {
  let kept: { count: number; digest: string; bytes: Uint8Array } | null = null;
  let restored = 0;
  const checkpoint = (): IndexCheckpoint => ({
    saved: kept
      ? {
          count: kept.count,
          digest: kept.digest,
          state: () => {
            restored++;
            return kept?.bytes ?? new Uint8Array();
          },
        }
      : null,
    save(count, digest, parts) {
      const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.length;
      }
      kept = { count, digest, bytes };
    },
  });
  return { checkpoint, restored: () => restored, kept: () => kept };
}

async function build(corpus: Corpus, checkpoint?: IndexCheckpoint) {
  const store = memoryStore();
  await buildData(corpusSource(corpus), store, { index: TINY_INDEX, checkpoint });
  return store.files;
}

function expectSameFiles(actual: Map<string, Uint8Array>, expected: Map<string, Uint8Array>) {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, bytes] of expected) expect(actual.get(name), name).toEqual(bytes);
}

describe('an incremental build of the data', () => {
  const before = corpusFixture.publications;
  const after = [...before, ...newest(3)];

  it('restores the state of the publications it had and writes what a clean build writes', async () => {
    const memory = memoryCheckpoint();
    await build(withPublications(before), memory.checkpoint());
    expect(memory.kept()?.count).toBe(before.length);
    const resumed = await build(withPublications(after), memory.checkpoint());
    expect(memory.restored()).toBe(1);
    expectSameFiles(resumed, await build(withPublications(after)));
    // And the state it saved in turn is the state of all of them.
    expect(memory.kept()?.count).toBe(after.length);
    const again = await build(
      withPublications([...after, ...newest(5).slice(3)]),
      memory.checkpoint(),
    );
    expect(memory.restored()).toBe(2);
    expectSameFiles(again, await build(withPublications([...after, ...newest(5).slice(3)])));
  });

  it('takes no state saved after other publications: an older one edited, or one removed', async () => {
    const edited = before.map((publication, index) =>
      index === 3
        ? { ...publication, body: `${publication.body ?? ''}<p>Edited.</p>` }
        : publication,
    );
    const removed = before.filter((_, index) => index !== 5);
    for (const changed of [edited, removed]) {
      const memory = memoryCheckpoint();
      await build(withPublications(before), memory.checkpoint());
      const corpus = withPublications([...changed, ...newest(2)]);
      const rebuilt = await build(corpus, memory.checkpoint());
      expect(memory.restored()).toBe(0);
      expectSameFiles(rebuilt, await build(corpus));
    }
  });

  it('builds the index again when the saved state cannot be read', async () => {
    const memory = memoryCheckpoint();
    await build(withPublications(before), memory.checkpoint());
    const saved = memory.checkpoint().saved;
    if (!saved) throw new Error('nothing saved');
    const cut: IndexCheckpoint = {
      saved: { ...saved, state: () => saved.state().subarray(0, 1000) },
      save: () => undefined,
    };
    const rebuilt = await build(withPublications(after), cut);
    expectSameFiles(rebuilt, await build(withPublications(after)));
  });

  it('takes deflated files from the cache, and writes what a clean build writes', async () => {
    const kept = new Map<string, Uint8Array>();
    let taken = 0;
    const deflated: DeflateCache = {
      get: (key) => {
        const bytes = kept.get(key);
        if (bytes) taken++;
        return bytes;
      },
      put: (key, bytes) => kept.set(key, bytes),
    };
    const store = memoryStore();
    await buildData(corpusSource(withPublications(before)), store, {
      index: TINY_INDEX,
      deflated,
    });
    expect(taken).toBe(0);
    const again = memoryStore();
    await buildData(corpusSource(withPublications(after)), again, { index: TINY_INDEX, deflated });
    expect(taken).toBeGreaterThan(10);
    expectSameFiles(again.files, await build(withPublications(after)));
  });

  it('takes no state saved with other index options', async () => {
    const memory = memoryCheckpoint();
    const store = memoryStore();
    await buildData(corpusSource(withPublications(before)), store, {
      checkpoint: memory.checkpoint(),
    });
    const rebuilt = await build(withPublications(after), memory.checkpoint());
    expect(memory.restored()).toBe(0);
    expectSameFiles(rebuilt, await build(withPublications(after)));
  });

  it('saves every field of the index builder that publications change (a new one must be added to saveState)', () => {
    expect(Object.keys(new IndexBuilder()).sort()).toEqual(
      [
        // Saved by saveState:
        'lastDoc',
        'pool',
        'words',
        'wordOccurrences',
        'wordCapitals',
        'wordLower',
        'wordStems',
        'stems',
        'stemFirstWord',
        'stemShared',
        'stemSeen',
        'stemBits',
        'stemBodyCounts',
        // Not saved: the options and glossary are given to each build, `keys` is scratch space
        // for one publication, `tokens` a memo (see saveState).
        'options',
        'glossary',
        'keys',
        'tokens',
      ].sort(),
    );
  });
});
