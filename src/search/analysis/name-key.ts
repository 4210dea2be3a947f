import { queryStemLanguages, stem } from './stem.ts';
import { COMMON_LETTERS } from './transliterate.ts';

/**
 * One key for the spellings of a name across Belarusian, Russian and English
 * (docs/decisions/011-search-index.md): "Бяляцкі", "Беляцкий", "Беляцкого", "Bialiatski" and
 * "Belyatsky" all have the key "bVlVtk". The index stores it for words that are mostly written with
 * a capital letter (names), and a query word is looked up by it when it is such a name itself or
 * is found nowhere as typed.
 *
 * The key is made from the word's stem (so that case endings do not count), spelt in Latin, and
 * keeps what the three spellings share: the consonants, and where the vowels stand, but not which
 * vowels they are (Belarusian writes "я" and "а" where Russian writes "е" and "о"). Also merged:
 * г/h/g (Belarusian and Russian г), ц/ts with т (Belarusian "ці" is Russian "ти"), дз with д,
 * ў and a "v" after a vowel with that vowel (Ціханоўская, Тихановская, Tsikhanouskaya), doubled
 * letters, and vowels at the end.
 */

/** Cyrillic in Latin letters, one letter a sound where the two romanisations differ. */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  ...COMMON_LETTERS,
  г: 'g',
  е: 'e',
  ё: 'o',
  й: 'i',
  ў: 'v',
  ю: 'u',
  я: 'a',
};

/** Latin spellings of one sound, longest first, and the letter that stands for them in a key. */
const SOUNDS: [RegExp, string][] = [
  [/w/g, 'v'],
  [/ph/g, 'f'],
  [/q/g, 'k'],
  [/ck/g, 'k'],
  [/kh/g, 'x'],
  [/shch|sch/g, 'W'],
  [/sh/g, 'W'],
  [/zh/g, 'J'],
  [/tch|ch/g, 'C'],
  [/tz|ts/g, 't'],
  [/dz/g, 'd'],
  [/h/g, 'g'],
  [/[aeiouy]+/g, 'V'],
];

const NOT_LATIN = /[^a-z]/;
const MIN_CONSONANTS = 3;

/**
 * The key of a lower-case stem (Cyrillic or Latin, diacritics folded or not), or '' when the word
 * says too little to be told from others (fewer than three consonants).
 */
export function nameKey(stem: string): string {
  let latin = '';
  for (const char of stem.normalize('NFD')) {
    const mapped = CYRILLIC_TO_LATIN[char];
    if (mapped !== undefined) latin += mapped;
    else if (!NOT_LATIN.test(char)) latin += char;
  }
  for (const [pattern, letter] of SOUNDS) latin = latin.replace(pattern, letter);
  // "v" between a vowel and a consonant (or the end) is the Belarusian ў: part of the vowel.
  let key = latin.replace(/Vv(?=[^V]|$)/g, 'V');
  key = key.replace(/(.)\1+/g, '$1');
  // Endings differ between the languages even after stemming: drop what is left of them.
  let previous = '';
  while (previous !== key) {
    previous = key;
    key = key.replace(/V$/, '').replace(/Vv$/, '');
  }
  const consonants = key.replace(/V/g, '').length;
  return consonants >= MIN_CONSONANTS ? key : '';
}

/** Names shorter than this get no key: "Hold" and "Gold" would share one. */
export const MIN_NAME_LENGTH = 5;

/**
 * The keys of a word as written and of its stems under every stemmer that may read it: what the
 * index stores for a name, and what a query word is looked up by.
 */
export function nameKeys(lower: string): string[] {
  if ([...lower].length < MIN_NAME_LENGTH) return [];
  const keys = new Set([nameKey(lower)]);
  for (const language of queryStemLanguages(lower)) keys.add(nameKey(stem(lower, language)));
  keys.delete('');
  return [...keys];
}
