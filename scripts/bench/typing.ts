import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureTyping } from './browser-bench.ts';
import { typingRows } from './report.ts';
import { table } from './stats.ts';

/**
 * npx tsx scripts/bench/typing.ts [--runs 5] [--dist DIR]
 *
 * Keystroke → paint alone, as `npm run bench` measures it, on the demo corpus (data/corpus.json):
 * builds the app from the working tree into a temporary folder (or measures DIR as it is), types
 * the bench's 30-letter query letter by letter with the main thread 4x slower, and prints the
 * figures against their budget with the load average beside them.
 */
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, dist: { type: 'string' } },
});
const runs = Number(values.runs);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

let dist = values.dist;
const temporary = dist ? null : mkdtempSync(path.join(tmpdir(), 'typing-'));
if (temporary) {
  console.log(`Building the demo corpus into ${temporary}…`);
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', temporary], {
    stdio: 'inherit',
    env: { ...process.env, BASE_PATH: '/' },
  });
  dist = temporary;
}
try {
  console.log(`Typing, ${runs} runs (load average before: ${load()})…`);
  const figures = await measureTyping({ dist: dist ?? '', runs }, (run) =>
    console.log(`  run: ${run.keystrokesMs.map((key) => key.toFixed(0)).join(' ')} ms`),
  );
  console.log(`Load average after: ${load()}`);
  console.log(
    table([['figure', 'measured', 'phone estimate', 'against budget'], ...typingRows(figures)]),
  );
} finally {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}
