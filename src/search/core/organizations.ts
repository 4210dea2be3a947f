import { queryStemLanguages, stem } from '../analysis/stem.ts';
import { foldText, words } from '../analysis/text.ts';
import { latinSpellings } from '../analysis/transliterate.ts';
import type { Columns } from '../index/columns.ts';
import type { CorpusMeta } from '../protocol.ts';
import { SIMILARITY } from './ranking.ts';
import { TermMatcher } from './term-matcher.ts';

/**
 * Organizations are found by every one of their names and aliases, in either script and in other
 * forms ("Вясны" is "Вясна"), through a small vocabulary of their own kept in memory: a match
 * counts for every publication the organization issued.
 */

export type OrganizationMatch = {
  /** The organizations' publications. */
  docs: readonly number[];
  similarity: number;
  exact: boolean;
  /** Publications the matched organizations issued, for weighing the word. */
  count: number;
};

export class Organizations {
  private readonly docsByOrganization: number[][];
  private readonly byTerm: number[][];
  private readonly matcher: TermMatcher;
  private readonly byStem = new Map<string, Set<number>>();

  constructor(meta: CorpusMeta, columns: Columns) {
    this.docsByOrganization = meta.organizations.map(() => []);
    for (let doc = 0; doc < columns.count; doc++) {
      const end = columns.organizationStarts[doc + 1] ?? 0;
      for (let i = columns.organizationStarts[doc] ?? 0; i < end; i++) {
        this.docsByOrganization[columns.organizations[i] ?? 0]?.push(doc);
      }
    }
    const termSets = new Map<string, Set<number>>();
    const add = (map: Map<string, Set<number>>, term: string, org: number) => {
      let set = map.get(term);
      if (!set) map.set(term, (set = new Set()));
      set.add(org);
    };
    meta.organizations.forEach((org, index) => {
      for (const name of [
        org.name,
        org.id,
        ...Object.values(org.names ?? {}),
        ...(org.aliases ?? []),
      ]) {
        for (const word of words(name)) {
          add(termSets, word.term, index);
          for (const spelling of latinSpellings(word.lower))
            add(termSets, foldText(spelling), index);
          for (const language of queryStemLanguages(word.lower)) {
            add(this.byStem, foldText(stem(word.lower, language)), index);
          }
        }
      }
    });
    const terms = [...termSets.keys()].sort();
    this.byTerm = terms.map((term) => [...(termSets.get(term) ?? [])]);
    this.matcher = new TermMatcher(terms, (term) => this.countOf(this.byTerm[term] ?? []));
  }

  private countOf(organizations: Iterable<number>): number {
    let count = 0;
    for (const org of organizations) count += this.docsByOrganization[org]?.length ?? 0;
    return count;
  }

  private docsOf(organizations: Iterable<number>): number[] {
    const docs = new Set<number>();
    for (const org of organizations)
      for (const doc of this.docsByOrganization[org] ?? []) docs.add(doc);
    return [...docs];
  }

  /** The publications of one organization (by its place in the start data). */
  publicationsOf(organization: number): readonly number[] {
    return this.docsByOrganization[organization] ?? [];
  }

  /**
   * What a query word may mean among the organizations' names: the word (or its Latin
   * spelling) exactly, words it begins when `prefix`, and, when `typos`, words a typo away.
   */
  match(
    spellings: readonly string[],
    options: { prefix: boolean; typos: boolean },
  ): OrganizationMatch[] {
    const found: OrganizationMatch[] = [];
    for (const spelling of spellings) {
      for (const match of this.matcher.match(spelling, {
        prefix: options.prefix,
        fuzzy: options.typos,
      })) {
        const organizations = this.byTerm[match.term] ?? [];
        found.push({
          docs: this.docsOf(organizations),
          similarity: match.similarity,
          exact: match.exact,
          count: this.countOf(organizations),
        });
      }
    }
    return found;
  }

  /** The organizations with a name word of this stem ("Вясны" → "Вясна"). */
  matchStems(stems: readonly string[]): OrganizationMatch[] {
    const organizations = new Set<number>();
    for (const value of stems)
      for (const org of this.byStem.get(value) ?? []) organizations.add(org);
    if (organizations.size === 0) return [];
    return [
      {
        docs: this.docsOf(organizations),
        similarity: SIMILARITY.stem,
        exact: false,
        count: this.countOf(organizations),
      },
    ];
  }

  /** The publications of organizations named exactly so (a quoted word, an exclusion). */
  exactly(spellings: readonly string[]): number[] {
    const organizations = new Set<number>();
    for (const spelling of spellings) {
      const term = this.matcher.exact(spelling);
      for (const org of term >= 0 ? (this.byTerm[term] ?? []) : []) organizations.add(org);
    }
    return this.docsOf(organizations);
  }
}
