import type { Kind } from './format.ts';

/**
 * The vocabulary as the build lays it out: an entry before it is written, and the merge of each
 * kind's sorted terms into one sorted stream (by term, then kind), holding nothing but the term
 * strings for the sort.
 */

/**
 * An entry before it is written. `alias`: the word whose postings it shares, as they are (a Latin
 * spelling of one Cyrillic word, a stem or a name key only one word has), so they are stored once.
 */
export type Pending = {
  term: string;
  kind: Kind;
  flags: number;
  /** The word ids (or, for a stem, the stem id) whose postings it lists. */
  sources: number | number[];
  alias?: number;
  /** Concept entries: the files of the concepts a term of which begins with this stem. */
  concepts?: string[];
};

/** The ids an entry of a spelling or key holds: one (most often) or several. */
export type Held = number | number[];

export function hold(map: Map<string, Held>, term: string, id: number) {
  const known = map.get(term);
  if (known === undefined) map.set(term, id);
  else if (typeof known === 'number') {
    if (known !== id) map.set(term, [known, id]);
  } else if (!known.includes(id)) known.push(id);
}

export const idsOf = (sources: number | number[]) =>
  typeof sources === 'number' ? [sources] : sources;

/** One kind's terms, sorted, and how each becomes an entry (null: none). */
export type KindList = {
  kind: Kind;
  terms: string[];
  entry(term: string): Pending | null;
};

/** The entries of every kind, merged: by term (UTF-16 order), then kind. */
export function* mergeKinds(lists: readonly KindList[]): Generator<Pending> {
  const next = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let index = 0; index < lists.length; index++) {
      const list = lists[index] as KindList;
      const term = list.terms[next[index] ?? 0];
      if (term === undefined) continue;
      const bestList = lists[best];
      const bestTerm = bestList?.terms[next[best] ?? 0];
      if (
        bestTerm === undefined ||
        term < bestTerm ||
        (term === bestTerm && list.kind < (bestList?.kind ?? 0))
      ) {
        best = index;
      }
    }
    const list = lists[best];
    if (!list) return;
    const term = list.terms[next[best] ?? 0] as string;
    next[best] = (next[best] ?? 0) + 1;
    const entry = list.entry(term);
    if (entry) yield entry;
  }
}
