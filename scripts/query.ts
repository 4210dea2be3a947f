import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { validateCorpus } from '../src/corpus/corpus-validator.ts';
import { createSearchCore } from '../src/search/core/search-core.ts';
import {
  buildData,
  corpusSource,
  memoryStore,
  storeSource,
} from '../src/search/index/build-data.ts';
import { readColumns } from '../src/search/index/columns.ts';
import { DEFAULT_REQUEST } from '../src/search/protocol.ts';

/**
 * Runs queries over a corpus in Node and prints the top results: a quick look at what search
 * does, for whoever changes it.
 *
 *   npx tsx scripts/query.ts [--corpus data/corpus.json] [--limit 10] "query" ["query" …]
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string', default: 'data/corpus.json' },
    limit: { type: 'string', default: '10' },
  },
});
const bytes = readFileSync(values.corpus);
const text = values.corpus.endsWith('.gz')
  ? gunzipSync(bytes).toString('utf8')
  : bytes.toString('utf8');
const result = validateCorpus(JSON.parse(text));
if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
const store = memoryStore();
const { start } = await buildData(corpusSource(result.corpus), store);
const source = storeSource(store);
const core = createSearchCore(
  start,
  await readColumns((name) => store.read(name), start.columns),
  source,
);
for (const query of positionals) {
  const response = await core.search({
    ...DEFAULT_REQUEST,
    query,
    sort: 'relevance',
    limit: Number(values.limit),
  });
  const extra = response.suggestion ? ` — did you mean «${response.suggestion}»?` : '';
  console.log(`\n«${query}»: ${response.total} (${response.partial ?? 0} partial)${extra}`);
  for (const hit of response.hits) {
    const partial = hit.partial ? ` (${hit.partial.held}/${hit.partial.of})` : '';
    const via = hit.via ? ` [via ${hit.via.language} «${hit.via.term}»]` : '';
    console.log(
      `  ${hit.date.padEnd(10)} ${hit.language} ${hit.title.slice(0, 90)}${partial}${via}`,
    );
  }
}
