import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { DeflateCache, IndexCheckpoint, SavedIndex } from '../src/search/index/build-data.ts';

/**
 * The incremental build's cache (docs/decisions/017-growing-archive.md, "The incremental build"):
 * what a build of a corpus may take from the last build of the same corpus instead of making it
 * again. Everything in it is keyed by a hash of every input that makes it, the code included, so
 * what is taken is what a clean build would make: a build from the cache is byte-identical to a
 * clean one (scripts/incremental-build.test.ts).
 *
 * BUILD_CACHE=<folder> puts it elsewhere; BUILD_CACHE=off builds without it.
 */

/** Bumped when what the cache holds changes shape: every entry made before is then ignored. */
export const BUILD_CACHE_VERSION = '1';

const DEFAULT_FOLDER = 'node_modules/.cache/statement-explorer';
const OFF = new Set(['off', '0', 'false', 'no']);

/** The cache's folder, or null when the build runs without one. */
export function buildCacheFolder(root: string, value = process.env.BUILD_CACHE): string | null {
  const setting = value?.trim() ?? '';
  if (OFF.has(setting.toLowerCase())) return null;
  return path.resolve(root, setting || DEFAULT_FOLDER);
}

export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * The folder of one build's entries: a corpus built at one address. The e2e suite builds several
 * sites side by side; each keeps its own, and a build tidies only its own.
 */
export function cacheSlot(
  folder: string,
  slot: { corpus: string; base: string; siteUrl: string | undefined },
): string {
  const name = sha256(JSON.stringify([slot.corpus, slot.base, slot.siteUrl ?? null]));
  return path.join(folder, name.slice(0, 16));
}

/**
 * What every key includes beside its own inputs: the cache's version, Node's (zlib, V8's sort)
 * and the installed packages' (package-lock.json): code a bundle imports from node_modules is
 * not in the bundle's bytes.
 */
export function toolchainKey(root: string): string {
  let lock = '';
  try {
    lock = readFileSync(path.join(root, 'package-lock.json'), 'utf8');
  } catch {
    lock = 'no package-lock.json';
  }
  return sha256(BUILD_CACHE_VERSION, process.version, JSON.stringify(process.versions), lock);
}

/**
 * A hash of the source files under `folders` (every file, recursively, in a stable order): the
 * version of the code that makes an entry.
 */
export function sourceKey(root: string, folders: readonly string[]): string {
  const hash = createHash('sha256');
  const visit = (relative: string) => {
    const entries = readdirSync(path.join(root, relative), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) {
        hash
          .update(child)
          .update('\0')
          .update(readFileSync(path.join(root, child)))
          .update('\0');
      }
    }
  };
  for (const folder of folders) visit(folder);
  return hash.digest('hex');
}

/** Writes whole, then renames: a build stopped midway, or one beside it, never reads half. */
export function writeAtomically(file: string, content: Uint8Array | string) {
  mkdirSync(path.dirname(file), { recursive: true });
  const part = `${file}.${process.pid}.part`;
  writeFileSync(part, content);
  renameSync(part, file);
}

/** Where a publication page is kept in the cache, by its key (scripts/prerender-entry.ts). */
export function cachedPage(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.html`);
}

/** Deletes the files under `folder` (one level of subfolders) that `keep` does not name. */
export function keepOnly(folder: string, keep: ReadonlySet<string>) {
  let subfolders: string[];
  try {
    subfolders = readdirSync(folder);
  } catch {
    return;
  }
  for (const subfolder of subfolders) {
    const inner = path.join(folder, subfolder);
    let names: string[];
    try {
      names = readdirSync(inner);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!keep.has(name)) rmSync(path.join(inner, name), { force: true });
    }
  }
}

/** The code that the index builder's state depends on: see `indexCheckpoint`. */
const INDEX_SOURCES = ['src/search/analysis', 'src/search/glossary', 'src/search/index'];

/**
 * Where a build keeps the index builder's state for the next build of the same corpus
 * (src/search/index/build-data.ts, `IndexCheckpoint`): one file in its slot, named by the code's
 * key (the index's and analysis' sources, the toolchain), the publications it holds and their
 * digest, so that what a file is cannot be told apart from the file, and a change of the code
 * that made it leaves it unused.
 */
export function indexCheckpoint(root: string, slot: string): IndexCheckpoint {
  const code = sha256('index state', toolchainKey(root), sourceKey(root, INDEX_SOURCES)).slice(
    0,
    32,
  );
  const folder = path.join(slot, 'index');
  const named = /^([0-9a-f]{32})\.(\d+)\.([0-9a-f]{64})\.bin$/;
  let files: string[] = [];
  try {
    files = readdirSync(folder);
  } catch {
    files = [];
  }
  let newest: { name: string; count: number; digest: string } | null = null;
  for (const name of files) {
    const match = named.exec(name);
    if (!match || match[1] !== code) continue;
    const count = Number(match[2]);
    if (newest && newest.count >= count) continue;
    newest = { name, count, digest: match[3] ?? '' };
  }
  let saved: SavedIndex | null = null;
  if (newest) {
    try {
      // Opened now: another build of the corpus may replace the file meanwhile, not this one's.
      const fd = openSync(path.join(folder, newest.name), 'r');
      saved = {
        count: newest.count,
        digest: newest.digest,
        state: () => {
          try {
            return readFileSync(fd);
          } finally {
            closeSync(fd);
          }
        },
      };
    } catch {
      saved = null;
    }
  }
  return {
    saved,
    save(count, digest, state) {
      mkdirSync(folder, { recursive: true });
      const name = `${code}.${count}.${digest}.bin`;
      const part = path.join(folder, `${name}.${process.pid}.part`);
      const fd = openSync(part, 'w');
      try {
        for (const bytes of state) writeSync(fd, bytes);
      } finally {
        closeSync(fd);
      }
      renameSync(part, path.join(folder, name));
      // One state is kept: the newest.
      for (const other of files) {
        if (other !== name && named.test(other)) rmSync(path.join(folder, other), { force: true });
      }
    },
  };
}

/** A data file named by its content (docs/index-format.md): its path says what its bytes are. */
const CONTENT_NAMED = /^data\/(?!publications\/).*(^|[/.])[0-9a-f]{16}[/.]/;

/**
 * What each file of a build's output is, by its path: a data file named by its content by that
 * name, a publication page by its key in the cache, any other file by a hash of its bytes.
 */
export function outputManifest(outDir: string, pageKeys: ReadonlyMap<string, string>) {
  const manifest = new Map<string, string>();
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(outDir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else if (CONTENT_NAMED.test(child)) manifest.set(child, '=');
      else {
        const key = pageKeys.get(child);
        manifest.set(child, key ?? sha256(readFileSync(path.join(outDir, child))));
      }
    }
  };
  visit('');
  return manifest;
}

/**
 * Compares a build's output with the last build's (kept in the slot), then keeps this one's:
 * how many files are new or changed, their bytes, and how many are gone (issue 19: what a
 * deploy uploads). Null when there was no last build to compare with.
 */
export function compareWithLastBuild(
  slot: string,
  outDir: string,
  manifest: ReadonlyMap<string, string>,
): { files: number; changed: number; bytes: number; removed: number } | null {
  const file = path.join(slot, 'output-manifest.json');
  let previous: Map<string, string> | null = null;
  try {
    const entries: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(entries)) {
      previous = new Map(
        entries.flatMap((entry) =>
          Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string'
            ? [[entry[0], entry[1]] as const]
            : [],
        ),
      );
    }
  } catch {
    previous = null;
  }
  writeAtomically(file, JSON.stringify([...manifest]));
  if (!previous) return null;
  let changed = 0;
  let bytes = 0;
  for (const [name, identity] of manifest) {
    if (previous.get(name) === identity) continue;
    changed++;
    bytes += statSync(path.join(outDir, name)).size;
  }
  let removed = 0;
  for (const name of previous.keys()) if (!manifest.has(name)) removed++;
  return { files: manifest.size, changed, bytes, removed };
}

/**
 * Binary data files deflated by the last build, by the SHA-256 of their bytes before deflating
 * (src/search/index/build-data.ts, `DeflateCache`), in a folder of the toolchain's key: another
 * zlib may deflate the same bytes otherwise. `prune` keeps what this build used.
 */
export function deflateCache(root: string, slot: string): DeflateCache & { prune(): void } {
  const folder = path.join(slot, `deflated-${toolchainKey(root).slice(0, 16)}`);
  const used = new Set<string>();
  const file = (digest: string) => path.join(folder, digest.slice(0, 2), digest);
  return {
    get(digest) {
      try {
        const bytes = readFileSync(file(digest));
        used.add(digest);
        return bytes;
      } catch {
        return undefined;
      }
    },
    put(digest, deflated) {
      writeAtomically(file(digest), deflated);
      used.add(digest);
    },
    prune() {
      keepOnly(folder, used);
      for (const name of readdirSync(slot)) {
        if (name.startsWith('deflated-') && path.join(slot, name) !== folder) {
          rmSync(path.join(slot, name), { recursive: true, force: true });
        }
      }
    },
  };
}
