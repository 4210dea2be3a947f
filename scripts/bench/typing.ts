import { parseArgs } from 'node:util';
import { measureTyping } from './browser-bench.ts';
import { loadAverage, onBuiltSite } from './demo-site.ts';
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

const figures = await onBuiltSite(values.dist, 'typing', async (dist) => {
  console.log(`Typing, ${runs} runs (load average before: ${loadAverage()})…`);
  const figures = await measureTyping({ dist, runs }, (run) =>
    console.log(`  run: ${run.keystrokesMs.map((key) => key.toFixed(0)).join(' ')} ms`),
  );
  console.log(`Load average after: ${loadAverage()}`);
  return figures;
});
console.log(
  table([['figure', 'measured', 'phone estimate', 'against budget'], ...typingRows(figures)]),
);
