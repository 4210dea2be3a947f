/**
 * How text is cut into searchable terms. The build indexes the corpus with these functions and the
 * search core reads queries with them, so both sides always agree.
 */

import { hasCyrillic } from './transliterate.ts';

const COMBINING_MARKS = /\p{M}+/gu;

/** Letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSABLE: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
  þ: 'th',
  ð: 'd',
};
const UNDECOMPOSABLE_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'g');
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Lower case without diacritics: "Bialiatski" and "Białiatski" are one term, as are "Ales" and
 * "Aleś". Cyrillic letters with marks fold too (ё → е, ў → у, й → и), the same way on both sides, and
 * letters with a stroke fold by hand (ł → l), as Unicode gives them no mark to remove.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE[letter] ?? letter);
}

/** The terms of a text, folded, in order; single letters carry no meaning and are left out. */
export function tokenize(text: string): string[] {
  return words(text).map((word) => word.term);
}

export type Word = {
  /** The word as indexed: folded. */
  term: string;
  /**
   * The word as the stemmers read it: lower case without apostrophes, Cyrillic letters as
   * written (й, ў, ё kept apart), Latin letters folded.
   */
  lower: string;
  /** Written with a capital letter: names are, mostly. */
  capital: boolean;
  /** Where it is in the text. */
  start: number;
  end: number;
};

const RAW_WORD = /[\p{L}\p{N}\p{M}’'ʼ]+/gu;
/** Most words of most corpora: nothing to fold. */
const PLAIN_WORD = /^[a-z0-9]+$/;

/** Cyrillic words recur (and folding them is not free): their terms, remembered. */
const cyrillicWords = new Map<string, { lower: string; terms: string[] }>();

/**
 * Belarusian as it is also written: the classical spelling (тарашкевіца, used by independent
 * media) read as the official one, so "сьмяротнага пакараньня" is "смяротнага пакарання" and
 * "Эўропа" is "Еўропа". A soft sign between consonants goes (сьм, зьв, ньн, дзьв…), ґ is г, and
 * э after a consonant is е ("газэта", "газета"). Applied to every Cyrillic word, in the index and
 * in queries alike, so both spellings meet; what it merges in Russian ("мэр", "мер") is rare.
 */
export function officialSpelling(lower: string): string {
  return lower
    .replace(/ґ/g, 'г')
    .replace(/^эў/, 'еў')
    .replace(/([сзцнлд])ь(?=[бвгджзйклмнпрстфхцчшщў])/g, '$1')
    .replace(/(?<=[бвгджзклмнпрстфхцчшщў])э/g, 'е');
}

/** Latin letters that look like Cyrillic ones, and the reverse. */
const LATIN_LOOKALIKES: Record<string, string> = {
  A: 'А',
  a: 'а',
  B: 'В',
  C: 'С',
  c: 'с',
  E: 'Е',
  e: 'е',
  H: 'Н',
  I: 'І',
  i: 'і',
  K: 'К',
  k: 'к',
  M: 'М',
  O: 'О',
  o: 'о',
  P: 'Р',
  p: 'р',
  T: 'Т',
  X: 'Х',
  x: 'х',
  Y: 'У',
  y: 'у',
};
const CYRILLIC_LOOKALIKES: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_LOOKALIKES).map(([latin, cyrillic]) => [cyrillic, latin]),
);
const LATIN_LETTER = /[a-z]/i;
const LATIN_LETTERS = /[a-z]/gi;
const CYRILLIC_LETTERS = /[\u0400-\u04ff]/g;

/**
 * A word typed in two alphabets ("сiтуацыях" with a Latin i, "Helsіnki" with a Cyrillic і: real
 * texts have them, keyboards make them) in the alphabet most of its letters are in: the others are
 * read as the letters they look like.
 */
export function oneAlphabet(raw: string): string {
  if (!hasCyrillic(raw) || !LATIN_LETTER.test(raw)) return raw;
  const latin = raw.match(LATIN_LETTERS)?.length ?? 0;
  const cyrillic = raw.match(CYRILLIC_LETTERS)?.length ?? 0;
  const table = cyrillic >= latin ? LATIN_LOOKALIKES : CYRILLIC_LOOKALIKES;
  let out = '';
  for (const char of raw) out += table[char] ?? char;
  return out;
}

function cyrillicWord(lower: string) {
  let known = cyrillicWords.get(lower);
  if (known) return known;
  // Apostrophes belong to Belarusian words (сям'я); in English they split off a possessive.
  const word = officialSpelling(lower.replace(/['’ʼ]/g, ''));
  const terms = [...foldText(word).matchAll(WORD)]
    .map((part) => part[0])
    .filter((term) => term.length > 1);
  known = { lower: word, terms };
  if (cyrillicWords.size > 100_000) cyrillicWords.clear();
  cyrillicWords.set(lower, known);
  return known;
}

/**
 * The words of a text with their positions in it: what the index stores, what a query looks
 * up, and what highlighting marks. Single letters carry no meaning and are left out.
 */
export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(RAW_WORD)) {
    const raw = oneAlphabet(match[0]);
    const start = match.index;
    const lower = raw.toLowerCase();
    const capital = raw.charAt(0) !== lower.charAt(0);
    // The fast path: bodies make this the build's hottest loop.
    if (PLAIN_WORD.test(lower)) {
      if (lower.length > 1) {
        found.push({ term: lower, lower, capital, start, end: start + raw.length });
      }
      continue;
    }
    if (hasCyrillic(lower)) {
      const known = cyrillicWord(lower);
      for (const term of known.terms) {
        found.push({ term, lower: known.lower, capital, start, end: start + raw.length });
      }
      continue;
    }
    let offset = start;
    for (const piece of lower.split(/['’ʼ]/)) {
      const pieceCapital = raw.charAt(offset - start) !== piece.charAt(0);
      for (const part of foldText(piece).matchAll(WORD)) {
        if (part[0].length > 1) {
          found.push({
            term: part[0],
            lower: part[0],
            capital: pieceCapital,
            start: offset,
            end: offset + piece.length,
          });
        }
      }
      offset += piece.length + 1;
    }
  }
  return found;
}

/**
 * Words a query may contain that say nothing about what is wanted (English, Russian, Belarusian,
 * as written; folded as terms are). They are not required to
 * match (a publication need not contain "on" to match "statement on Viasna"), unless the query
 * holds nothing else.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  tokenize(`
    about after all also an and any are as at be been but by can could did do does for from had
    has have he her his how if in into is it its more not of on or our out over she so than
    that the their them then there these they this those through to under up was we were what
    when which while who will with would you
    без бы был была были было быть во вот все всё вы да для до его её если есть же за из или им
    их как когда ко кто ли мы на над не нет ни но об он она они оно от по под при про со так
    также там то тоже только уже чем что это этот эта эти
    аб ад але без бы быў была былі было вы да дзе для ён яна яны каб калі ці за па пад пра пры
    праз пасля перад так таксама там толькі ўжо што як гэта гэты гэтая гэтыя яго яе іх мы не ні
  `),
);
