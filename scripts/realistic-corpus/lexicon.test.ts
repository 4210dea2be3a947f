import { describe, expect, it } from 'vitest';
import { buildLexicon, familySize, sampleForm, Spellings, type Lexicon } from './lexicon.ts';
import { streamFor } from './sampling.ts';
import { smallVocabulary } from './small-vocabulary.ts';

const vocabulary = smallVocabulary('be', 400);
const options = (seed = 1) => ({ seed, spellings: new Spellings(), excluded: new Set<string>() });

/** The forms of each family, by rank. */
const families = (lexicon: Lexicon) =>
  lexicon.lemmas.map((lemma, rank) => {
    const start = lexicon.familyStart[rank] ?? 0;
    return { lemma, forms: lexicon.forms.slice(start, start + familySize(lexicon, rank)) };
  });

describe('buildLexicon', () => {
  it('ranks the function words first, then every family of the dictionary once', () => {
    const lexicon = buildLexicon('be', vocabulary, options());
    const ranked = families(lexicon);
    expect(lexicon.functionWords).toBe(30);
    expect(ranked.slice(0, 3)).toEqual([
      { lemma: 'і', forms: ['і'] },
      { lemma: 'у', forms: ['у'] },
      { lemma: 'на', forms: ['на'] },
    ]);
    const rest = ranked.slice(lexicon.functionWords);
    expect(rest).toHaveLength(400);
    for (const family of rest) {
      const expected = vocabulary.filter((word) => word.lemma === family.lemma);
      expect([...family.forms].sort()).toEqual(expected.map((word) => word.form).sort());
    }
  });

  it('leaves out words with digits or other signs, and the spellings kept for names', () => {
    const withOthers = [
      ...vocabulary,
      { form: 'б2б', lemma: 'б2б' },
      { form: 'Вясна', lemma: 'вясна' },
      { form: 'вясны', lemma: 'вясна' },
    ];
    const lexicon = buildLexicon('be', withOthers, { ...options(), excluded: new Set(['вясна']) });
    expect(lexicon.forms).not.toContain('б2б');
    expect(lexicon.forms).not.toContain('Вясна');
    expect(lexicon.forms).toContain('вясны');
  });

  it('ranks the same way for a seed, another way for another seed', () => {
    const lemmas = (seed: number) => buildLexicon('be', vocabulary, options(seed)).lemmas;
    expect(lemmas(1)).toEqual(lemmas(1));
    expect(lemmas(2)).not.toEqual(lemmas(1));
    expect(lemmas(2).slice(0, 30)).toEqual(lemmas(1).slice(0, 30));
  });

  it('has tags of one to three content words', () => {
    const lexicon = buildLexicon('be', vocabulary, options());
    const firstContent = lexicon.familyStart[lexicon.functionWords] ?? 0;
    expect(lexicon.tags).toHaveLength(150);
    for (const tag of lexicon.tags) {
      expect(tag.length).toBeGreaterThanOrEqual(1);
      expect(tag.length).toBeLessThanOrEqual(3);
      expect([...tag].every((position) => position >= firstContent)).toBe(true);
    }
  });
});

describe('Spellings', () => {
  it('numbers a spelling once, whatever its case and whichever language writes it', () => {
    const spellings = new Spellings();
    buildLexicon('be', smallVocabulary('be', 10), { ...options(), spellings });
    const id = spellings.id('ббба');
    const size = spellings.size;
    // The made-up Russian dictionary writes "ббба" too.
    buildLexicon('ru', smallVocabulary('ru', 10), { ...options(), spellings });
    expect(spellings.id('ббба')).toBe(id);
    expect(spellings.id('Ббба')).toBe(id);
    expect(spellings.size).toBeGreaterThan(size);
  });
});

describe('sampleForm', () => {
  it('draws the first ranks most often and a family’s first form most often', () => {
    const lexicon = buildLexicon('be', vocabulary, options());
    const rng = streamFor(1, 'test');
    const counts = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const form = lexicon.forms[sampleForm(lexicon, rng)] ?? '';
      counts.set(form, (counts.get(form) ?? 0) + 1);
    }
    const byCount = [...counts].sort((a, b) => b[1] - a[1]).map(([form]) => form);
    expect(byCount.slice(0, 3)).toEqual(['і', 'у', 'на']);
    const family = families(lexicon)[30];
    const [first = '', second = '', third = ''] = family?.forms ?? [];
    expect(counts.get(first) ?? 0).toBeGreaterThan(counts.get(second) ?? 0);
    expect(counts.get(second) ?? 0).toBeGreaterThan(counts.get(third) ?? 0);
  });
});
