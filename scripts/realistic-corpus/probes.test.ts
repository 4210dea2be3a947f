import { describe, expect, it } from 'vitest';
import { buildLexicon, familySize, Spellings } from './lexicon.ts';
import { chooseProbeFamilies, Probes } from './probes.ts';
import { smallVocabulary } from './small-vocabulary.ts';

describe('Probes', () => {
  it('lists a publication under each slot it hit, once, when it is done', () => {
    const probes = new Probes();
    const [a, b] = [probes.newSlot(), probes.newSlot()];
    probes.hit(a);
    probes.hit(a);
    probes.flush('first');
    probes.hit(b);
    probes.hit(a);
    probes.flush('second');
    probes.flush('third');
    expect(probes.ids(a)).toEqual(['first', 'second']);
    expect(probes.ids(b)).toEqual(['second']);
  });

  it('gives a spelling one slot, and passes over spellings that have none', () => {
    const probes = new Probes();
    probes.watchSpellings(10);
    const slot = probes.slotForSpelling(4);
    expect(probes.slotForSpelling(4)).toBe(slot);
    probes.hitSpelling(4);
    probes.hitSpelling(5);
    probes.flush('only');
    expect(probes.ids(slot)).toEqual(['only']);
    expect(probes.ids(slot + 1)).toEqual([]);
  });

  it('stops a list at 2,000 publications', () => {
    const probes = new Probes();
    const slot = probes.newSlot();
    for (let i = 0; i < 2100; i++) {
      probes.hit(slot);
      probes.flush(`p${i}`);
    }
    expect(probes.ids(slot)).toHaveLength(2000);
    expect(probes.ids(slot).at(-1)).toBe('p1999');
  });
});

describe('chooseProbeFamilies', () => {
  const lexicon = buildLexicon('en', smallVocabulary('en', 5000), {
    seed: 1,
    spellings: new Spellings(),
    excluded: new Set(),
  });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

  it('chooses content families of two forms or more, each once', () => {
    const ranks = chooseProbeFamilies(lexicon, 1000, 720);
    expect(ranks.length).toBeGreaterThan(100);
    expect(new Set(ranks).size).toBe(ranks.length);
    for (const rank of ranks) {
      expect(rank).toBeGreaterThanOrEqual(lexicon.functionWords);
      expect(familySize(lexicon, rank)).toBeGreaterThanOrEqual(2);
    }
  });

  it('chooses rarer families for a bigger corpus', () => {
    const small = chooseProbeFamilies(lexicon, 1000, 720);
    const big = chooseProbeFamilies(lexicon, 10_000, 720);
    expect(median(big)).toBeGreaterThan(median(small));
  });
});
