import { statSync } from 'node:fs';
import { loadVocabulary, type WordForm } from './bench/hunspell.ts';
import { corpusTypes, organizations, writeCorpus } from './generate-corpus.ts';
import {
  buildLexicon,
  LANGUAGE_SHARES,
  LANGUAGES,
  Spellings,
  type Language,
  type Lexicon,
} from './realistic-corpus/lexicon.ts';
import { NAME_SPELLINGS, resolveNames } from './realistic-corpus/names.ts';
import {
  chooseProbeFamilies,
  markProbeFamilies,
  Probes,
  writeProbes,
  type ProbeFamily,
} from './realistic-corpus/probes.ts';
import { streamFor } from './realistic-corpus/sampling.ts';
import {
  publication,
  Tally,
  WORDS_PER_PUBLICATION,
  type Generator,
} from './realistic-corpus/text.ts';

/**
 * A bench corpus with a real vocabulary (`npm run corpus:generate -- --vocabulary real …`):
 * publications in Belarusian (45 %), Russian (40 %) and English (15 %) whose words are every word
 * form of Debian's hunspell dictionaries (scripts/bench/hunspell.ts), so that search indexes grow
 * as they would on a real archive. The text is not meaningful; its statistics are.
 *
 * - **Zipf's law over lemma families** (realistic-corpus/lexicon.ts). The forms with one lemma
 *   are a family. A language's families are ranked: ~30 hand-written function words first (each
 *   its own one-form family), then every other family in an order shuffled by the seed. A token
 *   takes family rank r with probability ∝ 1/r^FAMILY_EXPONENT, then form j of that family (its
 *   forms in a shuffled order) with probability ∝ 1/j^FORM_EXPONENT. The exponents are tuned so
 *   that 50,000 publications hold ~1.1 M distinct case-folded words, and distinct words grow
 *   roughly as the square root of the tokens between 2,000 and 50,000 publications (Heaps' law;
 *   the vocabulary is finite, so the growth slows as it fills).
 * - **Names** that matter to this archive (realistic-corpus/names.ts) are mentioned in a share of
 *   publications, inflected and spelled for the publication's language.
 * - **Text** (realistic-corpus/text.ts): titles, summaries, bodies and tags drawn from the lexicon.
 * - **Probes** (`<out>.probes.json`, realistic-corpus/probes.ts): ground truth for search quality,
 *   recorded while generating: the publications of each form of ~150 families per language and of
 *   each spelling of each name.
 *
 * Deterministic for a seed and count (realistic-corpus/sampling.ts: a random stream per purpose);
 * a publication depends only on the seed and its index, so a smaller corpus is the start of a
 * bigger one. Publications are streamed to the file.
 */

const CHECKPOINTS = [1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000];

export type Growth = { publications: number; tokens: number; distinctWords: number };

export type RealisticStats = Growth & {
  bytes: number;
  probesFile: string;
  languages: Record<Language, number>;
  /** Tokens and distinct words after the first 1,000, 2,000, 5,000, 10,000… publications. */
  growth: Growth[];
};

type Setup = Generator & { probeFamilies: Record<Language, ProbeFamily[]> };

/** A language's word forms with their lemmas: hunspell's, or a test's. */
type Vocabulary = (language: Language) => Promise<readonly WordForm[]>;

async function setUp(
  options: { count: number; seed: number },
  vocabulary: Vocabulary,
): Promise<Setup> {
  const spellings = new Spellings();
  const probes = new Probes();
  const lexicons = {} as Record<Language, Lexicon>;
  for (const language of LANGUAGES) {
    lexicons[language] = buildLexicon(language, await vocabulary(language), {
      seed: options.seed,
      spellings,
      excluded: NAME_SPELLINGS,
    });
  }
  const names = resolveNames(spellings, probes);
  probes.watchSpellings(spellings.size);
  const probeFamilies = {} as Record<Language, ProbeFamily[]>;
  for (const [language, share] of LANGUAGE_SHARES) {
    const lexicon = lexicons[language];
    const candidates = chooseProbeFamilies(lexicon, options.count * share, WORDS_PER_PUBLICATION);
    probeFamilies[language] = markProbeFamilies(lexicon, candidates, probes);
  }
  return {
    rng: streamFor(options.seed, 'publications'),
    lexicons,
    names,
    orgs: organizations(streamFor(options.seed, 'organizations'), 300),
    probes,
    tally: new Tally(spellings.size),
    probeFamilies,
  };
}

export function probesFileFor(out: string): string {
  return `${out.replace(/\.json$/, '')}.probes.json`;
}

/** Writes the corpus to `out` and its probes beside it; returns what it measured. */
export async function generateRealisticCorpus(
  options: { count: number; out: string; seed: number },
  vocabulary: Vocabulary = loadVocabulary,
): Promise<RealisticStats> {
  const setup = await setUp(options, vocabulary);
  const languages = { be: 0, ru: 0, en: 0 };
  const growth: Growth[] = [];
  const measure = (publications: number) => ({
    publications,
    tokens: setup.tally.tokens,
    distinctWords: setup.tally.distinct,
  });
  const header = {
    version: 1,
    name: `Generated archive, real vocabulary (${options.count.toLocaleString('en')} publications, seed ${options.seed})`,
    language: 'be',
    types: corpusTypes(),
    organizations: setup.orgs,
  };
  await writeCorpus(options.out, header, options.count, (index) => {
    if (CHECKPOINTS.includes(index)) growth.push(measure(index));
    const record = publication(setup, index);
    languages[record.language as Language]++;
    return record;
  });
  growth.push(measure(options.count));
  const probesFile = probesFileFor(options.out);
  writeProbes(probesFile, setup.probes, {
    count: options.count,
    seed: options.seed,
    distinctWords: setup.tally.distinct,
    tokens: setup.tally.tokens,
    families: setup.probeFamilies,
    names: setup.names,
  });
  return {
    ...measure(options.count),
    bytes: statSync(options.out).size,
    probesFile,
    languages,
    growth,
  };
}

/** Heaps' exponent between two measurements: distinct words ∝ tokens^β. */
function heapsExponent(from: Growth, to: Growth): number {
  return Math.log(to.distinctWords / from.distinctWords) / Math.log(to.tokens / from.tokens);
}

/** The report printed after generating. */
export function describeStats(stats: RealisticStats, out: string, seconds: number): string[] {
  const number = (value: number) => value.toLocaleString('en');
  const megabytes = stats.bytes / 1e6;
  const lines = [
    `Wrote ${number(stats.publications)} publications to ${out} in ${seconds.toFixed(1)} s`,
    `  size: ${megabytes.toFixed(1)} MB (${(stats.bytes / Math.max(1, stats.publications) / 1000).toFixed(1)} kB a publication)`,
    `  languages: ${LANGUAGES.map((language) => `${language} ${number(stats.languages[language])}`).join(', ')}`,
    `  tokens: ${number(stats.tokens)}, distinct words: ${number(stats.distinctWords)}`,
    `  probes: ${stats.probesFile}`,
    '  growth (Heaps: distinct ∝ tokens^β):',
  ];
  stats.growth.forEach((point, i) => {
    const previous = stats.growth[i - 1];
    const beta =
      previous && previous.tokens < point.tokens
        ? `  β since previous ${heapsExponent(previous, point).toFixed(2)}`
        : '';
    lines.push(
      `    ${number(point.publications).padStart(8)} publications: ${number(point.tokens).padStart(12)} tokens, ${number(point.distinctWords).padStart(10)} distinct${beta}`,
    );
  });
  const from = stats.growth.find((point) => point.publications === 2000);
  const last = stats.growth.at(-1);
  if (from && last && last.tokens > from.tokens) {
    lines.push(
      `  β from 2,000 to ${number(last.publications)} publications: ${heapsExponent(from, last).toFixed(2)}`,
    );
  }
  return lines;
}
