import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

/** The machine's load average over 1, 5 and 15 minutes, as printed beside browser timings. */
export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

/**
 * Measures a built site: `dist` as it is when given, else the working tree built on the demo
 * corpus into a temporary folder (`name-…`), removed afterwards.
 */
export async function onBuiltSite<T>(
  dist: string | undefined,
  name: string,
  measure: (dist: string) => Promise<T>,
): Promise<T> {
  if (dist) return measure(dist);
  const temporary = mkdtempSync(path.join(tmpdir(), `${name}-`));
  try {
    console.log(`Building the demo corpus into ${temporary}…`);
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', temporary], {
      stdio: 'inherit',
      env: { ...process.env, BASE_PATH: '/' },
    });
    return await measure(temporary);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}
