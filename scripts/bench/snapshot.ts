import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * A copy of the source the bench measures, taken when it starts. The bench then runs from the
 * copy: its own search code in Node and every build it makes come from the same moment, however
 * the working tree changes during a run of an hour or more (a build made from newer files than
 * the ones Node measures with reads another index format, or gives other counts).
 */

const COPIED = [
  'src',
  'scripts',
  'public',
  'index.html',
  'vite.config.ts',
  'tsconfig.json',
  'package.json',
];

export type Snapshot = {
  dir: string;
  /** The commit checked out, and the files under src/ and scripts/ that differ from it. */
  head: string;
  changed: string[];
};

/** Copies the source into `dir` (node_modules linked, not copied). Reads git, never changes it. */
export function snapshotSource(repo: string, dir: string): Snapshot {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of COPIED) {
    const from = path.join(repo, name);
    if (existsSync(from)) cpSync(from, path.join(dir, name), { recursive: true });
  }
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trimEnd();
    } catch {
      return '';
    }
  };
  const changed = git('status', '--porcelain', '--', 'src', 'scripts')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  return { dir, head: git('rev-parse', '--short', 'HEAD'), changed };
}
