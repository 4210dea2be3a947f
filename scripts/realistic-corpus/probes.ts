import { writeFileSync } from 'node:fs';
import {
  familyChance,
  familySize,
  formCdf,
  LANGUAGES,
  type Language,
  type Lexicon,
} from './lexicon.ts';
import type { Random } from '../../src/testing/random.ts';
import { shuffle, streamFor } from './sampling.ts';

/**
 * Ground truth for search quality, recorded while the corpus is written (`<out>.probes.json`):
 * before generating, ~150 content families per language are chosen whose expected number of
 * publications at this count is 3–300; for each, every form that occurs (lower-cased) lists the
 * publications it occurs in, in any field; likewise every spelling of every name (as written).
 * Lists stop at 2,000 ids.
 */

const PROBE_FAMILIES = 150;
/** Chosen before generating; those with fewer than 2 forms that occur are dropped after. */
const PROBE_CANDIDATES = 180;
const PROBE_PUBLICATIONS = { min: 3, max: 300 };
const PROBE_ID_CAP = 2000;

/**
 * Publication ids per probe slot: a case-folded spelling of a form of a probe family (whichever
 * family or language writes it), or a spelling of a name (as written).
 */
export class Probes {
  private readonly lists: string[][] = [];
  private readonly pending = new Set<number>();
  /** The slot of each case-folded spelling (Spellings), or -1. */
  private bySpelling = new Int32Array(0);

  newSlot(): number {
    this.lists.push([]);
    return this.lists.length - 1;
  }
  /** Once all spellings are numbered: probe families can be marked. */
  watchSpellings(count: number) {
    this.bySpelling = new Int32Array(count).fill(-1);
  }
  slotForSpelling(spelling: number): number {
    let slot = this.bySpelling[spelling] ?? -1;
    if (slot < 0) {
      slot = this.newSlot();
      this.bySpelling[spelling] = slot;
    }
    return slot;
  }
  /** The publication being made contains the slot's form. */
  hit(slot: number) {
    this.pending.add(slot);
  }
  /** The publication being made contains the spelling. */
  hitSpelling(spelling: number) {
    const slot = this.bySpelling[spelling] ?? -1;
    if (slot >= 0) this.pending.add(slot);
  }
  /** The publication being made is done: it gets its id. */
  flush(id: string) {
    for (const slot of this.pending) {
      const ids = this.lists[slot];
      if (ids && ids.length < PROBE_ID_CAP) ids.push(id);
    }
    this.pending.clear();
  }
  ids(slot: number): string[] {
    return this.lists[slot] ?? [];
  }
}

export type ProbeFamily = { rank: number; lemma: string; slots: Map<string, number> };

/** What Zipf's law expects of a family: the publications containing it, the forms seen. */
type Expect = (rank: number) => { publications: number; formsSeen: number };

/** Expectations for `publications` publications of `wordsPerPublication` tokens. */
function expectations(lexicon: Lexicon, publications: number, wordsPerPublication: number): Expect {
  return (rank) => {
    const p = familyChance(lexicon, rank);
    const tokens = publications * wordsPerPublication * p;
    const size = familySize(lexicon, rank);
    const forms = formCdf(size);
    let formsSeen = 0;
    for (let j = 0; j < size; j++) {
      const q = (forms[j] ?? 0) - (j > 0 ? (forms[j - 1] ?? 0) : 0);
      formsSeen += 1 - Math.exp(-tokens * q);
    }
    return { publications: publications * (1 - Math.exp(-wordsPerPublication * p)), formsSeen };
  };
}

function isProbeCandidate(lexicon: Lexicon, rank: number, expect: Expect): boolean {
  if (rank < lexicon.functionWords || familySize(lexicon, rank) < 2) return false;
  const expected = expect(rank);
  return (
    expected.publications >= PROBE_PUBLICATIONS.min &&
    expected.publications <= PROBE_PUBLICATIONS.max &&
    expected.formsSeen >= 2
  );
}

/** The first rank expected in at most `target` publications (expectations fall with rank). */
function rankForPublications(lexicon: Lexicon, target: number, expect: Expect): number {
  let low = lexicon.functionWords;
  let high = lexicon.lemmas.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (expect(middle).publications <= target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The candidate nearest to `rank` (after it first) that is not chosen yet, if any is near. */
function nearestCandidate(
  lexicon: Lexicon,
  rank: number,
  expect: Expect,
  chosen: ReadonlySet<number>,
): number | undefined {
  const fits = (candidate: number) =>
    candidate >= 0 &&
    candidate < lexicon.lemmas.length &&
    !chosen.has(candidate) &&
    isProbeCandidate(lexicon, candidate, expect);
  for (let distance = 0; distance < 500; distance++) {
    if (fits(rank + distance)) return rank + distance;
    if (fits(rank - distance - 1)) return rank - distance - 1;
  }
  return undefined;
}

/**
 * Candidate families spread evenly over log(expected publications) from 3 to 300: for each target,
 * the nearest candidate to the rank that has it. (A big count expects even the rarest family in
 * more than 3 publications: the rarest targets then take the last ranks.)
 */
export function chooseProbeFamilies(
  lexicon: Lexicon,
  publications: number,
  wordsPerPublication: number,
): number[] {
  const expect = expectations(lexicon, publications, wordsPerPublication);
  const chosen = new Set<number>();
  const { min, max } = PROBE_PUBLICATIONS;
  for (let i = 0; i < PROBE_CANDIDATES; i++) {
    const target = min * (max / min) ** ((i + 0.5) / PROBE_CANDIDATES);
    const rank = rankForPublications(lexicon, target, expect);
    const candidate = nearestCandidate(lexicon, rank, expect, chosen);
    if (candidate !== undefined) chosen.add(candidate);
  }
  return [...chosen];
}

/**
 * Gives each form of the chosen families the slot of its case-folded spelling, so that its list
 * holds every publication with that spelling, from whichever family or language.
 */
export function markProbeFamilies(
  lexicon: Lexicon,
  ranks: readonly number[],
  probes: Probes,
): ProbeFamily[] {
  return ranks.map((rank) => {
    const slots = new Map<string, number>();
    const start = lexicon.familyStart[rank] ?? 0;
    for (let position = start; position < start + familySize(lexicon, rank); position++) {
      const key = (lexicon.forms[position] ?? '').toLowerCase();
      slots.set(key, probes.slotForSpelling(lexicon.spellings[position] ?? 0));
    }
    return { rank, lemma: lexicon.lemmas[rank] ?? '', slots };
  });
}

/** Each form (or spelling) that occurs, with its publications. */
function occurring(slots: Map<string, number>, probes: Probes): Record<string, string[]> {
  return Object.fromEntries(
    [...slots].flatMap(([form, slot]) => {
      const ids = probes.ids(slot);
      return ids.length > 0 ? [[form, ids]] : [];
    }),
  );
}

/** Up to 150 of the candidates (a seeded choice) with at least two forms that occur, by rank. */
function familiesOutput(families: readonly ProbeFamily[], probes: Probes, rng: Random) {
  const occurred = families
    .map((family) => ({
      rank: family.rank,
      lemma: family.lemma,
      forms: occurring(family.slots, probes),
    }))
    .filter((family) => Object.keys(family.forms).length >= 2);
  return shuffle(rng, occurred)
    .slice(0, PROBE_FAMILIES)
    .sort((a, b) => a.rank - b.rank)
    .map(({ lemma, forms }) => ({ lemma, forms }));
}

/** Writes the probes file: the words counted, the families' and the names' publications. */
export function writeProbes(
  file: string,
  probes: Probes,
  written: {
    count: number;
    seed: number;
    distinctWords: number;
    tokens: number;
    families: Record<Language, ProbeFamily[]>;
    names: readonly { name: string; slots: Map<string, number> }[];
  },
) {
  const output = {
    count: written.count,
    distinctWords: written.distinctWords,
    tokens: written.tokens,
    families: Object.fromEntries(
      LANGUAGES.map((language) => [
        language,
        familiesOutput(
          written.families[language],
          probes,
          streamFor(written.seed, `probes:${language}`),
        ),
      ]),
    ),
    names: written.names.map((name) => ({ name: name.name, forms: occurring(name.slots, probes) })),
  };
  writeFileSync(file, `${JSON.stringify(output)}\n`);
}
