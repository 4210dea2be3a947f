// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { random } from '../../testing/random.ts';
import { bestCandidates, editDistance, fuzzyPlan, typoAllowance } from './fuzzy.ts';

/**
 * Edits from `a` to `b`, the textbook way (a full table, no cap): letters replaced, inserted,
 * deleted, or two neighbours swapped once.
 */
function referenceDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => table[i]?.[j] ?? Infinity;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const same = a[i - 1] === b[j - 1];
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (same ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, at(i - 2, j - 2) + 1);
      }
      (table[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}

/** Every word one edit away from `word`, over `alphabet`. */
function oneEditAway(word: string, alphabet: string): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    for (const letter of alphabet) {
      found.add(word.slice(0, i) + letter + word.slice(i)); // inserted
      if (i < word.length) found.add(word.slice(0, i) + letter + word.slice(i + 1)); // replaced
    }
    if (i < word.length) found.add(word.slice(0, i) + word.slice(i + 1)); // deleted
    if (i + 1 < word.length) {
      found.add(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2)); // swapped
    }
  }
  found.delete(word);
  return found;
}

/** Every word of these lengths over `alphabet`. */
function allWords(alphabet: string, lengths: number[]): string[] {
  const out: string[] = [];
  const extend = (prefix: string, length: number) => {
    if (prefix.length === length) {
      out.push(prefix);
      return;
    }
    for (const letter of alphabet) extend(prefix + letter, length);
  };
  for (const length of lengths) extend('', length);
  return out;
}

describe('editDistance', () => {
  it('counts a replaced, an inserted and a deleted letter as one edit each', () => {
    expect(editDistance('trial', 'trial', 2)).toBe(0);
    expect(editDistance('court', 'count', 2)).toBe(1);
    expect(editDistance('court', 'courts', 2)).toBe(1);
    expect(editDistance('courts', 'court', 2)).toBe(1);
    expect(editDistance('bialiatski', 'bialatski', 2)).toBe(1);
    expect(editDistance('court', 'cart', 2)).toBe(2);
  });

  it('counts two neighbours swapped as one edit, not two', () => {
    expect(editDistance('trial', 'trail', 2)).toBe(1);
    expect(editDistance('abcd', 'bacd', 2)).toBe(1);
    expect(editDistance('abcd', 'abdc', 2)).toBe(1);
    // Two separate swaps are two edits; letters further apart are not a swap.
    expect(editDistance('abcd', 'badc', 3)).toBe(2);
    expect(editDistance('abcd', 'dbca', 3)).toBe(2);
  });

  it('reads Cyrillic words letter by letter', () => {
    expect(editDistance('беляцкі', 'бяляцкі', 2)).toBe(1);
    expect(editDistance('лукашенко', 'лукашэнка', 3)).toBe(2);
    expect(editDistance('палітвязні', 'палітвзяні', 2)).toBe(1);
    expect(editDistance('калеснікава', 'калеснікава', 2)).toBe(0);
  });

  it('stops at max + 1 once there are more edits than max', () => {
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('trial', 'prisoners', 2)).toBe(3);
    // Lengths too far apart for `max` edits.
    expect(editDistance('ab', 'abcdef', 2)).toBe(3);
    expect(editDistance('', 'abc', 3)).toBe(3);
    expect(editDistance('', 'abc', 1)).toBe(2);
  });

  it('agrees with the textbook distance on random words, capped at max + 1', () => {
    const next = random(7);
    const word = () =>
      Array.from({ length: 1 + Math.floor(next() * 9) }, () => 'abcd'.charAt(next() * 4)).join('');
    for (let i = 0; i < 3000; i++) {
      const a = word();
      const b = word();
      for (const max of [0, 1, 2, 3]) {
        expect(editDistance(a, b, max), `${a} ${b} ≤ ${max}`).toBe(
          Math.min(referenceDistance(a, b), max + 1),
        );
      }
    }
  });
});

describe('fuzzyPlan', () => {
  it('allows no typo below four letters, one up to seven, two from eight', () => {
    const allowances = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12].map(typoAllowance);
    expect(allowances).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
    expect(fuzzyPlan('ab')).toBeNull();
    expect(fuzzyPlan('суд')).toBeNull();
    expect(fuzzyPlan('court')?.allowance).toBe(1);
    expect(fuzzyPlan('bialatski')?.allowance).toBe(2);
    expect(fuzzyPlan('палітвязні')?.allowance).toBe(2);
  });

  it('looks at words as much shorter or longer as the allowance', () => {
    expect(fuzzyPlan('court')?.lengths).toEqual([4, 5, 6]);
    expect(fuzzyPlan('bialatski')?.lengths).toEqual([7, 8, 9, 10, 11]);
    expect(fuzzyPlan('abcd')?.lengths).toEqual([3, 4, 5]);
  });

  it('leaves the first part or the last part of the typed word intact in every word one edit away', () => {
    // Every word of 4 to 8 letters over a small alphabet, and every word one edit from each:
    // typed either way round, the other begins with the plan's prefix or ends with its suffix.
    const alphabet = 'abc';
    let checked = 0;
    for (const typed of allWords(alphabet, [4, 5, 6, 7, 8])) {
      const plan = fuzzyPlan(typed);
      if (!plan) throw new Error(`no plan for ${typed}`);
      for (const other of oneEditAway(typed, alphabet)) {
        const covered =
          plan.lengths.includes(other.length) &&
          (other.startsWith(plan.prefix) || other.endsWith(plan.suffix));
        if (!covered) expect.fail(`${other} is one edit from ${typed} but not covered`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100_000);
  });

  it('covers one-edit typos of real words in both scripts', () => {
    for (const word of ['trial', 'prisoners', 'bialiatski', 'парушалася', 'беляцкий', 'суды']) {
      const alphabet = /[a-z]/.test(word) ? 'aeiostkx' : 'аеіоуяцкх';
      for (const typed of oneEditAway(word, alphabet)) {
        const plan = fuzzyPlan(typed);
        if (!plan) continue;
        const covered =
          plan.lengths.includes(word.length) &&
          (word.startsWith(plan.prefix) || word.endsWith(plan.suffix));
        expect(covered, `${typed} → ${word}`).toBe(true);
      }
    }
  });

  it('keeps the parts short enough that a letter in the middle belongs to neither', () => {
    for (const word of ['abcd', 'abcde', 'abcdefgh', 'abcdefghi']) {
      const plan = fuzzyPlan(word);
      expect(plan, word).not.toBeNull();
      if (!plan) continue;
      expect(word.startsWith(plan.prefix)).toBe(true);
      expect(word.endsWith(plan.suffix)).toBe(true);
      expect(plan.prefix.length + plan.suffix.length).toBe(word.length - 1);
    }
  });
});

describe('bestCandidates', () => {
  const vocabulary = [
    { term: 'trial', count: 5 },
    { term: 'trail', count: 9 },
    { term: 'trials', count: 30 },
    { term: 'triad', count: 1 },
    { term: 'tribal', count: 50 },
    { term: 'brutal', count: 70 },
    { term: 'trolls', count: 200 },
  ];

  it('keeps only the words with the fewest edits, one typo beating two', () => {
    // "trival": trial and tribal are one edit away; trials, trail, triad and brutal two.
    const found = bestCandidates('trival', 2, vocabulary, 10);
    expect(found.map((candidate) => candidate.term).sort()).toEqual(['trial', 'tribal']);
    expect(found.every((candidate) => candidate.edits === 1)).toBe(true);
  });

  it('falls back to two edits when no word is one edit away', () => {
    const found = bestCandidates('trxxl', 2, vocabulary, 10);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((candidate) => candidate.edits === 2)).toBe(true);
    expect(found.map((candidate) => candidate.term)).toContain('trial');
    expect(found.map((candidate) => candidate.term)).not.toContain('trolls'); // three edits
  });

  it('lists the most used first, and at most `limit`', () => {
    const found = bestCandidates('trian', 1, vocabulary, 10);
    expect(found.map((candidate) => candidate.term)).toEqual(['trial', 'triad']);
    expect(found.map((candidate) => candidate.count)).toEqual([5, 1]);
    const many = Array.from({ length: 12 }, (_, i) => ({
      term: `wor${String.fromCharCode(97 + i)}`,
      count: (i * 7) % 12,
    }));
    const top = bestCandidates('worz', 1, many, 4);
    expect(top).toHaveLength(4);
    const counts = many.map((item) => item.count).sort((a, b) => b - a);
    expect(top.map((candidate) => candidate.count)).toEqual(counts.slice(0, 4));
  });

  it('never offers the typed word itself, and each word once', () => {
    const found = bestCandidates('trial', 1, [...vocabulary, ...vocabulary], 10);
    const terms = found.map((candidate) => candidate.term);
    expect(terms).not.toContain('trial');
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms).toEqual(['tribal', 'trials', 'trail', 'triad']);
  });

  it('offers nothing beyond the allowance', () => {
    expect(bestCandidates('zzzzz', 1, vocabulary, 10)).toEqual([]);
    expect(bestCandidates('trxxl', 1, vocabulary, 10)).toEqual([]);
  });
});
