import { nameKey, nameKeys } from '../analysis/name-key.ts';
import { queryStemLanguages, stem } from '../analysis/stem.ts';
import { foldText, type Word } from '../analysis/text.ts';
import { hasCyrillic, latinSpellings, spellingKey } from '../analysis/transliterate.ts';
import { FLAG, KIND, type Entry, type Location } from '../index/format.ts';
import type { FuzzyCandidate } from './fuzzy.ts';
import type { IndexReader } from './index-reader.ts';
import type { MatchedForms } from './marks.ts';
import type { OrganizationMatch, Organizations } from './organizations.ts';
import { SIMILARITY } from './ranking.ts';

/**
 * What a query word may mean (docs/decisions/011-search-index.md), most precise first:
 *  1. the word as typed (and, for a Cyrillic name, its Latin spellings), exact;
 *  2. other forms of it: its stems, and words it begins while it is being typed;
 *  3. for names, or words found nowhere as typed, other spellings of the name (its name key);
 *  4. only when nothing above matched anything: words a typo or two away.
 * A word found as typed or by its stem does not pull in typo matches of other words (Algolia's
 * `typoTolerance: "min"`), so the counts and facets mean what they say.
 */

export type Candidate = {
  similarity: number;
  exact: boolean;
  /** Publications holding it, in titles/summaries/tags and in bodies. */
  textCount: number;
  bodyCount: number;
  text: Location | null;
  body: Location | null;
};

/** The likeliest near spelling of a word read as a typo: what "Did you mean" offers. */
export type Correction = { written: string; count: number };

export type WordMatches = {
  candidates: Candidate[];
  organizations: OrganizationMatch[];
  /** Set when the word is found nowhere as typed and is read as a typo of this one. */
  correction?: Correction;
};

/** The spellings a word is looked up by exactly: itself, and its Latin ones if it is Cyrillic. */
export function spellingsOf(word: Word): string[] {
  const spellings = new Set([word.term]);
  if (hasCyrillic(word.lower)) {
    for (const spelling of latinSpellings(word.lower)) spellings.add(foldText(spelling));
  }
  return [...spellings];
}

/**
 * The entries a word stands for exactly, in phrases and exclusions too: the word; a Cyrillic
 * word's Latin spellings as written in Latin texts; a Latin word as the Latin spelling of
 * Cyrillic words.
 */
export async function exactEntries(reader: IndexReader, word: Word): Promise<Entry[]> {
  const lookups = spellingsOf(word).map((spelling) => reader.entry(spelling, KIND.word));
  if (!hasCyrillic(word.lower)) lookups.push(reader.entry(spellingKey(word.term), KIND.spelling));
  return (await Promise.all(lookups)).filter(holds);
}

export function stemsOf(word: Word): string[] {
  return [
    ...new Set(
      queryStemLanguages(word.lower).map((language) => foldText(stem(word.lower, language))),
    ),
  ];
}

function candidateOf(
  entry: Pick<Entry, 'textCount' | 'bodyCount' | 'text' | 'body'>,
  similarity: number,
  exact: boolean,
): Candidate {
  return {
    similarity,
    exact,
    textCount: entry.textCount,
    bodyCount: entry.bodyCount,
    text: entry.text,
    body: entry.body,
  };
}

const holds = (entry: Entry | undefined): entry is Entry =>
  entry !== undefined && entry.textCount + entry.bodyCount > 0;

export type MatchOptions = {
  /** Other forms, names and typos too (stop words are looked up only as typed). */
  loose: boolean;
  /** The reader may still be typing the word: it matches as a prefix. */
  prefix: boolean;
};

/** Everything a query word may mean, and (into `forms`) what to mark for it. */
export async function matchWord(
  reader: IndexReader,
  organizations: Organizations,
  word: Word,
  options: MatchOptions,
  forms: MatchedForms,
): Promise<WordMatches> {
  const candidates: Candidate[] = [];
  const stems = options.loose ? stemsOf(word) : [];
  const [own, ...stemEntries] = await Promise.all([
    reader.entry(word.term, KIND.word),
    ...stems.map(async (value) => {
      const entry = await reader.entry(value, KIND.stem);
      if (entry || value === word.term) return entry;
      // A word that is its own stem, and the only word with it, stands for the stem.
      const same = await reader.entry(value, KIND.word);
      return same && same.flags & FLAG.ownStem ? same : undefined;
    }),
  ]);
  if (holds(own)) {
    candidates.push(candidateOf(own, SIMILARITY.exact, true));
    forms.terms.add(own.term);
  }
  if (own && own.flags & FLAG.ownStem) forms.stems.add(own.term);
  stemEntries.forEach((entry, index) => {
    if (!holds(entry)) return;
    candidates.push(candidateOf(entry, SIMILARITY.stem, false));
    forms.stems.add(stems[index] ?? entry.term);
  });
  if (options.prefix && word.term.length >= 2) {
    // Latin spellings of Cyrillic words are kept under their key: look the key up too.
    const key = hasCyrillic(word.lower) ? word.term : spellingKey(word.term);
    const [completions, spelt] = await Promise.all([
      reader.completions(word.term),
      key === word.term ? [] : reader.completions(key),
    ]);
    for (const completion of [
      ...completions,
      ...spelt.filter((other) => other.kind === KIND.spelling),
    ]) {
      const coverage = word.term.length / completion.term.length;
      candidates.push(
        candidateOf(completion, SIMILARITY.prefix + SIMILARITY.prefixPerLetter * coverage, false),
      );
      (completion.kind === KIND.spelling ? forms.spellings : forms.terms).add(completion.term);
    }
  }
  const spellings = spellingsOf(word);
  const found = [
    ...organizations.match(spellings, { prefix: options.prefix, typos: false }),
    ...(options.loose ? organizations.matchStems(stemsOf(word)) : []),
  ];
  // A name is also looked up by its other spellings; so is a word not in the index as typed
  // (another language's spelling of a name, say, which its stem alone would not reach).
  const otherSpellings = own === undefined || (own.flags & FLAG.name) !== 0;
  /** Matches by a name key, held apart: they do not keep a word from being read as a typo. */
  const byKey: { candidate: Candidate; key: string }[] = [];
  const nothing = () => candidates.length === 0 && found.length === 0;

  if (options.loose && otherSpellings) {
    // Other spellings: a Cyrillic word's in Latin texts, a Latin word's as the spelling of
    // Cyrillic ones, and a name's key in any script.
    const latin = hasCyrillic(word.lower)
      ? spellings
          .filter((spelling) => spelling !== word.term)
          .map((spelling) => reader.entry(spelling, KIND.word))
      : [reader.entry(spellingKey(word.term), KIND.spelling)];
    const keys = nameKeys(word.lower);
    const [latinEntries, keyEntries] = await Promise.all([
      Promise.all(latin),
      Promise.all(keys.map((key) => reader.entry(key, KIND.key))),
    ]);
    for (const entry of latinEntries) {
      if (!holds(entry)) continue;
      candidates.push(candidateOf(entry, SIMILARITY.exact, true));
      (entry.kind === KIND.spelling ? forms.spellings : forms.terms).add(entry.term);
    }
    keyEntries.forEach((entry, index) => {
      if (!holds(entry)) return;
      byKey.push({ candidate: candidateOf(entry, SIMILARITY.key, false), key: keys[index] ?? '' });
    });
  }

  // A word found nowhere is read as a typo, even when its name key matches: in a large
  // vocabulary the loose key of an ordinary word ("perenoials") matches unrelated words
  // ("пиренеев", "purina"), while a letter away lies the word meant ("perennials").
  let correction: Correction | undefined;
  if (options.loose && nothing()) {
    let typos = await reader.typos(word.term);
    const viaLatin = typos.length === 0 && hasCyrillic(word.lower);
    if (viaLatin) {
      // A name written in Cyrillic may stand only in Latin texts ("Бялцкі", a letter dropped
      // from Бяляцкі, is a typo of "Bialiatski"): its Latin spellings are read as typos too.
      const latin = await Promise.all(spellings.slice(1).map((spelling) => reader.typos(spelling)));
      typos = nearest(latin.flat());
    }
    const best = typos[0];
    if (best) correction = { written: best.written ?? best.term, count: best.count };
    const entries = await Promise.all(typos.map((typo) => reader.entry(typo.term, KIND.word)));
    const names: string[] = [];
    let fewest = Infinity;
    entries.forEach((entry, index) => {
      if (!holds(entry)) return;
      const edits = typos[index]?.edits ?? 1;
      fewest = Math.min(fewest, edits);
      candidates.push(candidateOf(entry, SIMILARITY.typo - SIMILARITY.typoStep * edits, false));
      forms.terms.add(entry.term);
      if (entry.flags & FLAG.name) names.push(entry.term);
    });
    if ((fewest <= 1 || viaLatin) && (!word.capital || byKey.length === 0)) {
      // A letter away from a word, and not written as a name (or written as one, its key
      // finding nothing): its key's matches go; the names it was a typo of bring their other
      // spellings instead (a lowercase "bialatski" still finds Бяляцкі).
      byKey.length = 0;
      // The key of the name as written, not of its stem: that one is as loose as the typo's.
      const keys = [...new Set(names.map((name) => nameKey(name)).filter(Boolean))];
      const keyEntries = await Promise.all(keys.map((key) => reader.entry(key, KIND.key)));
      keyEntries.forEach((entry, index) => {
        if (!holds(entry)) return;
        byKey.push({
          candidate: candidateOf(entry, SIMILARITY.typo - SIMILARITY.typoStep, false),
          key: keys[index] ?? '',
        });
      });
    }
    // Organizations by a near spelling of a name word, by the same rule as words: "Comittee"
    // finds the Belarusian Helsinki Committee's publications, not only those whose text says so.
    found.push(...organizations.match(spellings, { prefix: false, typos: true }));
  }
  for (const { candidate, key } of byKey) {
    candidates.push(candidate);
    forms.keys.add(key);
  }
  return correction
    ? { candidates, organizations: found, correction }
    : { candidates, organizations: found };
}

/** Of typo candidates from several lookups, those with the fewest edits, the most used first. */
function nearest(candidates: readonly FuzzyCandidate[]): FuzzyCandidate[] {
  const fewest = Math.min(...candidates.map((candidate) => candidate.edits));
  const seen = new Set<string>();
  return candidates
    .filter((candidate) => candidate.edits === fewest)
    .sort((a, b) => b.count - a.count)
    .filter((candidate) => !seen.has(candidate.term) && seen.add(candidate.term));
}
