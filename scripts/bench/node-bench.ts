import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { createSearchCore, type SearchCore } from '../../src/search/core/search-core.ts';
import {
  DEFAULT_REQUEST,
  type SearchRequest,
  startSchema,
  type StartData,
} from '../../src/search/protocol.ts';
import { readColumns } from '../../src/search/index/columns.ts';
import type { Corpus } from '../../src/corpus/schema.ts';
import { STOP_WORDS, tokenize } from '../../src/search/analysis/text.ts';
import * as v from 'valibot';
import { dataDirectory } from './build-figures.ts';
import { median, percentile } from './stats.ts';

/**
 * The search core measured in Node at full speed (the phone estimate is 4 × these figures, see
 * docs/benchmarking.md), on the files the build wrote; for the synthetic corpus also against plain
 * Fuse.js over the same fields (which needs the whole corpus in memory: the realistic corpora
 * are measured for quality from their probes instead, scripts/bench/quality.ts).
 */

export type BenchQuery = {
  label: string;
  query: string;
  /** What a reader who typed the query wants: the ground truth for recall. */
  wanted?: (doc: TruthDoc) => boolean;
};

type TruthDoc = { id: string; tokens: Set<string>; organizations: readonly string[] };

export const QUERIES: readonly BenchQuery[] = [
  { label: 'one word', query: 'prisoners', wanted: (doc) => doc.tokens.has('prisoners') },
  {
    label: 'two words',
    query: 'political prisoners',
    wanted: (doc) => doc.tokens.has('political') && doc.tokens.has('prisoners'),
  },
  {
    label: 'misspelled name',
    query: 'Bialatski',
    wanted: (doc) => doc.tokens.has('bialiatski') || doc.tokens.has('бяляцкі'),
  },
  {
    label: 'Cyrillic alias',
    query: 'Вясна',
    wanted: (doc) => doc.organizations.includes('viasna') || doc.tokens.has('вясна'),
  },
  {
    label: '3-letter prefix',
    query: 'bia',
    wanted: (doc) => [...doc.tokens].some((token) => token.startsWith('bia')),
  },
];

export type QueryFigures = {
  label: string;
  query: string;
  total: number;
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  fuseMedianMs: number;
  fuseTotal: number;
  recallOfFuse: number;
  top10Agreement: number;
  recallOurs: number;
  recallFuse: number;
  top10PrecisionOurs: number;
  top10PrecisionFuse: number;
};

export type NodeFigures = {
  startFiles: { name: string; raw: number; gzip: number }[];
  readyMs: number;
  queries: QueryFigures[];
  allMedianMs: number;
  allP95Ms: number;
  facetMs: number;
  heapMb: number;
  /** NaN without the Fuse.js comparison. */
  fuseIndexMs: number;
};

function sizes(file: string) {
  const content = readFileSync(file);
  return { raw: content.length, gzip: gzipSync(content).length };
}

/** What the search page loads before it can show results: the HTML, its scripts and styles, start.json. */
function startFiles(dist: string, dataDir: string) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) =>
    (match[1] ?? '').replace(/^\/+/, ''),
  );
  return [
    { name: 'index.html', ...sizes(path.join(dist, 'index.html')) },
    ...linked.map((name) => ({ name, ...sizes(path.join(dist, name)) })),
    { name: 'start.json', ...sizes(path.join(dataDir, 'start.json')) },
  ];
}

async function openCore(dataDir: string, start: StartData): Promise<SearchCore> {
  const read = (name: string) => readFileSync(path.join(dataDir, name));
  return createSearchCore(start, await readColumns(read, start.columns), { read });
}

const request = (query: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({
  ...DEFAULT_REQUEST,
  query,
  sort: query ? 'relevance' : 'newest',
  ...extra,
});

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

function overlap(a: readonly string[], b: ReadonlySet<string>): number {
  return a.filter((id) => b.has(id)).length;
}

export async function benchNode(options: {
  dist: string;
  runs: number;
  /** The queries timed (first use, then warm runs); QUERIES for the synthetic corpus. */
  queries: readonly BenchQuery[];
  /** Compare with plain Fuse.js over the whole corpus, read into memory (synthetic corpus). */
  fuse?: { corpusFile: string; runs: number };
}): Promise<NodeFigures> {
  const dataDir = dataDirectory(options.dist);
  const start = v.parse(
    startSchema,
    JSON.parse(readFileSync(path.join(dataDir, 'start.json'), 'utf8')),
  );

  // Worker ready: what the worker does before it can filter and count.
  const readyTimes: number[] = [];
  for (let run = 0; run < 7; run++)
    readyTimes.push((await time(() => openCore(dataDir, start))).ms);

  const heapBefore = heapMb();
  const core = await openCore(dataDir, start);
  const figures: QueryFigures[] = [];
  const allTimes: number[] = [];
  for (const { label, query } of options.queries) {
    // The first search of a word loads its index blocks and the result cards.
    const first = await time(() => core.search(request(query)));
    const times: number[] = [];
    for (let run = 0; run < options.runs; run++)
      times.push((await time(() => core.search(request(query)))).ms);
    allTimes.push(...times);
    figures.push({
      label,
      query,
      total: first.value.total,
      firstMs: first.ms,
      medianMs: median(times),
      p95Ms: percentile(times, 95),
      ...NO_COMPARISON,
    });
  }
  const topOrg =
    start.organizations[
      start.first.facets.organizations.indexOf(Math.max(...start.first.facets.organizations))
    ]?.id ?? '';
  const facetTimes: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    facetTimes.push(
      (
        await time(() =>
          core.search(
            request('', { types: ['report', 'statement'], organizations: [topOrg], from: '2010' }),
          ),
        )
      ).ms,
    );
  }
  const heapAfter = heapMb();
  const compared = options.fuse
    ? await compareWithFuse(core, options.queries, figures, options.fuse)
    : { queries: figures, fuseIndexMs: Number.NaN };

  return {
    startFiles: startFiles(options.dist, dataDir),
    readyMs: median(readyTimes),
    queries: compared.queries,
    allMedianMs: median(allTimes),
    allP95Ms: percentile(allTimes, 95),
    facetMs: median(facetTimes),
    heapMb: heapAfter - heapBefore,
    fuseIndexMs: compared.fuseIndexMs,
  };
}

const NO_COMPARISON = {
  fuseMedianMs: Number.NaN,
  fuseTotal: Number.NaN,
  recallOfFuse: Number.NaN,
  top10Agreement: Number.NaN,
  recallOurs: Number.NaN,
  recallFuse: Number.NaN,
  top10PrecisionOurs: Number.NaN,
  top10PrecisionFuse: Number.NaN,
};

/** Quality: every match, ours and plain Fuse.js's, against what the query means. */
async function compareWithFuse(
  core: SearchCore,
  specs: readonly BenchQuery[],
  figures: readonly QueryFigures[],
  options: { corpusFile: string; runs: number },
): Promise<{ queries: QueryFigures[]; fuseIndexMs: number }> {
  const corpus: Corpus = JSON.parse(readFileSync(options.corpusFile, 'utf8'));
  const orgNames = new Map(
    corpus.organizations.map((org) => [org.id, [org.name, ...(org.aliases ?? [])].join(' ')]),
  );
  const documents = corpus.publications.map((publication) => ({
    title: publication.title,
    summary: publication.summary ?? '',
    organizations: publication.organizations.map((id) => orgNames.get(id) ?? '').join(' '),
    tags: (publication.tags ?? []).join(' '),
  }));
  const fuseBuild = await time(
    () =>
      new Fuse(documents, {
        keys: [
          { name: 'title', weight: 3 },
          { name: 'organizations', weight: 2.5 },
          { name: 'tags', weight: 2 },
          { name: 'summary', weight: 1 },
        ],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.3,
      }),
  );
  const fuse = fuseBuild.value;
  const truthDocs: TruthDoc[] = corpus.publications.map((publication, index) => ({
    id: publication.id,
    tokens: new Set(
      tokenize(
        [
          documents[index]?.title,
          documents[index]?.summary,
          documents[index]?.tags,
          documents[index]?.organizations,
        ].join(' '),
      ),
    ),
    organizations: publication.organizations,
  }));

  const queries: QueryFigures[] = [];
  for (const [index, spec] of specs.entries()) {
    const ours = figures[index];
    if (!ours) continue;
    const fuseTimes: number[] = [];
    let fuseIds: string[] = [];
    for (let run = 0; run < options.runs; run++) {
      const result = await time(() => fuse.search(spec.query));
      fuseTimes.push(result.ms);
      fuseIds = result.value.map((hit) => corpus.publications[hit.refIndex]?.id ?? '');
    }
    const all = await core.search(request(spec.query, { limit: corpus.publications.length }));
    const ourIds = all.hits.map((hit) => hit.id);
    const wanted = spec.wanted ?? (() => false);
    const truth = new Set(
      truthDocs.filter((doc) => wanted(doc) && !STOP_WORDS.has(spec.query)).map((doc) => doc.id),
    );
    const ourSet = new Set(ourIds);
    const fuseTop = new Set(fuseIds.slice(0, 10));
    queries.push({
      ...ours,
      fuseMedianMs: median(fuseTimes),
      fuseTotal: fuseIds.length,
      recallOfFuse: fuseIds.length ? overlap(fuseIds, ourSet) / fuseIds.length : 1,
      top10Agreement: fuseTop.size ? overlap(ourIds.slice(0, 10), fuseTop) / fuseTop.size : 1,
      recallOurs: truth.size ? overlap([...truth], ourSet) / truth.size : 1,
      recallFuse: truth.size ? overlap([...truth], new Set(fuseIds)) / truth.size : 1,
      top10PrecisionOurs:
        overlap(ourIds.slice(0, 10), truth) / Math.max(1, Math.min(10, ourIds.length)),
      top10PrecisionFuse:
        overlap(fuseIds.slice(0, 10), truth) / Math.max(1, Math.min(10, fuseIds.length)),
    });
  }
  return { queries, fuseIndexMs: fuseBuild.ms };
}
