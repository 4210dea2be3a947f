/**
 * How text is cut into searchable terms. The build indexes the corpus with these functions and the
 * search core reads queries with them, so both sides always agree.
 */

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
  const terms: string[] = [];
  for (const match of foldText(text).matchAll(WORD)) {
    if (match[0].length > 1) terms.push(match[0]);
  }
  return terms;
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
