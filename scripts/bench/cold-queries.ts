import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';
import { createSearchCore, type SearchCore } from '../../src/search/core/search-core.ts';
import type { Columns } from '../../src/search/index/columns.ts';
import { readColumns } from '../../src/search/index/columns.ts';
import {
  DEFAULT_REQUEST,
  startSchema,
  type SearchRequest,
  type StartData,
} from '../../src/search/protocol.ts';
import { dataDirectory } from './build-figures.ts';
import { loadVocabulary, type VocabularyLanguage } from './hunspell.ts';

/**
 * The cold queries of the realistic bench (docs/benchmarking.md), chosen from the probes the
 * realistic generator writes beside its corpus, and what each costs in Node: the files a fresh
 * search core reads for it, which is what a fresh page downloads after the keystroke.
 */

// --- Probes -------------------------------------------------------------------------------------

export type ProbeFamily = { lemma: string; forms: Record<string, string[]> };
export type Probes = {
  count: number;
  distinctWords: number;
  tokens: number;
  families: Record<VocabularyLanguage, ProbeFamily[]>;
  names: { name: string; forms: Record<string, string[]> }[];
};

export const LANGUAGES: readonly VocabularyLanguage[] = ['be', 'ru', 'en'];

export function readProbes(file: string): Probes {
  return JSON.parse(readFileSync(file, 'utf8')) as Probes;
}

/** Publications holding any of the forms. */
export function union(forms: Record<string, readonly string[]>, except?: string): Set<string> {
  const ids = new Set<string>();
  for (const [form, list] of Object.entries(forms)) {
    if (form === except) continue;
    for (const id of list) ids.add(id);
  }
  return ids;
}

// --- Choosing the queries -----------------------------------------------------------------------

export type ColdQuery = {
  /** "be word", "en typo", "name, Russian spelling"… */
  label: string;
  kind: 'word' | 'typo' | 'name';
  query: string;
  /** The word or name the query stands for: a typo's original form, a name's English spelling. */
  of: string;
  /** Publications holding the form typed (for a typo: its original form). */
  exact: string[];
  /** Publications holding any form of its family or name: what the reader wants. */
  wanted: string[];
};

/** How many mid-frequency words of each language; with 2 typos and 4 names, 20 queries. */
const WORDS: Record<VocabularyLanguage, number> = { be: 5, ru: 5, en: 4 };
/** The words are taken evenly between these quantiles of their families' most used forms. */
const BAND = { from: 0.3, to: 0.7 };
/** Letters a typo may put in; never ё, й or ў, which the index folds to е, и, у. */
const ALPHABET: Record<VocabularyLanguage, string> = {
  be: 'абвгдежзіклмнопрстуфхцчшыьэюя',
  ru: 'абвгдежзиклмнопрстуфхцчшщъыьэюя',
  en: 'abcdefghijklmnopqrstuvwxyz',
};
/** The names a reader types: misspelled, in Russian, transliterated from Russian, in Russian. */
const NAME_QUERIES: readonly { query: string; name: string; label: string }[] = [
  { query: 'Bialatski', name: 'Bialiatski', label: 'name, misspelled' },
  { query: 'Беляцкого', name: 'Bialiatski', label: 'name, Russian form' },
  { query: 'Belyatsky', name: 'Bialiatski', label: 'name, Russian transliterated' },
  { query: 'Лукашенко', name: 'Lukashenka', label: 'name, Russian form' },
];

type Candidate = { family: ProbeFamily; form: string; ids: string[] };

/** Per family, its most used form of four letters or more (what a reader would most likely type). */
function candidates(families: readonly ProbeFamily[]): Candidate[] {
  const list: Candidate[] = [];
  for (const family of families) {
    let best: Candidate | null = null;
    for (const [form, ids] of Object.entries(family.forms)) {
      if (!/^\p{L}{4,}$/u.test(form)) continue;
      if (!best || ids.length > best.ids.length) best = { family, form, ids };
    }
    if (best) list.push(best);
  }
  return list.sort((a, b) => a.ids.length - b.ids.length || (a.form < b.form ? -1 : 1));
}

/** `n` candidates evenly spread over the band of quantiles, none used before. */
function pickEvenly(list: readonly Candidate[], n: number, used: Set<Candidate>): Candidate[] {
  const picked: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const quantile =
      n === 1 ? (BAND.from + BAND.to) / 2 : BAND.from + ((BAND.to - BAND.from) * i) / (n - 1);
    const target = Math.round(quantile * (list.length - 1));
    // The nearest unused one, looking up then down.
    for (let distance = 0; distance < list.length; distance++) {
      const found = [list[target + distance], list[target - distance]].find(
        (candidate) => candidate && !used.has(candidate),
      );
      if (found) {
        used.add(found);
        picked.push(found);
        break;
      }
    }
  }
  return picked;
}

const fold = (word: string) =>
  word.toLowerCase().replace(/ё/g, 'е').replace(/й/g, 'и').replace(/ў/g, 'у');

let vocabulary: Set<string> | null = null;
/** Every form of the three dictionaries, folded: a typo must be none of them. */
async function knownWords(): Promise<Set<string>> {
  if (!vocabulary) {
    const words = new Set<string>();
    for (const language of LANGUAGES)
      for (const { form } of await loadVocabulary(language)) words.add(fold(form));
    vocabulary = words;
  }
  return vocabulary;
}

/**
 * The word with one letter changed, as near its middle as can be, so that the result is a word of
 * no dictionary (and not the same word once folded). Deterministic.
 */
function typoOf(word: string, language: VocabularyLanguage, known: ReadonlySet<string>): string {
  const letters = [...word.toLowerCase()];
  const alphabet = [...ALPHABET[language]];
  const middle = Math.floor(letters.length / 2);
  const positions = [middle];
  for (let step = 1; step < letters.length; step++) positions.push(middle + step, middle - step);
  for (const position of positions) {
    if (position < 1 || position >= letters.length) continue;
    const original = letters[position] ?? '';
    const start = alphabet.indexOf(fold(original));
    for (let offset = 1; offset < alphabet.length; offset++) {
      const replacement = alphabet[(start + offset + alphabet.length) % alphabet.length] ?? '';
      const candidate = [...letters];
      candidate[position] = replacement;
      const typo = candidate.join('');
      if (fold(typo) !== fold(word) && !known.has(fold(typo))) return typo;
    }
  }
  throw new Error(`no typo of "${word}" outside the dictionaries`);
}

/**
 * The 20 cold queries: mid-frequency word forms of each language (5 be, 5 ru, 4 en, one per
 * family), a Belarusian and an English form with one letter changed (checked to be no
 * dictionary's word), and four spellings of names. Deterministic for a probes file.
 */
export async function chooseColdQueries(probes: Probes): Promise<ColdQuery[]> {
  const queries: ColdQuery[] = [];
  const typoSources: { language: VocabularyLanguage; candidate: Candidate }[] = [];
  for (const language of LANGUAGES) {
    const list = candidates(probes.families[language]);
    const used = new Set<Candidate>();
    for (const { family, form, ids } of pickEvenly(list, WORDS[language], used)) {
      queries.push({
        label: `${language} word`,
        kind: 'word',
        query: form,
        of: family.lemma,
        exact: ids,
        wanted: [...union(family.forms)],
      });
    }
    if (language !== 'ru') {
      const [source] = pickEvenly(list, 1, used);
      if (source) typoSources.push({ language, candidate: source });
    }
  }
  const known = await knownWords();
  for (const { language, candidate } of typoSources) {
    queries.push({
      label: `${language} typo`,
      kind: 'typo',
      query: typoOf(candidate.form, language, known),
      of: candidate.form,
      exact: candidate.ids,
      wanted: candidate.ids,
    });
  }
  for (const { query, name, label } of NAME_QUERIES) {
    const forms = probes.names.find((entry) => entry.name === name)?.forms;
    if (!forms) continue;
    queries.push({
      label,
      kind: 'name',
      query,
      of: name,
      exact: forms[query] ?? [],
      wanted: [...union(forms)],
    });
  }
  return queries;
}

// --- The build, read in Node --------------------------------------------------------------------

export type OpenedBuild = {
  dataDir: string;
  start: StartData;
  columns: Columns;
  /** A fresh search core over the build's files; `read` sees every file it reads. */
  core(read?: (name: string, bytes: Uint8Array) => void): SearchCore;
};

export async function openBuild(dist: string): Promise<OpenedBuild> {
  const dataDir = dataDirectory(dist);
  const start = v.parse(
    startSchema,
    JSON.parse(readFileSync(path.join(dataDir, 'start.json'), 'utf8')),
  );
  const readFile = (name: string) => readFileSync(path.join(dataDir, name));
  const columns = await readColumns(readFile, start.columns);
  return {
    dataDir,
    start,
    columns,
    core(seen) {
      return createSearchCore(start, columns, {
        read(name) {
          const bytes = readFile(name);
          seen?.(name, bytes);
          return bytes;
        },
      });
    },
  };
}

export const relevance = (query: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({
  ...DEFAULT_REQUEST,
  query,
  sort: 'relevance',
  ...extra,
});

/** Every match of a query, as publication ids, best first. */
export async function allMatches(core: SearchCore, query: string): Promise<string[]> {
  return (await core.exportRows(relevance(query))).map((row) => row.id);
}

// --- A cold query in Node -----------------------------------------------------------------------

export type NodeCold = {
  query: string;
  total: number;
  /** Share of the wanted publications found; share of the matches that are wanted. */
  recall: number;
  precision: number;
  /** Of the publications holding the form as typed (for a typo: the original form). */
  exactRecall: number;
  /** Time of the search on a fresh core, files read from disk (at full speed). */
  ms: number;
  /** Files the search read and their bytes as the static server sends them (gzip for JSON). */
  files: number;
  wire: number;
  raw: number;
  /** The largest of them, as sent. */
  largest: { name: string; wire: number };
  /** The passages of body-only matches on the first page (a publication file each). */
  passageFiles: number;
  passageWire: number;
};

const gzipCache = new Map<string, number>();
function wireSize(name: string, bytes: Uint8Array): number {
  if (!name.endsWith('.json')) return bytes.length;
  let size = gzipCache.get(name);
  if (size === undefined) gzipCache.set(name, (size = gzipSync(bytes).length));
  return size;
}

/** Each query on a fresh core, counting what it reads; recall and precision on a shared one. */
export async function coldInNode(build: OpenedBuild, queries: readonly ColdQuery[]) {
  const shared = build.core();
  const figures: NodeCold[] = [];
  for (const spec of queries) {
    const reads: { name: string; wire: number; raw: number }[] = [];
    const core = build.core((name, bytes) =>
      reads.push({ name, wire: wireSize(name, bytes), raw: bytes.length }),
    );
    const started = performance.now();
    const response = await core.search(relevance(spec.query));
    const ms = performance.now() - started;
    const searchReads = reads.length;
    const bodyOnly = response.hits.filter((hit) => hit.bodyOnly);
    if (bodyOnly.length > 0) {
      await core.passages({
        query: spec.query,
        publications: bodyOnly.map((hit) => ({ id: hit.id, language: hit.language })),
      });
    }
    const search = reads.slice(0, searchReads);
    const passages = reads.slice(searchReads);
    const matches = await allMatches(shared, spec.query);
    const found = new Set(matches);
    const wanted = new Set(spec.wanted);
    const hits = (ids: readonly string[]) => ids.filter((id) => found.has(id)).length;
    const largest = search.reduce((a, b) => (b.wire > a.wire ? b : a), { name: '', wire: 0 });
    figures.push({
      query: spec.query,
      total: response.total,
      recall: wanted.size ? hits(spec.wanted) / wanted.size : Number.NaN,
      precision: matches.length
        ? matches.filter((id) => wanted.has(id)).length / matches.length
        : Number.NaN,
      exactRecall: spec.exact.length ? hits(spec.exact) / spec.exact.length : Number.NaN,
      ms,
      files: search.length,
      wire: search.reduce((sum, read) => sum + read.wire, 0),
      raw: search.reduce((sum, read) => sum + read.raw, 0),
      largest: { name: largest.name, wire: largest.wire },
      passageFiles: passages.length,
      passageWire: passages.reduce((sum, read) => sum + read.wire, 0),
    });
  }
  return figures;
}
