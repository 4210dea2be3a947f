import type { ConceptTerm } from '../index/concept-codec.ts';
import type { MatchedForms } from './marks.ts';
import { SIMILARITY } from './ranking.ts';
import { stemsOf } from './word-matches.ts';
import type { GlossaryCandidate, MatchContext, WordPart } from './word-part.ts';

/**
 * Across languages (docs/decisions/016-ranking.md): where a run of the query's words is a term of
 * a glossary concept ("смертная казнь", "death penalty"), the concept's other terms — in the other
 * languages, and synonyms — find publications for those words too. The concepts a word may begin
 * are listed in the index under its stems (in blocks the word's own lookup has read); a concept's
 * terms and their publications are one small file, read only when the query names it.
 */
export async function widenByGlossary(
  context: MatchContext,
  parts: readonly WordPart[],
  forms: MatchedForms,
): Promise<void> {
  const { reader } = context;
  const content = parts.filter((part) => !part.optional);
  const keys = content.map((part) => new Set([part.word.term, ...stemsOf(part.word)]));
  const listed = await Promise.all(
    keys.map(async (set) => {
      const found = await Promise.all([...set].map((key) => reader.conceptsOf(key)));
      return [...new Set(found.flat())];
    }),
  );
  if (listed.every((concepts) => concepts.length === 0)) return;
  const concepts = new Map<string, ConceptTerm[]>();
  await Promise.all(
    [...new Set(listed.flat())].map(async (concept) => {
      concepts.set(concept, await reader.concept(concept));
    }),
  );
  // Every run of words a term of a concept spells, longest first.
  type Span = { start: number; length: number; concept: string; terms: Set<number> };
  const spans: Span[] = [];
  listed.forEach((numbers, start) => {
    for (const concept of numbers) {
      const terms = concepts.get(concept) ?? [];
      let span: Span | null = null;
      terms.forEach((term, index) => {
        const length = term.stems.length;
        if (start + length > content.length) return;
        const spelt = term.stems.every((stem, offset) => keys[start + offset]?.has(stem));
        if (!spelt) return;
        if (!span || length > span.length) span = { start, length, concept, terms: new Set() };
        if (length === span.length) span.terms.add(index);
      });
      if (span) spans.push(span);
    }
  });
  // Longest runs first; a run overlapping one already taken is left out, but every concept of
  // a taken run widens it.
  spans.sort((a, b) => b.length - a.length || a.start - b.start);
  const taken = new Map<number, string>();
  for (const span of spans) {
    const run = `${span.start}:${span.length}`;
    const covered = Array.from({ length: span.length }, (_, offset) => span.start + offset);
    if (covered.some((index) => taken.has(index) && taken.get(index) !== run)) continue;
    for (const index of covered) taken.set(index, run);
    const terms = concepts.get(span.concept) ?? [];
    const typed = new Set([...span.terms].map((index) => terms[index]?.language));
    terms.forEach((term, index) => {
      if (span.terms.has(index) || term.docs.length === 0) return;
      for (const stem of term.stems) forms.stems.add(stem);
      const candidate: GlossaryCandidate = {
        term: term.text,
        language: term.language,
        similarity: typed.has(term.language) ? SIMILARITY.glossarySame : SIMILARITY.glossary,
        docs: term.docs,
        fields: term.fields,
      };
      for (const offset of covered) content[offset]?.glossary.push(candidate);
    });
  }
}
