import type { Random } from '../../src/testing/random.ts';
import type { VocabularyLanguage, WordForm } from '../bench/hunspell.ts';
import { drawFromCdf, shuffle, streamFor, zipfCdf } from './sampling.ts';

/**
 * A language's words and how often each is written: the hunspell dictionary's word forms grouped
 * into lemma families, ranked, and drawn with Zipf's law over the families, then over a family's
 * forms (the corpus's statistics: generate-realistic-corpus.ts).
 */

export type Language = VocabularyLanguage;

export const LANGUAGE_SHARES: readonly (readonly [Language, number])[] = [
  ['be', 0.45],
  ['ru', 0.4],
  ['en', 0.15],
];
export const LANGUAGES = LANGUAGE_SHARES.map(([language]) => language);

/** Zipf exponent over the ranked lemma families. */
const FAMILY_EXPONENT = 1.1;
/** Zipf exponent over a family's forms. */
const FORM_EXPONENT = 1.5;
const TAG_POOL_SIZE = 150;

/** The most frequent words of each language, at the top ranks in this order. */
// prettier-ignore
const FUNCTION_WORDS: Record<Language, readonly string[]> = {
  be: [
    'і', 'у', 'на', 'не', 'з', 'што', 'да', 'а', 'як', 'ў', 'гэта', 'па', 'ён', 'але', 'ад',
    'для', 'яго', 'за', 'пра', 'яны', 'так', 'ці', 'ужо', 'пры', 'каб', 'яна', 'аб', 'толькі',
    'таксама', 'быў',
  ],
  ru: [
    'и', 'в', 'на', 'не', 'с', 'что', 'по', 'как', 'а', 'к', 'это', 'о', 'из', 'за', 'но', 'для',
    'от', 'он', 'его', 'до', 'так', 'у', 'же', 'они', 'при', 'она', 'также', 'уже', 'только',
    'был',
  ],
  en: [
    'the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'was', 'with', 'as', 'by',
    'it', 'at', 'from', 'be', 'this', 'his', 'are', 'an', 'not', 'were', 'has', 'have', 'which',
    'or', 'their', 'after',
  ],
};

/** A dictionary word: letters, then letters, apostrophes or hyphens (no digits: "1st"). */
const WORD = /^\p{L}[\p{L}'’-]*$/u;

/** Numbers for case-folded spellings, shared by all languages, for counting distinct words. */
export class Spellings {
  private readonly ids = new Map<string, number>();
  id(word: string): number {
    const folded = word.toLowerCase();
    let id = this.ids.get(folded);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(folded, id);
    }
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

/**
 * A language's words by rank: family r's forms are forms[familyStart[r]] up to (not including)
 * forms[familyStart[r + 1]].
 */
export type Lexicon = {
  forms: string[];
  lemmas: string[];
  familyStart: Uint32Array;
  /** Cumulative 1/r^s: sampling a family is a binary search. */
  familyCdf: Float64Array;
  /** Case-folded spelling of each form (Spellings). */
  spellings: Uint32Array;
  functionWords: number;
  /** Tags: short phrases, as form positions. */
  tags: Uint32Array[];
};

type Family = { lemma: string; forms: string[] };

/** The dictionary's families, without digits, function words (ranked apart) and `excluded`. */
function groupFamilies(
  vocabulary: readonly WordForm[],
  functionWords: ReadonlySet<string>,
  excluded: ReadonlySet<string>,
) {
  const families = new Map<string, string[]>();
  for (const { form, lemma } of vocabulary) {
    if (functionWords.has(form) || excluded.has(form.toLowerCase()) || !WORD.test(form)) continue;
    const forms = families.get(lemma);
    if (forms) forms.push(form);
    else families.set(lemma, [form]);
  }
  return families;
}

/** Function words first, then every other family in a shuffled order, its forms shuffled too. */
function rankFamilies(
  rng: Random,
  language: Language,
  vocabulary: readonly WordForm[],
  excluded: ReadonlySet<string>,
): Family[] {
  const functionWords = FUNCTION_WORDS[language];
  const families = groupFamilies(vocabulary, new Set(functionWords), excluded);
  const others = [...families].map(([lemma, forms]) => ({ lemma, forms: shuffle(rng, forms) }));
  return [
    ...functionWords.map((word) => ({ lemma: word, forms: [word] })),
    ...shuffle(rng, others),
  ];
}

/**
 * A language's lexicon for a seed: its families ranked, each form's spelling numbered in
 * `spellings`, and a pool of tags. `excluded` are spellings that only names may have (names.ts).
 */
export function buildLexicon(
  language: Language,
  vocabulary: readonly WordForm[],
  options: { seed: number; spellings: Spellings; excluded: ReadonlySet<string> },
): Lexicon {
  const rng = streamFor(options.seed, `rank:${language}`);
  const ranked = rankFamilies(rng, language, vocabulary, options.excluded);
  const forms = ranked.flatMap((family) => family.forms);
  const familyStart = new Uint32Array(ranked.length + 1);
  ranked.forEach((family, rank) => {
    familyStart[rank + 1] = (familyStart[rank] ?? 0) + family.forms.length;
  });
  const lexicon: Lexicon = {
    forms,
    lemmas: ranked.map((family) => family.lemma),
    familyStart,
    familyCdf: zipfCdf(ranked.length, FAMILY_EXPONENT),
    spellings: Uint32Array.from(forms, (form) => options.spellings.id(form)),
    functionWords: FUNCTION_WORDS[language].length,
    tags: [],
  };
  lexicon.tags = tagPool(lexicon, streamFor(options.seed, `tags:${language}`));
  return lexicon;
}

/** Cumulative 1/j^t over a family's forms, normalized, for each family size. */
const formCdfs: Float64Array[] = [];

export function formCdf(size: number): Float64Array {
  let cdf = formCdfs[size];
  if (!cdf) {
    cdf = zipfCdf(size, FORM_EXPONENT);
    const sum = cdf[size - 1] ?? 1;
    for (let j = 0; j < size; j++) cdf[j] = (cdf[j] ?? 0) / sum;
    formCdfs[size] = cdf;
  }
  return cdf;
}

export function familySize(lexicon: Lexicon, rank: number): number {
  return (lexicon.familyStart[rank + 1] ?? 0) - (lexicon.familyStart[rank] ?? 0);
}

/** The chance that a word drawn is of the family at `rank`. */
export function familyChance(lexicon: Lexicon, rank: number): number {
  const cdf = lexicon.familyCdf;
  return (rank + 1) ** -FAMILY_EXPONENT / (cdf[cdf.length - 1] ?? 1);
}

/** The position in `forms` of a word drawn with Zipf's law: its family, then its form. */
export function sampleForm(lexicon: Lexicon, rng: Random): number {
  const rank = drawFromCdf(lexicon.familyCdf, rng);
  const start = lexicon.familyStart[rank] ?? 0;
  const size = familySize(lexicon, rank);
  return size === 1 ? start : start + drawFromCdf(formCdf(size), rng);
}

/** A word that is not a function word (for tags). */
function sampleContentForm(lexicon: Lexicon, rng: Random): number {
  const firstContent = lexicon.familyStart[lexicon.functionWords] ?? 0;
  for (;;) {
    const position = sampleForm(lexicon, rng);
    if (position >= firstContent) return position;
  }
}

function tagPool(lexicon: Lexicon, rng: Random): Uint32Array[] {
  return Array.from({ length: TAG_POOL_SIZE }, () =>
    Uint32Array.from({ length: 1 + rng.int(3) }, () => sampleContentForm(lexicon, rng)),
  );
}
