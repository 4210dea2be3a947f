import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Corpus } from '../../../src/corpus/schema.ts';
import {
  gradesByQuery,
  JUDGMENTS_FILE,
  KINDS,
  readCorpus,
  readJudgments,
  readQueries,
  type JudgedQuery,
} from './judged-set.ts';
import {
  CUTOFF,
  meanFigures,
  queryFigures,
  unjudged,
  type Grades,
  type MeanFigures,
  type QueryFigures,
} from './metrics.ts';
import {
  askApp,
  askBm25,
  askPagefind,
  plainText,
  SYSTEMS,
  type Answer,
  type SystemName,
} from './systems.ts';

/**
 * npm run bench:relevance [-- --unjudged --no-pagefind]
 *
 * The judged relevance bench (docs/benchmarking.md, "Judged relevance"): every query of
 * bench/relevance/queries.json asked of the app, Pagefind and plain BM25 over the same corpus;
 * nDCG@10, P@5, recall@10 and the queries with nothing relevant in the top 10, overall, per
 * language and per kind of query, side by side, against the budgets of issue 16. `--unjudged`
 * prints every publication of a top 10 that nobody has judged yet, with the need and the text to
 * judge it by, and the lines to append to bench/relevance/judgments.tsv.
 */

/** `--show be-02,ru-07`: each system's top 10 for those queries, with their grades and titles. */
function showReport(run: Run, ids: readonly string[]): string {
  const titles = new Map(
    run.corpus.publications.map((p) => [p.id, `${p.language ?? ''} ${p.title}`]),
  );
  const lines: string[] = [];
  run.queries.forEach((query, index) => {
    if (!ids.includes(query.id)) return;
    lines.push(`\n##### ${query.id} «${query.query}»\nneed: ${query.need}`);
    const grades = run.grades.get(query.id) ?? new Map<string, number>();
    for (const system of SYSTEMS) {
      const answer = run.answers[system]?.[index];
      if (!answer) continue;
      lines.push(`-- ${system} (${answer.total})`);
      answer.top.slice(0, CUTOFF).forEach((id, rank) => {
        const grade = grades.get(id);
        lines.push(
          `  ${rank + 1}. [${grade ?? '?'}] ${id}: ${(titles.get(id) ?? '').slice(0, 90)}`,
        );
      });
    }
  });
  return lines.join('\n');
}

export type Run = {
  corpus: Corpus;
  queries: JudgedQuery[];
  grades: Map<string, Map<string, number>>;
  answers: Partial<Record<SystemName, Answer[]>>;
};

export async function runRelevance(options: { pagefind: boolean }): Promise<Run> {
  const corpus = readCorpus();
  const queries = readQueries();
  const texts = queries.map((q) => q.query);
  const answers: Run['answers'] = {};
  answers.app = await askApp(corpus, texts);
  if (options.pagefind)
    answers.pagefind = await askPagefind(corpus, texts, path.join('bench-results', 'relevance'));
  answers.bm25 = askBm25(corpus, texts);
  return { corpus, queries, grades: gradesByQuery(readJudgments()), answers };
}

// --- Figures -----------------------------------------------------------------------------------------
const NO_GRADES: Grades = new Map();

function figuresOf(run: Run, system: SystemName): QueryFigures[] | null {
  const answers = run.answers[system];
  if (!answers) return null;
  return run.queries.map((q, i) =>
    queryFigures(answers[i]?.top ?? [], run.grades.get(q.id) ?? NO_GRADES),
  );
}

type Group = { label: string; members: (q: JudgedQuery) => boolean };

const GROUPS: Group[] = [
  { label: 'all', members: () => true },
  ...(['be', 'ru', 'en'] as const).map((language) => ({
    label: language,
    members: (q: JudgedQuery) => q.language === language,
  })),
  ...KINDS.map((kind) => ({ label: kind, members: (q: JudgedQuery) => q.kind === kind })),
];

function groupMeans(run: Run, system: SystemName, group: Group): MeanFigures | null {
  const figures = figuresOf(run, system);
  if (!figures) return null;
  return meanFigures(figures.filter((_, i) => group.members(run.queries[i] as JudgedQuery)));
}

const fixed = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '   –' : value.toFixed(2);

function figuresTable(run: Run): string[] {
  const blocks = ['nDCG@10', 'P@5', 'recall@10', 'nothing relevant'];
  const systems = SYSTEMS.map((s) => s.padStart(9)).join('');
  const lines = [
    ''.padEnd(24) + blocks.map((b) => b.padStart(27)).join(' │'),
    'group (queries)'.padEnd(24) + blocks.map(() => systems).join(' │'),
  ];
  for (const group of GROUPS) {
    const means = SYSTEMS.map((s) => groupMeans(run, s, group));
    const count = run.queries.filter(group.members).length;
    if (count === 0) continue;
    const judged = means.find((m) => m)?.queries ?? 0;
    const label = `${group.label} (${judged}${judged < count ? ` of ${count}` : ''})`;
    const cell = (pick: (m: MeanFigures) => number, format: (n: number) => string) =>
      means.map((m) => (m ? format(pick(m)) : '–').padStart(9)).join('');
    lines.push(
      label.padEnd(24) +
        [
          cell((m) => m.ndcg, fixed),
          cell((m) => m.p5, fixed),
          cell((m) => m.recall, fixed),
          cell((m) => m.nothing, String),
        ].join(' │'),
    );
  }
  return lines;
}

// --- Budgets (issue 16) ----------------------------------------------------------------------------
type BudgetRow = { label: string; value: string; ok: boolean | null };

function budgetRows(run: Run): BudgetRow[] {
  const mean = (system: SystemName, members: Group['members']) =>
    groupMeans(run, system, { label: '', members })?.ndcg ?? Number.NaN;
  const app = mean('app', () => true);
  const pagefind = mean('pagefind', () => true);
  const rows: BudgetRow[] = [
    { label: 'nDCG@10 overall ≥ 0.90', value: fixed(app), ok: app >= 0.9 },
    ...(['be', 'ru', 'en'] as const).map((language) => {
      const value = mean('app', (q) => q.language === language);
      return { label: `nDCG@10 ${language} ≥ 0.85`, value: fixed(value), ok: value >= 0.85 };
    }),
    {
      label: "nDCG@10 ≥ Pagefind's + 0.15",
      value: `${fixed(app)} vs ${fixed(pagefind)} + 0.15`,
      ok: Number.isNaN(pagefind) ? null : app >= pagefind + 0.15,
    },
  ];
  const cross = mean('app', (q) => q.kind === 'cross-language');
  rows.push({ label: 'cross-language nDCG@10 ≥ 0.6', value: fixed(cross), ok: cross >= 0.6 });
  // "No query returns nothing where plain BM25 finds a relevant publication."
  const empty = run.queries.filter((q, i) => {
    const grades = run.grades.get(q.id) ?? NO_GRADES;
    const bm25Finds = (run.answers.bm25?.[i]?.top ?? []).some((id) => (grades.get(id) ?? 0) > 0);
    return bm25Finds && run.answers.app?.[i]?.total === 0;
  });
  rows.push({
    label: 'no query returns nothing where BM25 finds a relevant publication',
    value: empty.length ? `${empty.length}: ${empty.map((q) => q.id).join(' ')}` : 'none',
    ok: empty.length === 0,
  });
  const missed = run.queries.filter((q, i) => {
    const grades = run.grades.get(q.id) ?? NO_GRADES;
    const relevant = (top: string[] | undefined) =>
      (top ?? []).some((id) => (grades.get(id) ?? 0) > 0);
    return relevant(run.answers.bm25?.[i]?.top) && !relevant(run.answers.app?.[i]?.top);
  });
  rows.push({
    label: '(also) nothing relevant in the top 10 where BM25 has some',
    value: missed.length ? `${missed.length}: ${missed.map((q) => q.id).join(' ')}` : 'none',
    ok: null,
  });
  return rows;
}

// --- Lists ------------------------------------------------------------------------------------------
function perQuery(run: Run): string[] {
  const lines = [
    `${'query'.padEnd(7)} ${'kind'.padEnd(18)} ${SYSTEMS.map((s) => `${s} nDCG (found)`.padStart(22)).join('')}  query`,
  ];
  run.queries.forEach((q, i) => {
    const grades = run.grades.get(q.id) ?? NO_GRADES;
    const cells = SYSTEMS.map((system) => {
      const answer = run.answers[system]?.[i];
      if (!answer) return '–'.padStart(22);
      const f = queryFigures(answer.top, grades);
      const mark = f.ndcg !== null && f.nothing ? ' ✗' : '';
      return `${fixed(f.ndcg ?? undefined)} (${answer.total})${mark}`.padStart(22);
    });
    lines.push(`${q.id.padEnd(7)} ${q.kind.padEnd(18)} ${cells.join('')}  «${q.query}»`);
  });
  return lines;
}

function unjudgedCount(run: Run): { total: number; bySystem: string } {
  const pooled = new Set<string>();
  const bySystem = SYSTEMS.map((system) => {
    let n = 0;
    run.queries.forEach((q, i) => {
      for (const id of unjudged(
        run.answers[system]?.[i]?.top ?? [],
        run.grades.get(q.id) ?? NO_GRADES,
      )) {
        n++;
        pooled.add(`${q.id}\t${id}`);
      }
    });
    return run.answers[system] ? `${system} ${n}` : null;
  }).filter(Boolean);
  return { total: pooled.size, bySystem: bySystem.join(', ') };
}

export function relevanceReport(run: Run): string {
  const judgments = [...run.grades.values()].reduce((n, g) => n + g.size, 0);
  const byLanguage = (language: string) =>
    run.corpus.publications.filter((p) => (p.language ?? run.corpus.language) === language).length;
  const pending = unjudgedCount(run);
  const budgets = budgetRows(run);
  const nothing = SYSTEMS.flatMap((system) => {
    const figures = figuresOf(run, system);
    const answers = run.answers[system];
    if (!figures || !answers) return [];
    const list = run.queries.flatMap((q, i) =>
      figures[i]?.ndcg !== null && figures[i]?.nothing
        ? [`    ${q.id} «${q.query}»${answers[i]?.total === 0 ? ' — no results at all' : ''}`]
        : [],
    );
    return [`  ${system} (${list.length}):`, ...list];
  });
  const lines = [
    '',
    `=== Judged relevance: ${run.corpus.publications.length} real publications (be ${byLanguage('be')}, ru ${byLanguage('ru')}, en ${byLanguage('en')}), ${run.queries.length} queries, ${judgments} judgments ===`,
    `Top ${CUTOFF} of each system; grades 0/1/2 by reading (bench/relevance/judgments.tsv); an unjudged publication counts as 0. Means over the queries with something relevant judged.`,
    ...figuresTable(run),
    '',
    'Budgets (issue 16), the app:',
    ...budgets.map(
      (row) => `  ${row.ok === null ? ' ' : row.ok ? '✓' : '✗'} ${row.label}: ${row.value}`,
    ),
    '',
    'Queries with nothing relevant in the top 10:',
    ...nothing,
    '',
    `Per query (nDCG@10, how many found, ✗ nothing relevant in the top 10):`,
    ...perQuery(run),
    '',
    pending.total
      ? `✗ ${pending.total} publications in a top 10 are not judged yet (${pending.bySystem}): they count as 0 and may hide a change. Judge them: npm run bench:relevance -- --unjudged`
      : '✓ Every publication in every top 10 is judged.',
  ];
  return lines.join('\n');
}

// --- Judging -------------------------------------------------------------------------------------------
const EXCERPT = 600;

/** The text around the query's words, so that a judge sees where they occur. */
function contexts(text: string, query: string): string[] {
  const stems = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length >= 3)
    .map((w) => w.slice(0, Math.max(3, Math.min(5, w.length - 2))));
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const stem of stems) {
    const at = lower.indexOf(stem, EXCERPT);
    if (at >= 0)
      found.push(`…${text.slice(Math.max(0, at - 150), at + 150).replace(/\s+/g, ' ')}…`);
  }
  return found.slice(0, 3);
}

export function unjudgedReport(run: Run): string {
  const byId = new Map(run.corpus.publications.map((p) => [p.id, p]));
  const lines: string[] = [];
  run.queries.forEach((q, i) => {
    const grades = run.grades.get(q.id) ?? NO_GRADES;
    const where = new Map<string, string[]>();
    for (const system of SYSTEMS) {
      run.answers[system]?.[i]?.top.forEach((id, rank) => {
        if (grades.has(id)) return;
        where.set(id, [...(where.get(id) ?? []), `${system} #${rank + 1}`]);
      });
    }
    if (where.size === 0) return;
    lines.push('', `##### ${q.id} [${q.language}, ${q.kind}] «${q.query}»`, `need: ${q.need}`);
    for (const [id, systems] of where) {
      const publication = byId.get(id);
      const text = publication ? plainText(publication) : '(not in the corpus)';
      lines.push(
        '',
        `--- ${id} (${publication?.language ?? '?'}, ${publication?.type ?? '?'}, ${publication?.date ?? '?'}; ${systems.join(', ')})`,
        text.length > EXCERPT ? `${text.slice(0, EXCERPT)}… [${text.length} chars]` : text,
        ...contexts(text, q.query),
        `${q.id}\t${id}\t?\t`,
      );
    }
  });
  return lines.length
    ? `${lines.join('\n')}\n\nAppend a line per publication to ${path.relative(process.cwd(), JUDGMENTS_FILE)}: query, publication, grade (2 mainly about the need, 1 a substantive part serves it, 0 a passing mention or unrelated), a short reason.`
    : 'Every publication in every top 10 is judged.';
}

async function main() {
  const { values } = parseArgs({
    options: {
      unjudged: { type: 'boolean', default: false },
      'no-pagefind': { type: 'boolean', default: false },
      show: { type: 'string' },
    },
  });
  const started = performance.now();
  const run = await runRelevance({ pagefind: !values['no-pagefind'] });
  if (values.show) console.log(showReport(run, values.show.split(',')));
  else console.log(values.unjudged ? unjudgedReport(run) : relevanceReport(run));
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

// Run as a script (npm run bench:relevance), not when run.ts imports it.
if (path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
