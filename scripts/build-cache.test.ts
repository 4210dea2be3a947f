// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildCacheFolder,
  compareWithLastBuild,
  indexCheckpoint,
  outputManifest,
} from './build-cache.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'build-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
}

describe('the build cache', () => {
  it('is under node_modules/.cache unless BUILD_CACHE says where, or off', () => {
    expect(buildCacheFolder('/repo', undefined)).toBe(
      path.resolve('/repo/node_modules/.cache/statement-explorer'),
    );
    expect(buildCacheFolder('/repo', ' ')).toBe(
      path.resolve('/repo/node_modules/.cache/statement-explorer'),
    );
    expect(buildCacheFolder('/repo', '.build-cache')).toBe(path.resolve('/repo/.build-cache'));
    expect(buildCacheFolder('/repo', '/tmp/cache')).toBe(path.resolve('/tmp/cache'));
    expect(buildCacheFolder('/repo', 'off')).toBeNull();
    expect(buildCacheFolder('/repo', 'OFF')).toBeNull();
    expect(buildCacheFolder('/repo', '0')).toBeNull();
  });

  it("keeps the index state of the last build, and gives it up when the index's code changes", () => {
    const root = path.join(dir, 'repo');
    const slot = path.join(dir, 'slot');
    write(root, {
      'src/search/analysis/text.ts': 'export const a = 1;',
      'src/search/index/build-index.ts': 'export const b = 1;',
      'src/search/glossary/concepts.ts': 'export const c = 1;',
    });
    expect(indexCheckpoint(root, slot).saved).toBeNull();
    indexCheckpoint(root, slot).save(3, 'a'.repeat(64), [
      new Uint8Array([1, 2]),
      new Uint8Array([3]),
    ]);
    indexCheckpoint(root, slot).save(5, 'b'.repeat(64), [new Uint8Array([4, 5, 6])]);
    const saved = indexCheckpoint(root, slot).saved;
    expect(saved?.count).toBe(5);
    expect(saved?.digest).toBe('b'.repeat(64));
    expect([...(saved?.state() ?? [])]).toEqual([4, 5, 6]);

    write(root, { 'src/search/analysis/text.ts': 'export const a = 2;' });
    expect(indexCheckpoint(root, slot).saved).toBeNull();
  });

  it('counts the files new or changed against the last build, and those gone', () => {
    const slot = path.join(dir, 'manifests');
    const out = path.join(dir, 'out');
    write(out, {
      'index.html': 'start',
      'data/start.json': '{}',
      'data/index/d.0123456789abcdef.bin': 'block',
      'publications/a/index.html': 'page a',
      'publications/b/index.html': 'page b',
    });
    const pages = new Map([
      ['publications/a/index.html', 'key-a'],
      ['publications/b/index.html', 'key-b'],
    ]);
    expect(compareWithLastBuild(slot, out, outputManifest(out, pages))).toBeNull();

    rmSync(path.join(out, 'publications/b'), { recursive: true });
    write(out, {
      'data/start.json': '{"count":2}',
      'data/index/d.fedcba9876543210.bin': 'block 2',
      'publications/c/index.html': 'page c',
    });
    rmSync(path.join(out, 'data/index/d.0123456789abcdef.bin'));
    const next = new Map([
      ['publications/a/index.html', 'key-a'],
      ['publications/c/index.html', 'key-c'],
    ]);
    expect(compareWithLastBuild(slot, out, outputManifest(out, next))).toEqual({
      files: 5,
      // start.json, the new block, page c
      changed: 3,
      bytes: '{"count":2}'.length + 'block 2'.length + 'page c'.length,
      // the old block, page b
      removed: 2,
    });
  });
});
