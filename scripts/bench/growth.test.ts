import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appFileGroup,
  appFileKind,
  controlWarnings,
  dataVersion,
  diffManifests,
  groupLine,
  growthReport,
  growthTable,
  hostLines,
  kindsTable,
  only,
  pagefindSiteKind,
  readManifest,
  verdict,
  withoutDataVersion,
  type FileEntry,
  type GrowthFigures,
  type Manifest,
} from './growth.ts';

const file = (size: number, hash = `h${size}`): FileEntry => ({ size, hash });
const manifest = (entries: Record<string, FileEntry>): Manifest => new Map(Object.entries(entries));
/** 10 bytes gzipped, whatever the file: easy to sum by hand; records what it was asked for. */
function fakeGzip() {
  const asked: string[] = [];
  return {
    asked,
    gzipOf: (name: string) => {
      asked.push(name);
      return 10;
    },
  };
}

describe('diffManifests', () => {
  const before = manifest({
    'index.html': file(100, 'a'),
    'assets/app-1.js': file(50),
    'data/index/d.0000000000000001.bin': file(30),
    'data/index/d.0000000000000002.bin': file(40),
    'feeds/all.atom': file(20, 'x'),
  });
  const after = manifest({
    'index.html': file(100, 'b'), // same size, other bytes: changed
    'assets/app-1.js': file(50), // unchanged
    'data/index/d.0000000000000001.bin': file(30), // unchanged
    'data/index/d.0000000000000003.bin': file(45), // new (d.…2 removed)
    'feeds/all.atom': file(25, 'x'), // same hash, other size: changed
  });

  it('counts a file unchanged only with the same path and the same bytes', () => {
    const { gzipOf, asked } = fakeGzip();
    const diff = diffManifests(before, after, appFileKind, gzipOf);
    expect(diff).toMatchObject({
      before: 5,
      after: 5,
      unchanged: 2,
      added: 1,
      changed: 2,
      removed: 1,
      uploadRaw: 100 + 45 + 25,
      uploadGzip: 30,
    });
    // Only new or changed files are gzipped.
    expect(asked.sort()).toEqual([
      'data/index/d.0000000000000003.bin',
      'feeds/all.atom',
      'index.html',
    ]);
  });

  it('splits the figures by kind, the kinds with the most new or changed files first', () => {
    const diff = diffManifests(before, after, appFileKind, fakeGzip().gzipOf);
    expect(
      diff.kinds.map((kind) => [kind.kind, kind.after, kind.added, kind.changed, kind.removed]),
    ).toEqual([
      ['data/index/d.*.bin', 2, 1, 0, 1],
      ['*.html', 1, 0, 1, 0],
      ['feeds/*.atom', 1, 0, 1, 0],
      ['assets/*.js', 1, 0, 0, 0],
    ]);
    expect(diff.kinds[0]?.examples).toEqual(['data/index/d.0000000000000003.bin']);
  });

  it('names a removed file as the example of a kind nothing new or changed', () => {
    const diff = diffManifests(
      manifest({ 'p/0/a.html': file(1), 'p/0/b.html': file(2) }),
      manifest({ 'p/0/a.html': file(1) }),
      pagefindSiteKind,
      fakeGzip().gzipOf,
    );
    expect(diff.kinds).toEqual([
      expect.objectContaining({ kind: 'pages (*.html)', removed: 1, examples: ['p/0/b.html'] }),
    ]);
  });

  it('finds nothing between a build and itself', () => {
    const diff = diffManifests(before, before, appFileKind, fakeGzip().gzipOf);
    expect(diff).toMatchObject({ unchanged: 5, added: 0, changed: 0, removed: 0, uploadRaw: 0 });
  });
});

describe('kinds of files', () => {
  it('gives a data file the same kind under data/<version>/ and in one data/ folder', () => {
    for (const name of [
      'data/3ad5977849e7/index/d.262f5c80c9aa6e81.bin',
      'data/index/d.262f5c80c9aa6e81.bin',
    ])
      expect(appFileKind(name)).toBe('data/index/d.*.bin');
    expect(appFileKind('data/3ad5977849e7/start.json')).toBe('data/start.json');
    expect(appFileKind('data/start.json')).toBe('data/start.json');
    expect(appFileKind('data/cards/1f2e3d4c5b6a7980.json')).toBe('data/cards/*');
    expect(appFileKind('data/publications/some-id.json')).toBe('data/publications/*');
    expect(appFileKind('publications/some-id/index.html')).toBe('publications/*.html');
    expect(appFileKind('feeds/org/viasna.atom')).toBe('feeds/*.atom');
  });

  it('sums files, or their kinds, into data, pages, assets, feeds and the rest', () => {
    expect(appFileGroup('data/index/d.262f5c80c9aa6e81.bin')).toBe('data');
    expect(appFileGroup('publications/x/index.html')).toBe('pages');
    expect(appFileGroup('publications/*.html')).toBe('pages');
    expect(appFileGroup('assets/index-cbKY421O.js')).toBe('assets');
    expect(appFileGroup('feeds/*.atom')).toBe('feeds');
    expect(appFileGroup('sw.js')).toBe('rest');
  });

  it('keeps what Pagefind writes apart from the pages', () => {
    expect(pagefindSiteKind('pagefind/fragment/en_1c896e8.pf_fragment')).toBe(
      'pagefind/fragment/*.pf_fragment',
    );
    expect(pagefindSiteKind('pagefind/pagefind-entry.json')).toBe('pagefind/*.json');
    expect(pagefindSiteKind('p/0/some-id.html')).toBe('pages (*.html)');
  });

  it('takes the data folder’s version out of the paths, where there is one', () => {
    const versioned = manifest({
      'data/3ad5977849e7/start.json': file(1),
      'index.html': file(2),
    });
    expect(dataVersion(versioned)).toBe('3ad5977849e7');
    expect([...(withoutDataVersion(versioned)?.keys() ?? [])]).toEqual([
      'data/start.json',
      'index.html',
    ]);
    const stable = manifest({ 'data/start.json': file(1), 'data/index/d.0.bin': file(1) });
    expect(dataVersion(stable)).toBeNull();
    expect(withoutDataVersion(stable)).toBeNull();
  });
});

describe('the report', () => {
  const counts = {
    after: 50_000,
    unchanged: 49_600,
    added: 100,
    changed: 300,
    removed: 2,
    uploadRaw: 3 * 1024 * 1024,
    uploadGzip: 1024 * 1024,
  };

  it('holds a change against the budgets: ≤ 1% of files, ≤ 2 MB to upload', () => {
    expect(verdict({ ...counts, uploadRaw: 2 * 1024 * 1024 })).toBe('✓');
    expect(verdict({ ...counts, uploadRaw: 3 * 1024 * 1024 })).toBe('✗ 3.00 MB > 2 MB');
    expect(verdict({ ...counts, changed: 500, uploadRaw: 1024 })).toBe('✗ 1.2% of files > 1%');
  });

  it('prints the issue’s table, with the budgets where the archive is as large as they are set for', () => {
    const rows = [
      { system: 'Statement Explorer', change: 'add' as const, diff: counts, seconds: 312 },
    ];
    expect(growthTable('realistic 50,000', rows, true).split('\n')).toEqual([
      '| same run, realistic 50,000 | files after | unchanged (same name, same bytes) | new or changed | removed | bytes to upload (raw / gzip) | build | budget: ≤ 1% of files, ≤ 2 MB |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| Statement Explorer, add | 50,000 | 49,600 | **400** (0.8%; 100 new) | 2 | 3.00 MB / 1.00 MB | 5.2 min (312 s) | ✗ 3.00 MB > 2 MB |',
    ]);
    const small = growthTable('demo corpus', [{ ...rows[0]!, seconds: null }], false);
    expect(small.split('\n')[2]).toBe(
      '| Statement Explorer, add | 50,000 | 49,600 | **400** (0.8%; 100 new) | 2 | 3.00 MB / 1.00 MB |  |',
    );
  });

  it('lists the kinds a change touched, and the others in one line', () => {
    const before = manifest({ 'a.html': file(1), 'assets/x.js': file(2), 'sw.js': file(3) });
    const after = manifest({ 'a.html': file(1), 'assets/y.js': file(2), 'sw.js': file(4) });
    const diff = diffManifests(before, after, appFileKind, () => 1);
    expect(kindsTable(diff).split('\n')).toEqual([
      '| kind | files after | unchanged | new | changed | removed | upload (raw / gzip) | e.g. |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| assets/*.js | 1 | 0 | 1 | 0 | 1 | 2 B / 1 B | assets/y.js |',
      '| *.js | 1 | 0 | 0 | 1 | 0 | 4 B / 1 B | sw.js |',
      'Unchanged: *.html (1).',
    ]);
    expect(groupLine(diff, ({ kind }) => appFileGroup(kind))).toBe('1 assets (2 B), 1 rest (4 B)');
    expect(kindsTable(diffManifests(before, before, appFileKind, () => 1))).toMatch(
      /^No file new, changed or removed\./,
    );
  });

  it('holds a whole site against the hosts’ limits', () => {
    const [, limits] = hostLines('app', {
      files: 168_600,
      raw: 1.56 * 1024 ** 3,
      gzip: 0,
      largest: 1,
    });
    expect(limits).toBe(
      '  ✗ 20,000 files (Cloudflare Pages, free plan) · ✗ 100,000 (paid plans) · ✗ 1 GB a site (GitHub Pages) · ✓ 25 MB a file (Cloudflare Pages)',
    );
  });
});

describe('readManifest', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every file under a folder by its path, with its size and a hash of its bytes', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'growth-'));
    mkdirSync(path.join(dir, 'data', 'index'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), 'same');
    writeFileSync(path.join(dir, 'data', 'index', 'd.bin'), 'same');
    writeFileSync(path.join(dir, 'app.js.map'), 'other');
    const read = readManifest(dir);
    expect([...read.keys()].sort()).toEqual(['app.js.map', 'data/index/d.bin', 'index.html']);
    expect(read.get('index.html')).toEqual(read.get('data/index/d.bin'));
    expect(read.get('index.html')?.size).toBe(4);
    expect(read.get('app.js.map')?.hash).not.toBe(read.get('index.html')?.hash);
    expect([...only(read, (name) => !name.endsWith('.map')).keys()]).toHaveLength(2);
  });
});

describe('growthReport', () => {
  const gzip = () => 1;
  // A made-up build of 50,000 publications: the clean one, and one with a publication added
  // (its page, its data file, one block) and the data folder renamed.
  const clean = new Map<string, FileEntry>([
    ['index.html', file(10, 'home')],
    ['sw.js', file(3, 'sw')],
    ['data/aaaaaaaaaaaa/index/d.0000000000000001.bin', file(1000, 'block')],
    ['data/aaaaaaaaaaaa/publications/a.json', file(500, 'a')],
  ]);
  const added = new Map<string, FileEntry>([
    ['index.html', file(10, 'home')],
    ['sw.js', file(3, 'sw')],
    ['publications/b/index.html', file(700, 'b-page')],
    ['data/bbbbbbbbbbbb/index/d.0000000000000002.bin', file(1001, 'block 2')],
    ['data/bbbbbbbbbbbb/publications/a.json', file(500, 'a')],
    ['data/bbbbbbbbbbbb/publications/b.json', file(600, 'b')],
  ]);
  const app = diffManifests(clean, added, appFileKind, gzip);
  const figures: GrowthFigures = {
    label: 'realistic 50,000',
    load: { before: [2, 2, 2], after: [3, 3, 3] },
    publications: 50_000,
    pagefindVersion: '1.6.0',
    changes: [{ change: 'add', description: 'added "b"' }],
    clean: {
      app: { seconds: 300, peakBytes: 4 * 1024 ** 3, heap: null },
      pagefind: { seconds: 480, peakBytes: 15 * 1024 ** 3 },
    },
    pagefindError: null,
    diffs: [
      { system: 'Statement Explorer', change: 'add', diff: app, seconds: 290 },
      {
        system: 'Pagefind 1.6.0 (pagefind/)',
        change: 'add',
        seconds: 470,
        diff: diffManifests(
          manifest({ 'pagefind/pagefind-entry.json': file(1, 'x') }),
          manifest({ 'pagefind/pagefind-entry.json': file(1, 'y') }),
          pagefindSiteKind,
          gzip,
        ),
      },
    ],
    sourceMaps: [
      {
        system: 'Statement Explorer',
        change: 'add',
        seconds: 290,
        diff: diffManifests(new Map(), new Map(), appFileKind, gzip),
      },
    ],
    stableDataFolder: [
      {
        system: 'Statement Explorer',
        change: 'add',
        seconds: 290,
        diff: diffManifests(
          withoutDataVersion(clean) ?? new Map(),
          withoutDataVersion(added) ?? new Map(),
          appFileKind,
          gzip,
        ),
      },
    ],
    totals: {
      app: {
        files: 168_600,
        raw: 1.56 * 1024 ** 3,
        gzip: 0.5 * 1024 ** 3,
        largest: 300_000,
        sourceMaps: 15,
        sourceMapBytes: 3e6,
      },
      pagefind: { files: 52_000, raw: 300 * 1024 ** 2, gzip: 300 * 1024 ** 2, largest: 200_000 },
      pages: null,
    },
  };
  const text = growthReport(figures);

  it('prints the table with the verdicts at 50,000 publications', () => {
    expect(text).toContain(
      '| same run, realistic 50,000 (50,000 publications; add → 50,001, remove → 49,999) |',
    );
    expect(text).toContain(
      '| Statement Explorer, add | 6 | 2 | **4** (66.7%; 4 new) | 2 | 2.7 kB / 4 B | 4.8 min (290 s) | ✗ 66.7% of files > 1% |',
    );
    expect(text).toContain(
      '| Pagefind 1.6.0 (pagefind/), add | 1 | 0 | **1** (100%; 0 new) | 0 | 1 B / 1 B | 7.8 min (470 s) | ✗ 100% of files > 1% |',
    );
  });

  it('says which kinds of files changed, and what a data folder that kept its name would give', () => {
    expect(text).toContain(
      '- add: 2 data files publications/* (1.1 kB), 1 data files index/d.*.bin (1001 B), 1 pages (700 B)',
    );
    expect(text).toContain(
      '- add: 3 of 6 files new or changed, 2.2 kB (3 B gzipped): 1 data files index/d.*.bin (1001 B), 1 data files publications/* (600 B), 1 pages (700 B)',
    );
    expect(text).toContain("Pagefind's files (pagefind/), per change:");
  });

  it('says when the control changed, which no change of publications explains', () => {
    expect(text).not.toContain('control changed');
    const none = (diff: ReturnType<typeof diffManifests>) => ({
      system: 'Statement Explorer',
      change: 'none' as const,
      seconds: 280,
      diff,
    });
    expect(controlWarnings([none(diffManifests(clean, clean, appFileKind, gzip))])).toEqual([]);
    expect(controlWarnings([none(app)])).toEqual([
      "✗ Statement Explorer's control changed 4 files: something besides the publications changed between its builds (the code or the glossary, during the run), and the rows above include it. Run it again on a fixed commit (a worktree).",
    ]);
  });

  it('holds the whole site against the hosts’ limits', () => {
    expect(text).toContain(
      'Statement Explorer (source maps aside): 168,600 files, 1597.44 MB (512.00 MB gzipped), largest file 293.0 kB',
    );
    expect(text).toContain('Pagefind 1.6.0 (pagefind/): 52,000 files');
  });
});
