import { stem, stemLanguageOf } from '../analysis/stem.ts';
import { STOP_WORDS, foldText, words } from '../analysis/text.ts';
import shipped from './glossary.json' with { type: 'json' };

/**
 * The glossary as the build reads it (docs/decisions/016-ranking.md, "Across languages"): the
 * concepts the app ships (glossary.json, reviewed by hand) and those a corpus adds (`glossary`
 * in the corpus format), each term cut into the stems of its words, as the index stems them in a
 * publication of the term's language. Build-time only: the reader gets each concept as a file
 * of its own, with the publications of each term (format.ts, `encodeConcept`).
 */

/** A concept as the corpus format gives it: a language tag to the terms that name it there. */
export type GlossaryEntry = { terms: Readonly<Record<string, readonly string[]>> };

/** A term, and the stems of its words (stop words left out), in order. */
export type AnalyzedTerm = { language: string; text: string; stems: string[] };

/** The concepts the app ships. */
export const SHIPPED_GLOSSARY: readonly GlossaryEntry[] = shipped;

/** The stems a term's words have in a publication of `language` (its primary subtag). */
export function termStems(text: string, language: string): string[] {
  const primary = language.split('-')[0]?.toLowerCase() ?? '';
  return words(text)
    .filter((word) => !STOP_WORDS.has(word.term))
    .map((word) => {
      const reader = stemLanguageOf(word.lower, primary);
      return reader ? foldText(stem(word.lower, reader)) : word.term;
    });
}

/**
 * Every concept's terms, analysed: terms with no word left, and terms whose stems another term
 * of the concept already has, go.
 */
export function analyzeGlossary(entries: readonly GlossaryEntry[]): AnalyzedTerm[][] {
  return entries.map((entry) => {
    const seen = new Set<string>();
    const terms: AnalyzedTerm[] = [];
    for (const [language, texts] of Object.entries(entry.terms)) {
      for (const text of texts) {
        const stems = termStems(text, language);
        const key = stems.join(' ');
        if (stems.length === 0 || seen.has(key)) continue;
        seen.add(key);
        terms.push({ language: language.split('-')[0]?.toLowerCase() ?? language, text, stems });
      }
    }
    return terms;
  });
}
