/**
 * How text is cut into searchable terms. The build indexes the corpus with these functions and the
 * search core reads queries with them, so both sides always agree.
 */

import { hasCyrillic, latinSpellings } from './transliterate.ts';

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
  /** Its Latin spellings, when it is Cyrillic (ё, й, ў kept apart before folding). */
  latin: readonly string[];
  /** Where it is in the text. */
  start: number;
  end: number;
};

const RAW_WORD = /[\p{L}\p{N}\p{M}’'ʼ]+/gu;
/** Most words of most corpora: nothing to fold, nothing to spell. */
const PLAIN_WORD = /^[a-z0-9]+$/;
const NO_SPELLINGS: string[] = [];

type CyrillicWord = { terms: string[]; latin: readonly string[] };
/** Cyrillic words recur (and transliterating them is not free): their forms, remembered. */
const cyrillicWords = new Map<string, CyrillicWord>();

function cyrillicWord(lower: string): CyrillicWord {
  let known = cyrillicWords.get(lower);
  if (known) return known;
  // Apostrophes belong to Belarusian words (сям'я); in English they split off a possessive.
  const word = lower.replace(/['’ʼ]/g, '');
  const terms = [...foldText(word).matchAll(WORD)]
    .map((part) => part[0])
    .filter((term) => term.length > 1);
  known = { terms, latin: latinSpellings(word) };
  if (cyrillicWords.size > 100_000) cyrillicWords.clear();
  cyrillicWords.set(lower, known);
  return known;
}

/**
 * The words of a text with their positions in it and their Latin spellings: what the index
 * stores, what a query looks up, and what highlighting marks.
 */
export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(RAW_WORD)) {
    const raw = match[0];
    const start = match.index;
    const lower = raw.toLowerCase();
    // The fast path: bodies make this the build's hottest loop.
    if (PLAIN_WORD.test(lower)) {
      if (lower.length > 1) {
        found.push({ term: lower, latin: NO_SPELLINGS, start, end: start + raw.length });
      }
      continue;
    }
    if (hasCyrillic(lower)) {
      const { terms, latin } = cyrillicWord(lower);
      for (const term of terms) found.push({ term, latin, start, end: start + raw.length });
      continue;
    }
    let offset = start;
    for (const piece of lower.split(/['’ʼ]/)) {
      for (const part of foldText(piece).matchAll(WORD)) {
        if (part[0].length > 1) {
          found.push({
            term: part[0],
            latin: NO_SPELLINGS,
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
 * Words a query may contain that say nothing about what is wanted. They are not required to
 * match (a publication need not contain "on" to match "statement on Viasna"), unless the query
 * holds nothing else.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  // Russian and Belarusian (folded: й → и, ў → у)
  'аб',
  'ад',
  'ва',
  'да',
  'для',
  'за',
  'из',
  'на',
  'не',
  'об',
  'от',
  'па',
  'по',
  'со',
  'што',
  'что',
]);
