import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appKinds, pagefindKinds } from './build-figures.ts';
import { gb, seconds as secondsText } from './report.ts';
import { bytes, percent } from './stats.ts';

/**
 * What one change to the corpus does to the files of a build (issue 19: "a new publication
 * changes a few files, not the whole site"): two builds compared file by file. A file is
 * unchanged when the other build has a file of the same path with the same bytes; otherwise it
 * is new (no file of that path before), changed (other bytes), or removed (no file of that path
 * after). What a deploy uploads is the new and changed files, and their bytes.
 *
 * This module is the pure part, tested in growth.test.ts: the diff, the kinds of files, the
 * report. scripts/bench/growth-bench.ts builds the corpora and measures.
 */

export type FileEntry = { size: number; hash: string };
/** Every file of a build by its path (`/`-separated, relative to the build's root). */
export type Manifest = ReadonlyMap<string, FileEntry>;

/** Reads every file under `root`: its size and the SHA-1 of its bytes (equal bytes, equal hash). */
export function readManifest(root: string): Map<string, FileEntry> {
  const manifest = new Map<string, FileEntry>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) {
        const content = readFileSync(path.join(root, name));
        const hash = createHash('sha1').update(content).digest('hex');
        manifest.set(name, { size: content.length, hash });
      }
    }
  };
  walk('');
  return manifest;
}

/** The files of a manifest that `keep` keeps. */
export function only(manifest: Manifest, keep: (name: string) => boolean): Manifest {
  return new Map([...manifest].filter(([name]) => keep(name)));
}

export const isSourceMap = (name: string) => name.endsWith('.map');

export type Counts = {
  /** Files after the change. */
  after: number;
  unchanged: number;
  /** Paths the build before did not have. */
  added: number;
  /** Paths both builds have, with other bytes. */
  changed: number;
  removed: number;
  /** What a deploy uploads: the new and changed files' bytes, as they are and gzipped. */
  uploadRaw: number;
  uploadGzip: number;
};

export type KindDiff = Counts & {
  kind: string;
  /** A few of the new or changed files (else the removed), to look at. */
  examples: string[];
};

export type BuildDiff = Counts & { before: number; kinds: KindDiff[] };

const EXAMPLES = 3;

const zero = (): Counts => ({
  after: 0,
  unchanged: 0,
  added: 0,
  changed: 0,
  removed: 0,
  uploadRaw: 0,
  uploadGzip: 0,
});

/**
 * `after` against `before`, in all and per kind of file (`kindOf`). `gzipOf` measures a new or
 * changed file gzipped (it is asked for those alone: reading every file of a 50,000-publication
 * build again would take minutes).
 */
export function diffManifests(
  before: Manifest,
  after: Manifest,
  kindOf: (name: string) => string,
  gzipOf: (name: string) => number,
): BuildDiff {
  const total = zero();
  const kinds = new Map<string, KindDiff>();
  const kindFor = (name: string) => {
    const kind = kindOf(name);
    let found = kinds.get(kind);
    if (!found) {
      found = { kind, ...zero(), examples: [] };
      kinds.set(kind, found);
    }
    return found;
  };
  for (const [name, file] of after) {
    const kind = kindFor(name);
    const old = before.get(name);
    total.after += 1;
    kind.after += 1;
    if (old && old.size === file.size && old.hash === file.hash) {
      total.unchanged += 1;
      kind.unchanged += 1;
      continue;
    }
    const field = old ? 'changed' : 'added';
    const gzip = gzipOf(name);
    for (const counts of [total, kind]) {
      counts[field] += 1;
      counts.uploadRaw += file.size;
      counts.uploadGzip += gzip;
    }
    if (kind.examples.length < EXAMPLES) kind.examples.push(name);
  }
  for (const name of before.keys()) {
    if (after.has(name)) continue;
    const kind = kindFor(name);
    total.removed += 1;
    kind.removed += 1;
    if (kind.added + kind.changed === 0 && kind.examples.length < EXAMPLES)
      kind.examples.push(name);
  }
  const order = [...kinds.values()].sort(
    (a, b) =>
      b.added + b.changed - (a.added + a.changed) ||
      b.removed - a.removed ||
      b.after - a.after ||
      a.kind.localeCompare(b.kind),
  );
  return { before: before.size, ...total, kinds: order };
}

export const newOrChanged = (counts: Counts) => counts.added + counts.changed;

// --- Kinds of files -----------------------------------------------------------------------------

/** A data folder named by the build (`data/<version>/`), as the app's builds had it until issue 19. */
const VERSIONED = /^data\/([0-9a-f]{8,})\//;

/**
 * The app's files by kind: data files as `data/<kind>` (index/d.*.bin, cards/*, columns/*.bin…,
 * whether they live under `data/<version>/` or in one `data/` folder), then pages (`*.html`),
 * `assets/*`, feeds and the rest by folder and extension.
 */
export function appFileKind(name: string): string {
  if (name.startsWith('data/')) return `data/${appKinds(name).kind}`;
  return appKinds(name).kind;
}

/** The five groups the report sums the kinds into; a file's name or its kind (appFileKind). */
export function appFileGroup(name: string): 'data' | 'pages' | 'assets' | 'feeds' | 'rest' {
  if (name.startsWith('data/')) return 'data';
  if (name.endsWith('.html')) return 'pages';
  if (name.startsWith('assets/')) return 'assets';
  if (name.startsWith('feeds/') || /\.(atom|rss|xml)$/.test(name)) return 'feeds';
  return 'rest';
}

/** Pagefind's site: what Pagefind writes (`pagefind/…`, by its kinds) apart from the pages. */
export function pagefindSiteKind(name: string): string {
  if (name.startsWith('pagefind/'))
    return `pagefind/${pagefindKinds(name.slice('pagefind/'.length)).kind}`;
  return name.endsWith('.html') ? 'pages (*.html)' : `other (*${path.extname(name)})`;
}

export const isPagefindOutput = (name: string) => name.startsWith('pagefind/');

/**
 * The same build with its data folder's version taken out of the paths (`data/<version>/x` →
 * `data/x`), or null when it has none: what a deploy would upload had the folder kept its name.
 */
export function withoutDataVersion(manifest: Manifest): Manifest | null {
  let versioned = false;
  const renamed = new Map<string, FileEntry>();
  for (const [name, file] of manifest) {
    const match = VERSIONED.exec(name);
    if (match) versioned = true;
    renamed.set(match ? `data/${name.slice(match[0].length)}` : name, file);
  }
  return versioned ? renamed : null;
}

/** The data folder's version of a build (`data/<version>/`), or null. */
export function dataVersion(manifest: Manifest): string | null {
  for (const name of manifest.keys()) {
    const match = VERSIONED.exec(name);
    if (match) return match[1] ?? null;
  }
  return null;
}

// --- The report ---------------------------------------------------------------------------------

/** Issue 19's budgets, per change, at 50,000 publications. */
export const GROWTH_BUDGET = {
  /** Of the files after the change, the share new or changed. */
  share: 0.01,
  /** Bytes to upload (as they are: what a deploy sends). */
  upload: 2 * 1024 * 1024,
  /** The size of archive the budgets are set for. */
  publications: 50_000,
};

/** What the common static hosts allow, for the whole-site figures (issue 19). */
export const HOST_LIMITS = {
  /** Cloudflare Pages: files a site on the free plan, and on the paid ones (since January 2026). */
  files: 20_000,
  paidFiles: 100_000,
  /** GitHub Pages: a published site's size. */
  siteBytes: 1024 ** 3,
  /** Cloudflare Pages: the largest file. */
  fileBytes: 25 * 1024 ** 2,
};

export type Change = 'add' | 'edit' | 'remove' | 'none';

/** A row of the table: a changed build against the clean one, and how long it took. */
export type ChangeRow = {
  system: string;
  change: Change;
  diff: Counts;
  /** The build's time in seconds (Pagefind: the CLI's), null where it is not one's own. */
  seconds: number | null;
};

const count = (value: number) => value.toLocaleString('en');

/** "✓" or "✗ …" against the budgets of issue 19. */
export function verdict(counts: Counts): string {
  const share = counts.after ? newOrChanged(counts) / counts.after : 0;
  const over: string[] = [];
  if (share > GROWTH_BUDGET.share) over.push(`${percent(share)} of files > 1%`);
  if (counts.uploadRaw > GROWTH_BUDGET.upload) over.push(`${bytes(counts.uploadRaw)} > 2 MB`);
  return over.length ? `✗ ${over.join(', ')}` : '✓';
}

function markdown(rows: readonly (readonly string[])[]): string {
  const [header, ...body] = rows;
  if (!header) return '';
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

/**
 * The issue's table: per change and system, files after, unchanged (same path, same bytes), new
 * or changed (and removed), bytes to upload, the build's time; against the budgets when the
 * archive is as large as they are set for.
 */
export function growthTable(caption: string, rows: readonly ChangeRow[], budgets: boolean): string {
  const header = [
    `same run, ${caption}`,
    'files after',
    'unchanged (same name, same bytes)',
    'new or changed',
    'removed',
    'bytes to upload (raw / gzip)',
    'build',
    ...(budgets ? ['budget: ≤ 1% of files, ≤ 2 MB'] : []),
  ];
  const body = rows.map(({ system, change, diff, seconds }) => {
    const share = diff.after ? newOrChanged(diff) / diff.after : 0;
    return [
      `${system}, ${change}`,
      count(diff.after),
      count(diff.unchanged),
      `**${count(newOrChanged(diff))}** (${percent(share)}; ${count(diff.added)} new)`,
      count(diff.removed),
      `${bytes(diff.uploadRaw)} / ${bytes(diff.uploadGzip)}`,
      seconds === null ? '' : secondsText(seconds),
      ...(budgets ? [verdict(diff)] : []),
    ];
  });
  return markdown([header, ...body]);
}

/** The kinds of files a change touched, with their figures; the untouched kinds in one line. */
export function kindsTable(diff: BuildDiff): string {
  const touched = diff.kinds.filter((kind) => newOrChanged(kind) + kind.removed > 0);
  const untouched = diff.kinds.filter((kind) => newOrChanged(kind) + kind.removed === 0);
  const rows = touched.map((kind) => [
    kind.kind,
    count(kind.after),
    count(kind.unchanged),
    count(kind.added),
    count(kind.changed),
    count(kind.removed),
    `${bytes(kind.uploadRaw)} / ${bytes(kind.uploadGzip)}`,
    kind.examples.join(', '),
  ]);
  const table = rows.length
    ? markdown([
        [
          'kind',
          'files after',
          'unchanged',
          'new',
          'changed',
          'removed',
          'upload (raw / gzip)',
          'e.g.',
        ],
        ...rows,
      ])
    : 'No file new, changed or removed.';
  const rest = untouched.length
    ? `\nUnchanged: ${untouched.map((kind) => `${kind.kind} (${count(kind.after)})`).join(', ')}.`
    : '';
  return table + rest;
}

/** The new or changed files summed by group ("120 pages, 40 data files…"). */
export function groupLine(diff: BuildDiff, groupOf: (kind: KindDiff) => string): string {
  const groups = new Map<string, { files: number; raw: number }>();
  for (const kind of diff.kinds) {
    const files = newOrChanged(kind);
    if (!files) continue;
    const group = groupOf(kind);
    const sum = groups.get(group) ?? { files: 0, raw: 0 };
    sum.files += files;
    sum.raw += kind.uploadRaw;
    groups.set(group, sum);
  }
  if (!groups.size) return 'nothing new or changed';
  return [...groups]
    .sort(([, a], [, b]) => b.files - a.files)
    .map(([group, sum]) => `${count(sum.files)} ${group} (${bytes(sum.raw)})`)
    .join(', ');
}

export type SiteTotals = { files: number; raw: number; gzip: number; largest: number };

/** A whole site against the common hosts' limits (README's "Build and host"). */
export function hostLines(label: string, site: SiteTotals): string[] {
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  return [
    `${label}: ${count(site.files)} files, ${bytes(site.raw)} (${bytes(site.gzip)} gzipped), largest file ${bytes(site.largest)}`,
    `  ${mark(site.files <= HOST_LIMITS.files)} ${count(HOST_LIMITS.files)} files (Cloudflare Pages, free plan)` +
      ` · ${mark(site.files <= HOST_LIMITS.paidFiles)} ${count(HOST_LIMITS.paidFiles)} (paid plans)` +
      ` · ${mark(site.raw <= HOST_LIMITS.siteBytes)} 1 GB a site (GitHub Pages)` +
      ` · ${mark(site.largest <= HOST_LIMITS.fileBytes)} 25 MB a file (Cloudflare Pages)`,
  ];
}

// --- The report of one corpus ------------------------------------------------------------------

export const APP = 'Statement Explorer';
export const PAGES = 'its HTML pages';
/** How the rows of what Pagefind writes end ("Pagefind 1.6.0 (pagefind/)"). */
export const PAGEFIND_OUTPUT = '(pagefind/)';

/** A changed build against the clean one. */
export type Comparison = ChangeRow & { diff: BuildDiff };

export type GrowthFigures = {
  label: string;
  /** The machine's load average (1, 5, 15 min) when the builds began and when they ended. */
  load: { before: number[]; after: number[] };
  publications: number;
  pagefindVersion: string;
  changes: { change: Change; description: string }[];
  clean: {
    app: { seconds: number; peakBytes: number; heap: string | null };
    pagefind: { seconds: number; peakBytes: number } | null;
  };
  /** Why Pagefind has no figures, when it failed (the app's stand on their own). */
  pagefindError: string | null;
  /** Every comparison: the app's (source maps left out) and Pagefind's whole site. */
  diffs: Comparison[];
  /** The app's source maps, compared apart (a deploy may leave them out). */
  sourceMaps: Comparison[];
  /**
   * Where the app's data live under a folder named by the build (`data/<version>/`): the same
   * comparison with the version taken out of the paths, what a deploy would upload had the
   * folder kept its name.
   */
  stableDataFolder: Comparison[];
  totals: {
    app: SiteTotals & { sourceMaps: number; sourceMapBytes: number };
    pagefind: SiteTotals | null;
    pages: SiteTotals | null;
  };
};

const CHANGE_ORDER: Change[] = ['add', 'edit', 'remove', 'none'];

/** The report: the issue's table, then what changed, by kind. */
export function growthReport(figures: GrowthFigures): string {
  const { label, publications, clean, totals, load } = figures;
  const budgets = publications >= GROWTH_BUDGET.publications;
  const rows = CHANGE_ORDER.flatMap((change) =>
    figures.diffs.filter((comparison) => comparison.change === change),
  );
  const caption = `${label} (${publications.toLocaleString('en')} publications; add → ${(publications + 1).toLocaleString('en')}, remove → ${(publications - 1).toLocaleString('en')})`;
  const lines = [
    '',
    `=== A growing archive, ${label}: what one change does to the files (issue 19) ===`,
    ...figures.changes.map(({ change, description }) => `- ${change}: ${description}`),
    `Clean builds: the app ${secondsText(clean.app.seconds)} (peak memory ${gb(clean.app.peakBytes)}${clean.app.heap ? `, with ${clean.app.heap}` : ''})` +
      (clean.pagefind
        ? `, Pagefind ${secondsText(clean.pagefind.seconds)} (peak memory ${gb(clean.pagefind.peakBytes)})`
        : ''),
    `Load average of this 2-core machine (others share it): ${load.before.map((value) => value.toFixed(1)).join(', ')} when the builds began, ${load.after.map((value) => value.toFixed(1)).join(', ')} when they ended.`,
    'A file is unchanged when the clean build has one of the same path with the same bytes; bytes to upload are the new and changed files\'. The app\'s source maps are left out (below). "none" is the control: the same publications written again, built again.',
    budgets
      ? 'Budgets of issue 19, per change, at 50,000 publications: ≤ 1% of files new or changed, ≤ 2 MB (raw) to upload.'
      : "Issue 19's budgets (≤ 1% of files new or changed, ≤ 2 MB to upload) are set for 50,000 publications.",
    '',
    growthTable(caption, rows, budgets),
    ...controlWarnings(figures.diffs),
    '',
    "The app's new or changed files, per change:",
  ];
  for (const { change, diff } of figures.diffs.filter((comparison) => comparison.system === APP)) {
    lines.push(`- ${change}: ${groupLine(diff, groupName)}`, '', kindsTable(diff), '');
  }
  if (figures.pagefindError) lines.push(`Pagefind failed: ${figures.pagefindError}`, '');
  const pagefind = figures.diffs.filter((comparison) =>
    comparison.system.endsWith(PAGEFIND_OUTPUT),
  );
  if (pagefind.length) {
    lines.push("Pagefind's files (pagefind/), per change:");
    for (const { change, diff } of pagefind) lines.push(`- ${change}:`, '', kindsTable(diff), '');
  }
  lines.push(
    `Source maps (left out above; ${totals.app.sourceMaps.toLocaleString('en')} files, ${bytes(totals.app.sourceMapBytes)}), new or changed: ` +
      figures.sourceMaps
        .map(({ change, diff }) => `${change} ${newOrChanged(diff)} (${bytes(diff.uploadRaw)})`)
        .join(', '),
  );
  if (figures.stableDataFolder.length) {
    lines.push(
      "The app's data live in a folder named by the build (data/<version>/), so by path every data file is new. Had the folder kept its name:",
      ...figures.stableDataFolder.map(
        ({ change, diff }) =>
          `- ${change}: ${newOrChanged(diff).toLocaleString('en')} of ${diff.after.toLocaleString('en')} files new or changed, ${bytes(diff.uploadRaw)} (${bytes(diff.uploadGzip)} gzipped): ${groupLine(diff, groupName)}`,
      ),
    );
  }
  lines.push(
    '',
    "The whole site (clean build), against the common hosts' limits:",
    ...hostLines(`${APP} (source maps aside)`, totals.app),
    ...(totals.pagefind
      ? hostLines(`Pagefind ${figures.pagefindVersion} (pagefind/)`, totals.pagefind)
      : []),
    ...(totals.pages ? hostLines(`Pagefind's site: ${PAGES}`, totals.pages) : []),
  );
  return lines.join('\n');
}

/**
 * A build of the same publications is byte-identical, so the control ("none") changes nothing;
 * when it does, something else changed between the builds (the code, the glossary: a commit
 * during the run) and every other row carries that change too.
 */
export function controlWarnings(diffs: readonly Comparison[]): string[] {
  return diffs
    .filter(({ change, diff }) => change === 'none' && newOrChanged(diff) > 0)
    .map(
      ({ system, diff }) =>
        `✗ ${system}'s control changed ${newOrChanged(diff).toLocaleString('en')} files: something besides the publications changed between its builds (the code or the glossary, during the run), and the rows above include it. Run it again on a fixed commit (a worktree).`,
    );
}

/** The app's kinds summed into pages, assets, feeds and the rest; data files kind by kind. */
function groupName({ kind }: { kind: string }): string {
  const group = appFileGroup(kind);
  return group === 'data' ? `data files ${kind.slice('data/'.length)}` : group;
}
