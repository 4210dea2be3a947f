// @vitest-environment node
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../src/corpus/corpus-reader.ts';
import type { Publication } from '../src/corpus/schema.ts';
import { planChanges } from './bench/growth-changes.ts';
import { writeCorpus } from './generate-corpus.ts';

/**
 * The incremental build (docs/decisions/017-growing-archive.md): a build that takes what it can
 * from the cache of the last build writes, file for file and byte for byte, what a clean build of
 * the same corpus writes. Three real builds of the demo corpus: before three publications are
 * added (filling the cache), after (from the cache), and after again without a cache.
 */

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'incremental-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `from` with `count` publications added, each dated the day after the newest, written to `to`. */
async function addPublications(from: string, to: string, count: number) {
  const opened = await openCorpus(from);
  if (!opened.ok) throw new Error(`${from} is not a valid corpus`);
  const { corpus, publication, close } = opened.opened;
  const kept = corpus.publications.length;
  const added: Publication[] = [];
  const read = (index: number) =>
    index < kept ? publication(index) : (added[index - kept] as Publication);
  for (let step = 0; step < count; step++) {
    const plan = planChanges([...corpus.publications, ...added], read).find(
      (change) => change.change === 'add',
    );
    if (!plan?.added) throw new Error('no publication to add');
    added.push(plan.added);
  }
  await writeCorpus(to, { ...corpus, publications: undefined }, kept + count, read);
  close();
}

/** `vite build` of `corpus` into `outDir`, as `npm run build` runs it; returns what it printed. */
async function build(corpus: string, outDir: string, cache: string) {
  // Vitest's own variables would leave the corpus plugin out of the build (vite.config.ts).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
  );
  const { stdout } = await run(
    process.execPath,
    [
      path.resolve('node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      outDir,
      '--emptyOutDir',
    ],
    { env: { ...env, CORPUS: corpus, BUILD_CACHE: cache }, maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('an incremental build', () => {
  it('writes what a clean build of the same corpus writes, byte for byte', async () => {
    const corpus = path.join(dir, 'corpus.json');
    const cache = path.join(dir, 'cache');
    copyFileSync('data/corpus.json', corpus);
    const first = await build(corpus, path.join(dir, 'first'), cache);
    expect(first).toContain('no earlier build to compare with');

    // The same file grows, as an archive's export does from one day to the next.
    await addPublications('data/corpus.json', corpus, 3);
    const incremental = await build(corpus, path.join(dir, 'incremental'), cache);
    const clean = await build(corpus, path.join(dir, 'clean'), 'off');

    // It did take the index and the pages of the 126 publications it had from the cache...
    expect(incremental).toContain(
      'reused the index of 126 and the pages of 126 of 129 publications',
    );
    expect(clean).not.toContain('build cache');
    // ...and wrote every file a clean build writes, with the same bytes.
    const files = filesUnder(path.join(dir, 'clean'));
    expect(files.length).toBeGreaterThan(600);
    expect(filesUnder(path.join(dir, 'incremental'))).toEqual(files);
    const different = files.filter(
      (file) =>
        !readFileSync(path.join(dir, 'incremental', file)).equals(
          readFileSync(path.join(dir, 'clean', file)),
        ),
    );
    expect(different).toEqual([]);
  }, 300_000);
});
