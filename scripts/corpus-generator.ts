import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';
import { describeStats, generateRealisticCorpus } from './generate-realistic-corpus.ts';

/**
 * npm run corpus:generate -- --count 50000 --out FILE [--seed 1] [--vocabulary real|synthetic]
 *
 * Writes a valid corpus for benchmarks and scale tests. `synthetic` (the default) draws from a
 * few thousand words; `real` from every word form of Debian's hunspell dictionaries for
 * Belarusian, Russian and English, with Zipf's law, and writes probes beside it
 * (docs/benchmarking.md). The same seed and count always give the same file.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      vocabulary: { type: 'string', default: 'synthetic' },
    },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 0) throw new Error('--count must be a whole number');
  if (values.vocabulary !== 'synthetic' && values.vocabulary !== 'real') {
    throw new Error('--vocabulary must be "real" or "synthetic"');
  }
  const out = values.out ?? `bench-results/corpus-${count}.json`;
  const options = { count, out, seed: Number(values.seed) };
  const started = performance.now();
  if (values.vocabulary === 'real') {
    const stats = await generateRealisticCorpus(options);
    const seconds = (performance.now() - started) / 1000;
    for (const line of describeStats(stats, out, seconds)) console.log(line);
    return;
  }
  await generateCorpus(options);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${count.toLocaleString('en')} publications to ${out} in ${seconds} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
