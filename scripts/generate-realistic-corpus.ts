import { statSync, writeFileSync } from 'node:fs';
import { seededRandom, type Random } from '../src/testing/random.ts';
import { loadVocabulary, type VocabularyLanguage, type WordForm } from './bench/hunspell.ts';
import {
  addLinks,
  corpusTypes,
  dateWithin25Years,
  escapeHtml,
  latin,
  organizations,
  pickIssuers,
  TYPES,
  writeCorpus,
  type Organization,
} from './generate-corpus.ts';

/**
 * A bench corpus with a real vocabulary (`npm run corpus:generate -- --vocabulary real …`):
 * publications in Belarusian (45 %), Russian (40 %) and English (15 %) whose words are every word
 * form of Debian's hunspell dictionaries (scripts/bench/hunspell.ts), so that search indexes grow
 * as they would on a real archive. The text is not meaningful; its statistics are.
 *
 * - **Zipf's law over lemma families.** The forms with one lemma are a family. A language's
 *   families are ranked: ~30 hand-written function words first (each its own one-form family),
 *   then every other family in an order shuffled by the seed. A token takes family rank r with
 *   probability ∝ 1/r^FAMILY_EXPONENT, then form j of that family (its forms in a shuffled order)
 *   with probability ∝ 1/j^FORM_EXPONENT. The exponents are tuned so that 50,000 publications hold
 *   ~1.1 M distinct case-folded words, and distinct words grow roughly as the square root of the
 *   tokens between 2,000 and 50,000 publications (Heaps' law; the vocabulary is finite, so the
 *   growth slows as it fills). Sentences start with a capital; proper nouns keep theirs.
 * - **Names** that matter to this archive (Bialiatski, Lukashenka, Viasna…) are mentioned in a
 *   share of publications, inflected and spelled for the publication's language, sometimes in the
 *   title or the summary.
 * - **Probes** (`<out>.probes.json`): ground truth for search quality, recorded while generating.
 *   Before generating, ~150 content families per language are chosen whose expected number of
 *   publications at this count is 3–300; for each, every form that occurs (lower-cased) lists the
 *   publications it occurs in, in any field; likewise every spelling of every name (as written).
 *   Lists stop at 2,000 ids.
 *
 * Deterministic for a seed and count; a publication depends only on the seed and its index, so a
 * smaller corpus is the start of a bigger one. Publications are streamed to the file.
 */

type Language = VocabularyLanguage;

const LANGUAGE_SHARES: readonly (readonly [Language, number])[] = [
  ['be', 0.45],
  ['ru', 0.4],
  ['en', 0.15],
];
const LANGUAGES = LANGUAGE_SHARES.map(([language]) => language);

/** Zipf exponent over the ranked lemma families. */
const FAMILY_EXPONENT = 1.1;
/** Zipf exponent over a family's forms. */
const FORM_EXPONENT = 1.5;

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

/** A name and its spellings in each language; `share` is the part of publications mentioning it. */
type Name = { name: string; share: number; forms: Record<Language, readonly string[]> };

const NAMES: readonly Name[] = [
  {
    name: 'Bialiatski',
    share: 0.04,
    forms: {
      be: ['Бяляцкі', 'Бяляцкага', 'Бяляцкаму', 'Бяляцкім'],
      ru: ['Беляцкий', 'Беляцкого', 'Беляцкому', 'Беляцким', 'Беляцком'],
      en: ['Bialiatski', 'Ales Bialiatski'],
    },
  },
  {
    name: 'Lukashenka',
    share: 0.02,
    forms: {
      be: ['Лукашэнка', 'Лукашэнкі', 'Лукашэнку', 'Лукашэнкам'],
      ru: ['Лукашенко'],
      en: ['Lukashenka'],
    },
  },
  {
    name: 'Kalesnikava',
    share: 0.01,
    forms: {
      be: ['Калеснікава', 'Калеснікавай', 'Калеснікаву'],
      ru: ['Колесникова', 'Колесниковой', 'Колесникову'],
      en: ['Kalesnikava', 'Maryia Kalesnikava'],
    },
  },
  {
    name: 'Tsikhanouskaya',
    share: 0.015,
    forms: {
      be: ['Ціханоўская', 'Ціханоўскай', 'Ціханоўскую'],
      ru: ['Тихановская', 'Тихановской', 'Тихановскую'],
      en: ['Tsikhanouskaya', 'Sviatlana Tsikhanouskaya'],
    },
  },
  {
    name: 'Hulak',
    share: 0.006,
    forms: { be: ['Гулак', 'Гулака', 'Гулаку'], ru: ['Гулак', 'Гулака', 'Гулаку'], en: ['Hulak'] },
  },
  {
    name: 'Stefanovich',
    share: 0.008,
    forms: {
      be: ['Стэфановіч', 'Стэфановіча', 'Стэфановічу'],
      ru: ['Стефанович', 'Стефановича', 'Стефановичу'],
      en: ['Stefanovich', 'Valiantsin Stefanovich'],
    },
  },
  {
    name: 'Labkovich',
    share: 0.007,
    forms: { be: ['Лабковіч', 'Лабковіча'], ru: ['Лабкович', 'Лабковича'], en: ['Labkovich'] },
  },
  {
    name: 'Viasna',
    share: 0.02,
    forms: { be: ['Вясна', 'Вясны', 'Вясне'], ru: ['Весна', 'Весны', 'Весне'], en: ['Viasna'] },
  },
  {
    name: 'Belarusian Helsinki Committee',
    share: 0.01,
    forms: {
      be: ['Беларускі Хельсінкскі Камітэт', 'Беларускага Хельсінкскага Камітэта'],
      ru: ['Белорусский Хельсинкский комитет', 'Белорусского Хельсинкского комитета'],
      en: ['Belarusian Helsinki Committee'],
    },
  },
];

const TITLE_WORDS = { min: 6, max: 12 };
const SUMMARY_WORDS = { min: 20, max: 45 };
const BODY_WORDS = { min: 550, max: 850 };
const SENTENCE_WORDS = { min: 6, max: 22 };
const TAG_POOL_SIZE = 150;
/** Tokens of an average publication (title, summary, ~2 tags of ~2 words, body): for the probes. */
const WORDS_PER_PUBLICATION =
  (TITLE_WORDS.min + TITLE_WORDS.max + SUMMARY_WORDS.min + SUMMARY_WORDS.max) / 2 +
  4 +
  (BODY_WORDS.min + BODY_WORDS.max) / 2;
const PROBE_FAMILIES = 150;
/** Chosen before generating; those with fewer than 2 forms that occur are dropped after. */
const PROBE_CANDIDATES = 180;
const PROBE_PUBLICATIONS = { min: 3, max: 300 };
const PROBE_ID_CAP = 2000;
const CHECKPOINTS = [1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000];
/** A dictionary word: letters, then letters, apostrophes or hyphens (no digits: "1st"). */
const WORD = /^\p{L}[\p{L}'’-]*$/u;

export type Growth = { publications: number; tokens: number; distinctWords: number };

export type RealisticStats = Growth & {
  bytes: number;
  probesFile: string;
  languages: Record<Language, number>;
  /** Tokens and distinct words after the first 1,000, 2,000, 5,000, 10,000… publications. */
  growth: Growth[];
};

/** A separate random stream for each purpose, so that one does not shift another. */
function streamFor(seed: number, purpose: string): Random {
  let hash = 0x811c9dc5;
  for (const char of purpose) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return seededRandom((seed ^ hash) >>> 0);
}

function shuffle<T>(rng: Random, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

function between(rng: Random, range: { min: number; max: number }): number {
  return range.min + rng.int(range.max - range.min + 1);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Numbers for case-folded spellings, shared by all languages, for counting distinct words. */
class Spellings {
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

// --- Vocabulary: ranked families ----------------------------------------------------------------

/**
 * A language's words by rank: family r's forms are forms[familyStart[r]] up to (not including)
 * forms[familyStart[r + 1]].
 */
type Lexicon = {
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

/**
 * Spellings that only names may have: the dictionaries' "вясна" (spring) or "весна" would make
 * "Вясна" at the start of a sentence a false mention of Viasna for the probes.
 */
const NAME_SPELLINGS: ReadonlySet<string> = new Set(
  NAMES.flatMap((name) => LANGUAGES.flatMap((language) => name.forms[language]))
    .filter((form) => !form.includes(' '))
    .map((form) => form.toLowerCase()),
);

/** The dictionary's families, without digits, function words (ranked apart) and names. */
function groupFamilies(vocabulary: readonly WordForm[], functionWords: ReadonlySet<string>) {
  const families = new Map<string, string[]>();
  for (const { form, lemma } of vocabulary) {
    const excluded = functionWords.has(form) || NAME_SPELLINGS.has(form.toLowerCase());
    if (excluded || !WORD.test(form)) continue;
    const forms = families.get(lemma);
    if (forms) forms.push(form);
    else families.set(lemma, [form]);
  }
  return families;
}

/** Function words first, then every other family in a shuffled order, its forms shuffled too. */
function rankFamilies(rng: Random, language: Language, vocabulary: readonly WordForm[]): Family[] {
  const functionWords = FUNCTION_WORDS[language];
  const families = groupFamilies(vocabulary, new Set(functionWords));
  const others = [...families].map(([lemma, forms]) => ({ lemma, forms: shuffle(rng, forms) }));
  return [
    ...functionWords.map((word) => ({ lemma: word, forms: [word] })),
    ...shuffle(rng, others),
  ];
}

function familyCdf(families: number): Float64Array {
  const cdf = new Float64Array(families);
  let sum = 0;
  for (let rank = 0; rank < families; rank++) {
    sum += (rank + 1) ** -FAMILY_EXPONENT;
    cdf[rank] = sum;
  }
  return cdf;
}

function buildLexicon(
  language: Language,
  ranked: readonly Family[],
  spellings: Spellings,
): Lexicon {
  const forms = ranked.flatMap((family) => family.forms);
  const familyStart = new Uint32Array(ranked.length + 1);
  ranked.forEach((family, rank) => {
    familyStart[rank + 1] = (familyStart[rank] ?? 0) + family.forms.length;
  });
  return {
    forms,
    lemmas: ranked.map((family) => family.lemma),
    familyStart,
    familyCdf: familyCdf(ranked.length),
    spellings: Uint32Array.from(forms, (form) => spellings.id(form)),
    functionWords: FUNCTION_WORDS[language].length,
    tags: [],
  };
}

/** Cumulative 1/j^t over a family's forms, normalized, for each family size. */
const formCdfs: Float64Array[] = [];

function formCdf(size: number): Float64Array {
  let cdf = formCdfs[size];
  if (!cdf) {
    cdf = new Float64Array(size);
    let sum = 0;
    for (let j = 0; j < size; j++) cdf[j] = sum += (j + 1) ** -FORM_EXPONENT;
    for (let j = 0; j < size; j++) cdf[j] = (cdf[j] ?? 0) / sum;
    formCdfs[size] = cdf;
  }
  return cdf;
}

function familySize(lexicon: Lexicon, rank: number): number {
  return (lexicon.familyStart[rank + 1] ?? 0) - (lexicon.familyStart[rank] ?? 0);
}

/** A family rank drawn with Zipf's law. */
function sampleFamily(lexicon: Lexicon, rng: Random): number {
  const cdf = lexicon.familyCdf;
  const target = rng.next() * (cdf[cdf.length - 1] ?? 0);
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cdf[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The position in `forms` of a word drawn with Zipf's law: its family, then its form. */
function sampleForm(lexicon: Lexicon, rng: Random): number {
  const rank = sampleFamily(lexicon, rng);
  const start = lexicon.familyStart[rank] ?? 0;
  const size = familySize(lexicon, rank);
  if (size === 1) return start;
  const cdf = formCdf(size);
  const target = rng.next();
  let j = 0;
  while (j < size - 1 && (cdf[j] ?? 1) <= target) j++;
  return start + j;
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

// --- Ground truth: probes -------------------------------------------------------------------------

/**
 * Publication ids per probe slot: a case-folded spelling of a form of a probe family (whichever
 * family or language writes it), or a spelling of a name (as written).
 */
class Probes {
  private readonly lists: string[][] = [];
  private readonly pending = new Set<number>();
  /** The slot of each case-folded spelling (Spellings), or -1. */
  private bySpelling = new Int32Array(0);

  newSlot(): number {
    this.lists.push([]);
    return this.lists.length - 1;
  }
  /** Once all spellings are numbered: probe families can be marked. */
  watchSpellings(count: number) {
    this.bySpelling = new Int32Array(count).fill(-1);
  }
  slotForSpelling(spelling: number): number {
    let slot = this.bySpelling[spelling] ?? -1;
    if (slot < 0) {
      slot = this.newSlot();
      this.bySpelling[spelling] = slot;
    }
    return slot;
  }
  /** The publication being made contains the slot's form. */
  hit(slot: number) {
    this.pending.add(slot);
  }
  /** The publication being made contains the spelling. */
  hitSpelling(spelling: number) {
    const slot = this.bySpelling[spelling] ?? -1;
    if (slot >= 0) this.pending.add(slot);
  }
  /** The publication being made is done: it gets its id. */
  flush(id: string) {
    for (const slot of this.pending) {
      const ids = this.lists[slot];
      if (ids && ids.length < PROBE_ID_CAP) ids.push(id);
    }
    this.pending.clear();
  }
  ids(slot: number): string[] {
    return this.lists[slot] ?? [];
  }
}

type ProbeFamily = { rank: number; lemma: string; slots: Map<string, number> };

/** What Zipf's law expects of a family at this count: publications containing it, forms seen. */
function expectation(lexicon: Lexicon, rank: number, publications: number) {
  const cdf = lexicon.familyCdf;
  const p = (rank + 1) ** -FAMILY_EXPONENT / (cdf[cdf.length - 1] ?? 1);
  const tokens = publications * WORDS_PER_PUBLICATION * p;
  const size = familySize(lexicon, rank);
  const forms = formCdf(size);
  let formsSeen = 0;
  for (let j = 0; j < size; j++) {
    const q = (forms[j] ?? 0) - (j > 0 ? (forms[j - 1] ?? 0) : 0);
    formsSeen += 1 - Math.exp(-tokens * q);
  }
  return { publications: publications * (1 - Math.exp(-WORDS_PER_PUBLICATION * p)), formsSeen };
}

function isProbeCandidate(lexicon: Lexicon, rank: number, publications: number): boolean {
  if (rank < lexicon.functionWords || familySize(lexicon, rank) < 2) return false;
  const expected = expectation(lexicon, rank, publications);
  return (
    expected.publications >= PROBE_PUBLICATIONS.min &&
    expected.publications <= PROBE_PUBLICATIONS.max &&
    expected.formsSeen >= 2
  );
}

/** The first rank expected in at most `target` publications (expectations fall with rank). */
function rankForPublications(lexicon: Lexicon, target: number, publications: number): number {
  let low = lexicon.functionWords;
  let high = lexicon.lemmas.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (expectation(lexicon, middle, publications).publications <= target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The candidate nearest to `rank` (after it first) that is not chosen yet, if any is near. */
function nearestCandidate(
  lexicon: Lexicon,
  rank: number,
  publications: number,
  chosen: ReadonlySet<number>,
): number | undefined {
  const fits = (candidate: number) =>
    candidate >= 0 &&
    candidate < lexicon.lemmas.length &&
    !chosen.has(candidate) &&
    isProbeCandidate(lexicon, candidate, publications);
  for (let distance = 0; distance < 500; distance++) {
    if (fits(rank + distance)) return rank + distance;
    if (fits(rank - distance - 1)) return rank - distance - 1;
  }
  return undefined;
}

/**
 * Candidate families spread evenly over log(expected publications) from 3 to 300: for each target,
 * the nearest candidate to the rank that has it. (A big count expects even the rarest family in
 * more than 3 publications: the rarest targets then take the last ranks.)
 */
function chooseProbeFamilies(lexicon: Lexicon, publications: number): number[] {
  const chosen = new Set<number>();
  const { min, max } = PROBE_PUBLICATIONS;
  for (let i = 0; i < PROBE_CANDIDATES; i++) {
    const target = min * (max / min) ** ((i + 0.5) / PROBE_CANDIDATES);
    const rank = rankForPublications(lexicon, target, publications);
    const candidate = nearestCandidate(lexicon, rank, publications, chosen);
    if (candidate !== undefined) chosen.add(candidate);
  }
  return [...chosen];
}

/**
 * Gives each form of the chosen families the slot of its case-folded spelling, so that its list
 * holds every publication with that spelling, from whichever family or language.
 */
function markProbeFamilies(
  lexicon: Lexicon,
  ranks: readonly number[],
  probes: Probes,
): ProbeFamily[] {
  return ranks.map((rank) => {
    const slots = new Map<string, number>();
    const start = lexicon.familyStart[rank] ?? 0;
    for (let position = start; position < start + familySize(lexicon, rank); position++) {
      const key = (lexicon.forms[position] ?? '').toLowerCase();
      slots.set(key, probes.slotForSpelling(lexicon.spellings[position] ?? 0));
    }
    return { rank, lemma: lexicon.lemmas[rank] ?? '', slots };
  });
}

// --- Names ------------------------------------------------------------------------------------------

/** One spelling of a name, ready to write: its words' spellings and the probe slots it fills. */
type Mention = { text: string; spellings: number[]; slots: number[] };
type ResolvedName = {
  name: string;
  share: number;
  slots: Map<string, number>;
  mentions: Record<Language, Mention[]>;
};

/** A phrase holds every spelling of the name that it contains as whole words ("Ales Bialiatski"). */
function resolveName(name: Name, spellings: Spellings, probes: Probes): ResolvedName {
  const slots = new Map<string, number>();
  for (const form of new Set(LANGUAGES.flatMap((language) => name.forms[language]))) {
    slots.set(form, probes.newSlot());
  }
  const mention = (text: string): Mention => ({
    text,
    spellings: text.split(' ').map((word) => spellings.id(word)),
    slots: [...slots].flatMap(([form, slot]) => (` ${text} `.includes(` ${form} `) ? [slot] : [])),
  });
  const mentions = { be: [], ru: [], en: [] } as Record<Language, Mention[]>;
  for (const language of LANGUAGES) mentions[language] = name.forms[language].map(mention);
  return { name: name.name, share: name.share, slots, mentions };
}

/** Names mentioned by one publication: where each mention goes. */
type MentionPlan = { title: Mention[]; summary: Mention[]; body: Mention[] };

function planMentions(
  rng: Random,
  names: readonly ResolvedName[],
  language: Language,
): MentionPlan {
  const plan: MentionPlan = { title: [], summary: [], body: [] };
  for (const name of names) {
    if (rng.next() >= name.share) continue;
    const mentions = name.mentions[language];
    if (rng.next() < 0.25) plan.title.push(rng.pick(mentions));
    if (rng.next() < 0.3) plan.summary.push(rng.pick(mentions));
    for (let i = 1 + rng.int(3); i > 0; i--) plan.body.push(rng.pick(mentions));
  }
  return plan;
}

// --- Text -------------------------------------------------------------------------------------------

/** Everything a publication is made from, and what is counted while making it. */
type Generator = {
  rng: Random;
  lexicons: Record<Language, Lexicon>;
  names: ResolvedName[];
  orgs: Organization[];
  probes: Probes;
  tally: Tally;
};

/** Tokens and distinct case-folded words written so far. */
class Tally {
  tokens = 0;
  distinct = 0;
  private readonly seen: Uint8Array;
  constructor(spellings: number) {
    this.seen = new Uint8Array(spellings);
  }
  count(spelling: number) {
    this.tokens++;
    if (this.seen[spelling] === 0) {
      this.seen[spelling] = 1;
      this.distinct++;
    }
  }
}

/** Writes the word at `position`: counts it and records it for the probes. */
function emit(generator: Generator, lexicon: Lexicon, position: number): string {
  countWord(generator, lexicon.spellings[position] ?? 0);
  return lexicon.forms[position] ?? '';
}

function countWord(generator: Generator, spelling: number) {
  generator.tally.count(spelling);
  generator.probes.hitSpelling(spelling);
}

function emitMention(generator: Generator, mention: Mention): string {
  for (const spelling of mention.spellings) countWord(generator, spelling);
  for (const slot of mention.slots) generator.probes.hit(slot);
  return mention.text;
}

function words(generator: Generator, lexicon: Lexicon, count: number): string[] {
  return Array.from({ length: count }, () =>
    emit(generator, lexicon, sampleForm(lexicon, generator.rng)),
  );
}

/** Words of a sentence, a few followed by a comma. */
function sentenceWords(generator: Generator, lexicon: Lexicon, count: number): string[] {
  const list = words(generator, lexicon, count);
  for (let i = 0; i < list.length - 1; i++) if (generator.rng.next() < 0.07) list[i] += ',';
  return list;
}

function insertMention(generator: Generator, list: string[], mention: Mention) {
  list.splice(generator.rng.int(list.length + 1), 0, emitMention(generator, mention));
}

function sentenceText(list: readonly string[]): string {
  return `${capitalize(list.join(' '))}.`;
}

/** Sentence lengths adding up to `total` words. */
function sentenceLengths(rng: Random, total: number): number[] {
  const lengths: number[] = [];
  for (let rest = total; rest > 0;) {
    let length = Math.min(rest, between(rng, SENTENCE_WORDS));
    if (rest - length < SENTENCE_WORDS.min) length = rest;
    lengths.push(length);
    rest -= length;
  }
  return lengths;
}

function title(generator: Generator, lexicon: Lexicon, mentions: readonly Mention[]): string {
  const nameWords = mentions.reduce((sum, mention) => sum + mention.spellings.length, 0);
  const length = Math.max(3, between(generator.rng, TITLE_WORDS) - nameWords);
  const list = words(generator, lexicon, length);
  for (const mention of mentions) insertMention(generator, list, mention);
  return capitalize(list.join(' '));
}

function summary(generator: Generator, lexicon: Lexicon, mentions: readonly Mention[]): string {
  const sentences = sentenceLengths(generator.rng, between(generator.rng, SUMMARY_WORDS)).map(
    (length) => sentenceWords(generator, lexicon, length),
  );
  for (const mention of mentions) insertMention(generator, generator.rng.pick(sentences), mention);
  return sentences.map(sentenceText).join(' ');
}

function tags(generator: Generator, lexicon: Lexicon): string[] {
  const chosen = new Set<Uint32Array>();
  for (let count = 1 + generator.rng.int(3); chosen.size < count;) {
    chosen.add(generator.rng.pickSkewed(lexicon.tags));
  }
  return [...chosen].map((tag) =>
    Array.from(tag, (position) => emit(generator, lexicon, position)).join(' '),
  );
}

type Block = { heading: boolean; sentences: string[][] };

/**
 * Paragraphs of 2–6 sentences until the body has its length, now and then a heading before one
 * (headings are not counted in the length, so every one has a paragraph after it).
 */
function bodyBlocks(generator: Generator, lexicon: Lexicon): Block[] {
  const { rng } = generator;
  const target = between(rng, BODY_WORDS);
  const blocks: Block[] = [];
  for (let written = 0; written < target;) {
    if (blocks.length > 0 && rng.next() < 0.12) {
      blocks.push({ heading: true, sentences: [words(generator, lexicon, 3 + rng.int(5))] });
    }
    const paragraph: Block = { heading: false, sentences: [] };
    for (let count = 2 + rng.int(5); count > 0 && written < target; count--) {
      const length = Math.min(between(rng, SENTENCE_WORDS), Math.max(3, target - written));
      paragraph.sentences.push(sentenceWords(generator, lexicon, length));
      written += length;
    }
    blocks.push(paragraph);
  }
  return blocks;
}

function body(generator: Generator, lexicon: Lexicon, mentions: readonly Mention[]): string {
  const blocks = bodyBlocks(generator, lexicon);
  const paragraphs = blocks.filter((block) => !block.heading);
  for (const mention of mentions) {
    insertMention(generator, generator.rng.pick(generator.rng.pick(paragraphs).sentences), mention);
  }
  return blocks
    .map((block) =>
      block.heading
        ? `<h2>${escapeHtml(capitalize((block.sentences[0] ?? []).join(' ')))}</h2>`
        : `<p>${escapeHtml(block.sentences.map(sentenceText).join(' '))}</p>`,
    )
    .join('');
}

// --- Publications -------------------------------------------------------------------------------

/** `<type>-<index>-<the title's first words in Latin letters>`: unique, [a-z0-9-]. */
function publicationId(type: string, index: number, titleText: string): string {
  const slug = latin(titleText.split(' ').slice(0, 6).join(' '))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
  return slug ? `${type}-${index}-${slug}` : `${type}-${index}`;
}

function publication(generator: Generator, index: number): Record<string, unknown> {
  const { rng } = generator;
  const language = rng.pickShare(LANGUAGE_SHARES);
  const lexicon = generator.lexicons[language];
  const type = rng.pickSkewed(TYPES)[0];
  const issuers = pickIssuers(rng, generator.orgs);
  const mentions = planMentions(rng, generator.names, language);
  const titleText = title(generator, lexicon, mentions.title);
  const id = publicationId(type, index, titleText);
  const record: Record<string, unknown> = {
    id,
    title: titleText,
    type,
    organizations: issuers,
    date: dateWithin25Years(rng),
    language,
    summary: summary(generator, lexicon, mentions.summary),
    body: body(generator, lexicon, mentions.body),
    tags: tags(generator, lexicon),
  };
  addLinks(rng, record, issuers, index);
  generator.probes.flush(id);
  return record;
}

// --- The corpus ---------------------------------------------------------------------------------

type Setup = Generator & { probeFamilies: Record<Language, ProbeFamily[]> };

async function setUp(options: { count: number; seed: number }): Promise<Setup> {
  const spellings = new Spellings();
  const probes = new Probes();
  const lexicons = {} as Record<Language, Lexicon>;
  for (const language of LANGUAGES) {
    const ranked = rankFamilies(
      streamFor(options.seed, `rank:${language}`),
      language,
      await loadVocabulary(language),
    );
    const lexicon = buildLexicon(language, ranked, spellings);
    lexicon.tags = tagPool(lexicon, streamFor(options.seed, `tags:${language}`));
    lexicons[language] = lexicon;
  }
  const names = NAMES.map((name) => resolveName(name, spellings, probes));
  probes.watchSpellings(spellings.size);
  const probeFamilies = {} as Record<Language, ProbeFamily[]>;
  for (const [language, share] of LANGUAGE_SHARES) {
    const candidates = chooseProbeFamilies(lexicons[language], options.count * share);
    probeFamilies[language] = markProbeFamilies(lexicons[language], candidates, probes);
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

/** The forms of a probe family that occur, with their publications. */
function familyForms(family: ProbeFamily, probes: Probes): Record<string, string[]> {
  const forms: Record<string, string[]> = {};
  for (const [form, slot] of family.slots) {
    const ids = probes.ids(slot);
    if (ids.length > 0) forms[form] = ids;
  }
  return forms;
}

/** Up to 150 of the candidates (a seeded choice) with at least two forms that occur, by rank. */
function probeFamiliesOutput(setup: Setup, language: Language, seed: number) {
  const families = setup.probeFamilies[language]
    .map((family) => ({
      rank: family.rank,
      lemma: family.lemma,
      forms: familyForms(family, setup.probes),
    }))
    .filter((family) => Object.keys(family.forms).length >= 2);
  return shuffle(streamFor(seed, `probes:${language}`), families)
    .slice(0, PROBE_FAMILIES)
    .sort((a, b) => a.rank - b.rank)
    .map(({ lemma, forms }) => ({ lemma, forms }));
}

function writeProbes(file: string, setup: Setup, options: { count: number; seed: number }) {
  const probes = {
    count: options.count,
    distinctWords: setup.tally.distinct,
    tokens: setup.tally.tokens,
    families: Object.fromEntries(
      LANGUAGES.map((language) => [language, probeFamiliesOutput(setup, language, options.seed)]),
    ),
    names: setup.names.map((name) => ({
      name: name.name,
      forms: Object.fromEntries(
        [...name.slots].flatMap(([form, slot]) => {
          const ids = setup.probes.ids(slot);
          return ids.length > 0 ? [[form, ids]] : [];
        }),
      ),
    })),
  };
  writeFileSync(file, `${JSON.stringify(probes)}\n`);
}

export function probesFileFor(out: string): string {
  return `${out.replace(/\.json$/, '')}.probes.json`;
}

/** Writes the corpus to `out` and its probes beside it; returns what it measured. */
export async function generateRealisticCorpus(options: {
  count: number;
  out: string;
  seed: number;
}): Promise<RealisticStats> {
  const setup = await setUp(options);
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
  writeProbes(probesFile, setup, options);
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
