import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { stemBelarusian } from './stem-be.ts';
import { hasCyrillic } from './transliterate.ts';

/**
 * Word forms (docs/decisions/010-word-forms.md): the index holds every word's stem beside the word,
 * and a query word is looked up by its stems too, so that "парушаецца" finds "парушалася" and
 * "prisoners" finds "prisoner". Russian and English use Snowball (@orama/stemmers); Belarusian its
 * own light suffix stemmer. Which stemmer reads a word depends on its letters and, where letters
 * cannot tell Belarusian from Russian, on the language of the publication it stands in; a query
 * has no language, so a Cyrillic query word is read both ways.
 */

export type StemLanguage = 'be' | 'ru' | 'en';

/** Letters only Belarusian has, and letters only Russian has. */
const BELARUSIAN_LETTERS = /[іў]/;
const RUSSIAN_LETTERS = /[иъщ]/;
const LATIN_WORD = /^[a-z]+$/;

/** The stemmer for a word of a publication in `language` (null: leave the word as it is). */
export function stemLanguageOf(lower: string, language: string): StemLanguage | null {
  if (hasCyrillic(lower)) {
    if (BELARUSIAN_LETTERS.test(lower)) return 'be';
    if (RUSSIAN_LETTERS.test(lower)) return 'ru';
    return language === 'be' ? 'be' : 'ru';
  }
  if (!LATIN_WORD.test(lower)) return null;
  // English words stand in Belarusian and Russian texts too; other languages have no stemmer.
  return language === 'en' || language === 'be' || language === 'ru' ? 'en' : null;
}

/** The stemmers a query word is read with: it has no language of its own. */
export function queryStemLanguages(lower: string): StemLanguage[] {
  if (hasCyrillic(lower)) {
    if (BELARUSIAN_LETTERS.test(lower)) return ['be'];
    if (RUSSIAN_LETTERS.test(lower)) return ['ru'];
    return ['be', 'ru'];
  }
  return LATIN_WORD.test(lower) ? ['en'] : [];
}

/**
 * Snowball English leaves comparatives of -y adjectives apart ("smokier", "smokiest" from
 * "smoki"); its stems ending so are cut back to the adjective's (measured on hunspell's English
 * families: 91.2 → 92.3 % of forms with their family, collisions 32.4 → 33.1 %).
 */
function stemEnglishWord(word: string): string {
  const stemmed = stemEnglish(word);
  // Seven letters at least: "priest" and "driest" are no comparatives of -y words.
  if (stemmed.length >= 7 && stemmed.endsWith('iest')) return stemmed.slice(0, -3);
  if (stemmed.length > 4 && stemmed.endsWith('ier')) return stemmed.slice(0, -2);
  return stemmed;
}

const STEMMERS: Record<StemLanguage, (word: string) => string> = {
  be: stemBelarusian,
  // Snowball's Russian stemmer reads е for ё.
  ru: (word) => stemRussian(word.replace(/ё/g, 'е')),
  en: stemEnglishWord,
};

/** Words recur: each stem is computed once (the build reads a million distinct words). */
const CACHE_LIMIT = 200_000;
const caches: Record<StemLanguage, Map<string, string>> = {
  be: new Map(),
  ru: new Map(),
  en: new Map(),
};

/**
 * The stem of a lower-case word (apostrophes removed, letters as written), in the same alphabet;
 * callers fold it like any term. A stemmer that would leave nothing keeps the word.
 */
export function stem(lower: string, language: StemLanguage): string {
  const cache = caches[language];
  let found = cache.get(lower);
  if (found === undefined) {
    found = STEMMERS[language](lower) || lower;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(lower, found);
  }
  return found;
}
