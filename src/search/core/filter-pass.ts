import { endKey, parsePartialDate, startKey } from '../../corpus/dates.ts';
import type { Columns } from '../index/columns.ts';

/**
 * The filters of a request as column values, and the one pass over the columns that applies them
 * to the matches: it counts every facet "as if its own filter were off" (OR within a facet, AND
 * across facets) and collects the timeline's publications as if the date bounds were off.
 */

export type Filters = {
  /** Indexes of the wanted types, organizations, languages; null: any. */
  types: ReadonlySet<number> | null;
  organizations: ReadonlySet<number> | null;
  languages: ReadonlySet<number> | null;
  /** First and last days (YYYYMMDD), inclusive; null: unbounded. */
  from: number | null;
  to: number | null;
};

export type FilterRequest = {
  types: readonly string[];
  organizations: readonly string[];
  languages: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
};

/** The indexes (in `ids`) of `values`; null when none are asked for. */
function indexesOf(values: readonly string[], ids: readonly string[]): Set<number> | null {
  if (values.length === 0) return null;
  const wanted = new Set(values);
  const indexes = new Set<number>();
  ids.forEach((id, index) => {
    if (wanted.has(id)) indexes.add(index);
  });
  return indexes;
}

function dateBound(value: string | undefined, edge: 'start' | 'end'): number | null {
  const date = value === undefined ? null : parsePartialDate(value);
  if (!date) return null;
  return edge === 'start' ? startKey(date) : endKey(date);
}

/** A request's filters against the archive's lists (unknown values match nothing). */
export function filtersOf(
  request: FilterRequest,
  lists: {
    types: readonly string[];
    organizations: readonly string[];
    languages: readonly string[];
  },
): Filters {
  return {
    types: indexesOf(request.types, lists.types),
    organizations: indexesOf(request.organizations, lists.organizations),
    languages: indexesOf(request.languages, lists.languages),
    from: dateBound(request.from, 'start'),
    to: dateBound(request.to, 'end'),
  };
}

export type FilterPass = {
  /** The listed publications the filters keep, in publication order. */
  results: number[];
  /** The same, whatever the date bounds: what the timeline counts. */
  undated: number[];
  /** Counts aligned with the archive's lists. */
  facets: { types: number[]; organizations: number[]; languages: number[] };
};

export function filterPass(
  columns: Columns,
  filters: Filters,
  /** Whether the query lists the publication (everything, without a query). */
  listed: (doc: number) => boolean,
  sizes: { types: number; organizations: number; languages: number },
): FilterPass {
  const facets = {
    types: new Array<number>(sizes.types).fill(0),
    organizations: new Array<number>(sizes.organizations).fill(0),
    languages: new Array<number>(sizes.languages).fill(0),
  };
  const results: number[] = [];
  const undated: number[] = [];
  const { types: wantedTypes, organizations: wantedOrgs, languages: wantedLanguages } = filters;
  // Column dates carry their precision in their last two bits (columnDate).
  const fromKey = (filters.from ?? -Infinity) * 4;
  const toKey = (filters.to ?? Infinity) * 4 + 3;
  for (let doc = 0; doc < columns.count; doc++) {
    if (!listed(doc)) continue;
    const type = columns.types[doc] ?? 0;
    const language = columns.languages[doc] ?? 0;
    const orgStart = columns.organizationStarts[doc] ?? 0;
    const orgEnd = columns.organizationStarts[doc + 1] ?? 0;
    let orgOk = !wantedOrgs;
    for (let i = orgStart; i < orgEnd && !orgOk; i++) {
      orgOk = wantedOrgs?.has(columns.organizations[i] ?? 0) ?? true;
    }
    const typeOk = !wantedTypes || wantedTypes.has(type);
    const languageOk = !wantedLanguages || wantedLanguages.has(language);
    if (typeOk && orgOk && languageOk) undated.push(doc);
    const key = columns.dates[doc] ?? 0;
    if (key < fromKey || key > toKey) continue;
    if (orgOk && languageOk) facets.types[type] = (facets.types[type] ?? 0) + 1;
    if (typeOk && languageOk) {
      for (let i = orgStart; i < orgEnd; i++) {
        const org = columns.organizations[i] ?? 0;
        facets.organizations[org] = (facets.organizations[org] ?? 0) + 1;
      }
    }
    if (typeOk && orgOk) facets.languages[language] = (facets.languages[language] ?? 0) + 1;
    if (typeOk && orgOk && languageOk) results.push(doc);
  }
  return { results, undated, facets };
}
