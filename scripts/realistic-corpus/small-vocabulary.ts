import type { WordForm } from '../bench/hunspell.ts';
import type { Language } from './lexicon.ts';

/**
 * A made-up dictionary for tests, in place of hunspell's: `families` lemmas of three forms each,
 * a stem of consonants and an ending that starts with a vowel, so that no two forms are alike and
 * none is a function word or a name.
 */
const LETTERS: Record<Language, { stem: string; endings: readonly string[] }> = {
  be: { stem: 'бвгдзклмнпрстфхцчшў', endings: ['а', 'ы', 'ам'] },
  ru: { stem: 'бвгджзклмнпрстфхцчшщ', endings: ['а', 'у', 'ом'] },
  en: { stem: 'bcdfghjklmnpqrstvwxz', endings: ['a', 'es', 'ing'] },
};

export function smallVocabulary(language: Language, families: number): WordForm[] {
  const { stem, endings } = LETTERS[language];
  const letters = [...stem];
  const stemOf = (n: number) => {
    let word = '';
    for (let rest = n; word.length < 3 || rest > 0; rest = Math.floor(rest / letters.length)) {
      word += letters[rest % letters.length];
    }
    return word;
  };
  return Array.from({ length: families }, (_, n) => {
    const lemma = `${stemOf(n)}${endings[0]}`;
    return endings.map((ending) => ({ form: `${stemOf(n)}${ending}`, lemma }));
  }).flat();
}
