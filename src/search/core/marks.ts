import { nameKeys } from '../analysis/name-key.ts';
import { stem, stemLanguageOf } from '../analysis/stem.ts';
import { foldText, words } from '../analysis/text.ts';
import { latinSpellings, spellingKey } from '../analysis/transliterate.ts';

/**
 * Which words of a text a query matched, to mark them: the same reading of words as the index's
 * (src/search/index/build-index.ts), so that what is marked is what was found.
 */
export type MatchedForms = {
  /** Indexed words matched: as typed, their Latin spellings, completions, typo candidates. */
  terms: Set<string>;
  /** Latin spellings of Cyrillic words matched (their keys: spellingKey). */
  spellings: Set<string>;
  stems: Set<string>;
  keys: Set<string>;
};

export function emptyForms(): MatchedForms {
  return { terms: new Set(), spellings: new Set(), stems: new Set(), keys: new Set() };
}

/** [start, end) of each matched word of `text`, a publication text in `language`. */
export function marksOf(text: string, language: string, forms: MatchedForms): [number, number][] {
  if (forms.terms.size + forms.spellings.size + forms.stems.size + forms.keys.size === 0) {
    return [];
  }
  const marks: [number, number][] = [];
  for (const word of words(text)) {
    if (marks.at(-1)?.[0] === word.start) continue;
    let matched = forms.terms.has(word.term);
    if (!matched && forms.terms.size + forms.spellings.size > 0) {
      matched = latinSpellings(word.lower).some((spelling) => {
        const latin = foldText(spelling);
        return forms.terms.has(latin) || forms.spellings.has(spellingKey(latin));
      });
    }
    if (!matched && forms.stems.size > 0) {
      const reader = stemLanguageOf(word.lower, language);
      matched = reader !== null && forms.stems.has(foldText(stem(word.lower, reader)));
    }
    if (!matched && forms.keys.size > 0 && word.capital) {
      matched = nameKeys(word.lower).some((key) => forms.keys.has(key));
    }
    if (matched) marks.push([word.start, word.end]);
  }
  return marks;
}
