import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './stats.ts';

/**
 * A build's cost and what it wrote: the build runs as a child under GNU time (`/usr/bin/time -v`)
 * for its wall-clock time and peak memory (the largest resident set of the process tree), and
 * every output file is measured raw, gzipped, and as the bench's static server sends it.
 */

export type TimedRun = {
  seconds: number;
  /** "Maximum resident set size" of the child (the largest process of its tree), in bytes. */
  peakBytes: number;
  /** The child's own output on stderr, without GNU time's report. */
  stderr: string;
};

/** `h:mm:ss` or `m:ss.cc` as GNU time prints the elapsed time. */
function parseElapsed(text: string): number {
  return text
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);
}

/** What the machine has left, in kB (/proc/meminfo's MemAvailable); Infinity where unknown. */
function availableKb(): number {
  try {
    const line = /MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'));
    return line ? Number(line[1]) : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The processes started by `pid`, their children first (/proc/<pid>/task/<tid>/children). */
function descendants(pid: number): number[] {
  const found: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of text ? text.split(/\s+/).map(Number) : []) {
        found.push(...descendants(child), child);
      }
    }
  } catch {
    // Gone meanwhile.
  }
  return found;
}

/** The largest resident set a process has had so far, in kB (VmHWM). */
function peakKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * The machine is shared: when what it has left falls under this, the timed command is stopped
 * (SIGKILL to the processes it started, which this bench started) rather than let the kernel's
 * out-of-memory killer choose among everyone's processes.
 */
const MIN_AVAILABLE_KB = 1.5 * 1024 * 1024;

/**
 * Runs `command args…` under `/usr/bin/time -v`; throws with its stderr when it fails, or when
 * the machine runs short of memory (then says how much the command had taken).
 */
export function timedRun(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', command, ...args], {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    let stopped: string | null = null;
    let peak = 0;
    const watch = setInterval(() => {
      const tree = child.pid ? descendants(child.pid) : [];
      for (const pid of tree) peak = Math.max(peak, peakKb(pid));
      if (stopped || availableKb() >= MIN_AVAILABLE_KB) return;
      const minutes = ((performance.now() - started) / 60_000).toFixed(1);
      stopped = `stopped by the bench after ${minutes} min: the machine had under ${(MIN_AVAILABLE_KB / 1024 ** 2).toFixed(1)} GB of memory left, the command's largest process had reached ${(peak / 1024 ** 2).toFixed(1)} GB`;
      for (const pid of tree) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }, 250);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (error) => {
      clearInterval(watch);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(watch);
      const report = stderr.lastIndexOf('\tCommand being timed:');
      const own = report >= 0 ? stderr.slice(0, report) : stderr;
      const times = report >= 0 ? stderr.slice(report) : '';
      if (stopped || status !== 0) {
        const why = stopped ?? `status ${status}`;
        reject(new Error(`${command} ${args.join(' ')} failed (${why}):\n${own.slice(-4000)}`));
        return;
      }
      const elapsed = /Elapsed \(wall clock\)[^\n]*\): ([\d:.]+)/.exec(times)?.[1];
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(times)?.[1];
      if (!elapsed || !rss) {
        reject(new Error(`no GNU time report from ${command}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ seconds: parseElapsed(elapsed), peakBytes: Number(rss) * 1024, stderr: own });
    });
  });
}

/**
 * The app's build of `corpus` into `outDir`, timed, from the source in `root` (the bench's
 * snapshot; scripts/corpus-plugin.ts reads CORPUS).
 */
export function buildApp(
  corpus: string,
  outDir: string,
  root: string,
  nodeOptions?: string,
): Promise<TimedRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, CORPUS: path.resolve(corpus), BASE_PATH: '/' };
  if (nodeOptions) env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${nodeOptions}`.trim();
  return timedRun(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--logLevel',
      'error',
      '--outDir',
      path.resolve(outDir),
      '--emptyOutDir',
    ],
    { env, cwd: root },
  );
}

/** What scripts/serve.ts gzips (by extension): everything else goes out as it is on disk. */
const COMPRESSED_BY_SERVER = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.map',
  '.txt',
  '.xml',
  '.atom',
]);

export type FileFigure = { name: string; raw: number; gzip: number; wire: number };

export type KindFigures = {
  kind: string;
  count: number;
  raw: number;
  gzip: number;
  /** Bytes the bench's static server sends (gzip for text types, the file as it is otherwise). */
  wire: number;
  medianGzip: number;
  maxGzip: number;
  medianWire: number;
  maxWire: number;
};

export type OutputFigures = {
  files: number;
  raw: number;
  gzip: number;
  wire: number;
  kinds: KindFigures[];
  /** The largest file a query may fetch, by bytes on the wire, and by gzip. */
  largestQueryFile: FileFigure | null;
  largestQueryFileGzip: FileFigure | null;
  largestPublication: FileFigure | null;
};

function listFiles(root: string): string[] {
  const names: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) names.push(name);
    }
  };
  walk('');
  return names.sort();
}

function measureFile(root: string, name: string): FileFigure {
  const content = readFileSync(path.join(root, name));
  const gzip = gzipSync(content).length;
  const wire = COMPRESSED_BY_SERVER.has(path.extname(name)) ? gzip : content.length;
  return { name, raw: content.length, gzip, wire };
}

/** How output files are grouped: the app's data kinds, or a path with its numbers as `*`. */
export type Classifier = (name: string) => { kind: string; query: boolean; publication: boolean };

/**
 * The app's build: its data files by kind (index/d.*.bin…), whether under `data/<version>/` or in
 * one `data/` folder (issue 19), the rest by folder and extension.
 * A query may fetch any data file but a publication's (which only a body-only passage reads) and
 * those the page loads before any query (start.json, columns/).
 */
export const appKinds: Classifier = (name) => {
  const data = /^data\/(?:[0-9a-f]{8,}\/)?(.*)$/.exec(name)?.[1];
  if (data !== undefined) {
    if (data.startsWith('publications/'))
      return { kind: 'publications/*', query: false, publication: true };
    if (data.startsWith('cards/')) return { kind: 'cards/*', query: true, publication: false };
    // The start data and the columns load with the page, before any query.
    const start = data === 'start.json' || data.startsWith('columns/');
    // Files are named by their content (index/d.<hash>.bin, cards/<hash>.json): the hash as `*`.
    const kind = data.replace(/[0-9a-f]{16}(?=\.\w+$)/, '*').replace(/\d+(?=\.\w+$)/, '*');
    return { kind, query: !start, publication: false };
  }
  // The page and its code (fetched at navigation, not by a query), the feeds.
  const folder = name.includes('/') ? `${name.split('/')[0]}/` : '';
  return { kind: `${folder}*${path.extname(name)}`, query: false, publication: false };
};

/**
 * Pagefind's bundle (`pagefind/…`), by folder and file type. A query fetches index chunks,
 * fragments (each page's text, for its result) and filters; the rest loads with the page.
 */
export const pagefindKinds: Classifier = (name) => {
  const folder = name.split('/').slice(0, -1).join('/');
  const extension = path.extname(name);
  const kind = folder ? `${folder}/*${extension}` : `*${extension}`;
  return { kind, query: ['index', 'fragment', 'filter'].includes(folder), publication: false };
};

/** Every file under `root`, measured and grouped. Reads (and gzips) all of them: ~1 s per 100 MB. */
export function outputFigures(root: string, classify: Classifier): OutputFigures {
  const groups = new Map<string, FileFigure[]>();
  let largestQueryFile: FileFigure | null = null;
  let largestQueryFileGzip: FileFigure | null = null;
  let largestPublication: FileFigure | null = null;
  const totals = { files: 0, raw: 0, gzip: 0, wire: 0 };
  for (const name of listFiles(root)) {
    if (name.endsWith('.map')) continue; // source maps: never fetched by a reader
    const file = measureFile(root, name);
    const { kind, query, publication } = classify(name);
    const group = groups.get(kind) ?? [];
    group.push(file);
    groups.set(kind, group);
    totals.files += 1;
    totals.raw += file.raw;
    totals.gzip += file.gzip;
    totals.wire += file.wire;
    if (query && file.wire > (largestQueryFile?.wire ?? -1)) largestQueryFile = file;
    if (query && file.gzip > (largestQueryFileGzip?.gzip ?? -1)) largestQueryFileGzip = file;
    if (publication && file.gzip > (largestPublication?.gzip ?? -1)) largestPublication = file;
  }
  const kinds = [...groups]
    .map(([kind, files]) => ({
      kind,
      count: files.length,
      raw: files.reduce((sum, file) => sum + file.raw, 0),
      gzip: files.reduce((sum, file) => sum + file.gzip, 0),
      wire: files.reduce((sum, file) => sum + file.wire, 0),
      medianGzip: median(files.map((file) => file.gzip)),
      // Not Math.max(...): 200,000 publications' files overflow the call stack as arguments.
      maxGzip: files.reduce((max, file) => Math.max(max, file.gzip), 0),
      medianWire: median(files.map((file) => file.wire)),
      maxWire: files.reduce((max, file) => Math.max(max, file.wire), 0),
    }))
    .sort((a, b) => b.wire - a.wire);
  return { ...totals, kinds, largestQueryFile, largestQueryFileGzip, largestPublication };
}

/** The folder of the build's data files: `data/`, or `data/<version>` in builds before one folder. */
export function dataDirectory(dist: string): string {
  const root = path.join(dist, 'data');
  if (existsSync(path.join(root, 'start.json'))) return root;
  const [version] = readdirSync(root).filter((name) =>
    statSync(path.join(root, name)).isDirectory(),
  );
  if (!version) throw new Error(`no data in ${root}`);
  return path.join(root, version);
}
