import type { AnalyzedTerm } from '../glossary/concepts.ts';
import { encodeConcept, type ConceptTerm } from './concept-codec.ts';
import { indexFiles, type FileSink } from './files.ts';
import { IN_BODY } from './format.ts';
import type { Flat } from './term-streams.ts';

/**
 * The glossary's concepts as files (docs/index-format.md, "Glossary concepts"): for each term, the
 * publications holding every word of it, by the stems the index keeps.
 */

/**
 * The publications holding every word of a glossary term (by stem), and where: the FIELD bits
 * all its words share, else IN_BODY (its words stand in different fields, or in the body).
 */
function conceptTerm(term: AnalyzedTerm, stemPostings: (key: string) => Flat | null): ConceptTerm {
  let docs: number[] | null = null;
  let fields = new Map<number, number>();
  for (const key of term.stems) {
    const flat = stemPostings(key);
    const next = new Map<number, number>();
    flat?.docs.forEach((doc, index) => {
      if (docs === null || fields.has(doc)) {
        next.set(doc, (fields.get(doc) ?? 15) & (flat.bits[index] ?? 0));
      }
    });
    fields = next;
    docs = [...next.keys()];
    if (docs.length === 0) break;
  }
  const sorted = [...fields.keys()].sort((a, b) => a - b);
  return {
    language: term.language,
    text: term.text,
    stems: term.stems,
    docs: Uint32Array.from(sorted),
    fields: Uint8Array.from(sorted, (doc) => fields.get(doc) || IN_BODY),
  };
}

/**
 * Writes each concept some term of which the archive holds (`glossary/c.{hash}.bin`); returns, per
 * stem, the files of the concepts a term of which begins with it: the index's concept entries.
 */
export function writeConcepts(
  glossary: readonly AnalyzedTerm[][],
  stemPostings: (key: string) => Flat | null,
  write: FileSink,
): Map<string, string[]> {
  const byStem = new Map<string, string[]>();
  for (const concept of glossary) {
    const terms = concept.map((term) => conceptTerm(term, stemPostings));
    if (terms.every((term) => term.docs.length === 0)) continue;
    const name = write(indexFiles.concept, encodeConcept(terms));
    for (const term of concept) {
      const first = term.stems[0];
      if (first === undefined) continue;
      const list = byStem.get(first);
      if (!list) byStem.set(first, [name]);
      else if (!list.includes(name)) list.push(name);
    }
  }
  return byStem;
}
