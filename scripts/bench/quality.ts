import type { SearchCore } from '../../src/search/core/search-core.ts';
import { allMatches, LANGUAGES, union, type Probes } from './cold-queries.ts';
import type { VocabularyLanguage } from './hunspell.ts';
import { median } from './stats.ts';

/**
 * Word forms and precision, in Node over a build (docs/benchmarking.md), from the probes of the
 * realistic corpus: hunspell's lemma families and every publication holding each form.
 *
 * - **Recall of other forms**: query a form Q of a family; of the publications holding another form
 *   T of it (T ≠ Q), the share found. Document-weighted: found ÷ wanted, summed over every query.
 * - **Precision**: of all the matches of Q, the share holding some form of the family.
 * - **Rare families** (held by ≤ 5 publications): the median number of matches against the
 *   median true count: typo matches of other words show up here first.
 * - **Names**: every spelling as a query, recall and precision over the publications of the
 *   name's spellings with as many words ("Bialiatski" wants every spelling of the surname, "Ales
 *   Bialiatski" the full name's).
 *
 * Queries go in as typed (the last word also matches as a prefix, as in the search box), and
 * again complete (followed by a space, as when another word follows: no prefix matches).
 */

/** Query forms per family at most: spread from the most used form to the least. */
const FORMS_PER_FAMILY = 4;
const RARE = 5;

export type LanguageQuality = {
  language: VocabularyLanguage;
  families: number;
  queries: number;
  /** Document-weighted recall of the other forms. */
  recall: number;
  /** Share of families whose queries found ≥ 95 % of the other forms' publications. */
  familiesAt95: number;
  /** Matches holding a form of the family ÷ matches, summed over the queries. */
  precision: number;
  /**
   * Recall over the other forms that begin with the same three letters as the one typed: without
   * the families' prefixed words (un-, in-, за-, пра-…), which hunspell counts as one lemma.
   */
  recallSameStart: number;
  /** The same two for the word complete (followed by a space: no longer matched as a prefix). */
  recallComplete: number;
  precisionComplete: number;
  /** Median over queries of each query's precision. */
  medianPrecision: number;
  rare: { families: number; queries: number; medianMatches: number; medianTrue: number };
  /** The queries with the lowest recall, for the report. */
  worst: { query: string; recall: number; wanted: number; matches: number }[];
};

export type NameQuality = {
  name: string;
  publications: number;
  forms: { form: string; held: number; matches: number; recall: number; precision: number }[];
  recall: number;
  precision: number;
};

export type QualityFigures = { languages: LanguageQuality[]; names: NameQuality[]; ms: number };

function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from(
    { length: n },
    (_, i) => list[Math.round((i * (list.length - 1)) / (n - 1))] as T,
  );
}

export async function measureQuality(core: SearchCore, probes: Probes): Promise<QualityFigures> {
  const started = performance.now();
  const languages: LanguageQuality[] = [];
  for (const language of LANGUAGES) {
    const families = probes.families[language].filter(
      (family) => Object.keys(family.forms).length >= 2,
    );
    let found = 0;
    let wantedTotal = 0;
    let relevant = 0;
    let matchesTotal = 0;
    let familiesAt95 = 0;
    const complete = { found: 0, relevant: 0, matches: 0 };
    const sameStart = { found: 0, wanted: 0 };
    const precisions: number[] = [];
    const rareMatches: number[] = [];
    const rareTrue: number[] = [];
    let rareFamilies = 0;
    const worst: LanguageQuality['worst'] = [];
    let queries = 0;
    for (const family of families) {
      const all = union(family.forms);
      const forms = Object.entries(family.forms)
        .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
        .map(([form]) => form);
      let familyFound = 0;
      let familyWanted = 0;
      const rare = all.size <= RARE;
      if (rare) rareFamilies += 1;
      for (const form of spread(forms, FORMS_PER_FAMILY)) {
        const matches = await allMatches(core, form);
        const matched = new Set(matches);
        const others = union(family.forms, form);
        const hit = [...others].filter((id) => matched.has(id)).length;
        const holding = matches.filter((id) => all.has(id)).length;
        queries += 1;
        found += hit;
        wantedTotal += others.size;
        familyFound += hit;
        familyWanted += others.size;
        relevant += holding;
        matchesTotal += matches.length;
        if (matches.length) precisions.push(holding / matches.length);
        const start = form.slice(0, 3);
        const alike = union(
          Object.fromEntries(
            Object.entries(family.forms).filter(
              ([other]) => other !== form && other.slice(0, 3) === start,
            ),
          ),
        );
        sameStart.wanted += alike.size;
        sameStart.found += [...alike].filter((id) => matched.has(id)).length;
        const completeMatches = await allMatches(core, `${form} `);
        const completeSet = new Set(completeMatches);
        complete.found += [...others].filter((id) => completeSet.has(id)).length;
        complete.relevant += completeMatches.filter((id) => all.has(id)).length;
        complete.matches += completeMatches.length;
        if (rare) {
          rareMatches.push(matches.length);
          rareTrue.push(all.size);
        }
        if (others.size)
          worst.push({
            query: form,
            recall: hit / others.size,
            wanted: others.size,
            matches: matches.length,
          });
      }
      if (familyWanted === 0 || familyFound / familyWanted >= 0.95) familiesAt95 += 1;
    }
    worst.sort((a, b) => a.recall - b.recall || b.wanted - a.wanted);
    languages.push({
      language,
      families: families.length,
      queries,
      recall: wantedTotal ? found / wantedTotal : Number.NaN,
      familiesAt95: families.length ? familiesAt95 / families.length : Number.NaN,
      precision: matchesTotal ? relevant / matchesTotal : Number.NaN,
      recallSameStart: sameStart.wanted ? sameStart.found / sameStart.wanted : Number.NaN,
      recallComplete: wantedTotal ? complete.found / wantedTotal : Number.NaN,
      precisionComplete: complete.matches ? complete.relevant / complete.matches : Number.NaN,
      medianPrecision: median(precisions),
      rare: {
        families: rareFamilies,
        queries: rareMatches.length,
        medianMatches: median(rareMatches),
        medianTrue: median(rareTrue),
      },
      worst: worst.slice(0, 3),
    });
  }

  const names: NameQuality[] = [];
  const wordCount = (form: string) => form.split(/\s+/).length;
  for (const { name, forms } of probes.names) {
    const rows: NameQuality['forms'] = [];
    let found = 0;
    let wanted = 0;
    let relevant = 0;
    let matchesTotal = 0;
    for (const [form, held] of Object.entries(forms)) {
      // "Bialiatski" wants every publication naming him; "Ales Bialiatski" those with his full
      // name: the spellings with as many words.
      const all = union(
        Object.fromEntries(
          Object.entries(forms).filter(([other]) => wordCount(other) === wordCount(form)),
        ),
      );
      const matches = await allMatches(core, form);
      const matched = new Set(matches);
      const hit = [...all].filter((id) => matched.has(id)).length;
      const holding = matches.filter((id) => all.has(id)).length;
      found += hit;
      wanted += all.size;
      relevant += holding;
      matchesTotal += matches.length;
      rows.push({
        form,
        held: held.length,
        matches: matches.length,
        recall: all.size ? hit / all.size : Number.NaN,
        precision: matches.length ? holding / matches.length : Number.NaN,
      });
    }
    names.push({
      name,
      publications: union(forms).size,
      forms: rows,
      recall: wanted ? found / wanted : Number.NaN,
      precision: matchesTotal ? relevant / matchesTotal : Number.NaN,
    });
  }
  return { languages, names, ms: performance.now() - started };
}
