// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { typoAllowance } from './fuzzy.ts';
import { TermMatcher } from './term-matcher.ts';

const VOCABULARY = [
  'bialiatski',
  'cave',
  'detained',
  'detention',
  'detentions',
  'election',
  'freedom',
  'kolesnikova',
  'trial',
  'verdict',
  'viasna',
  'volunteers',
  'вясна',
  'журналистов',
].sort();

const matcher = new TermMatcher(VOCABULARY, () => 1);
const ALL = { prefix: true, fuzzy: true };

/** The terms `word` matches, with similarities rounded, best first. */
function matches(
  word: string,
  options = ALL,
): { term: string; similarity: number; exact: boolean }[] {
  return matcher
    .match(word, options)
    .map((match) => ({
      term: matcher.term(match.term),
      similarity: Math.round(match.similarity * 1000) / 1000,
      exact: match.exact,
    }))
    .sort((a, b) => b.similarity - a.similarity);
}

const termsOf = (word: string, options = ALL) => matches(word, options).map((match) => match.term);

describe('typoAllowance', () => {
  it('allows no typo below 4 letters, 1 from 4 and 2 from 8', () => {
    expect([1, 2, 3, 4, 5, 7, 8, 12].map(typoAllowance)).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
  });
});

describe('TermMatcher', () => {
  it('matches a word exactly, with full similarity', () => {
    expect(matches('viasna')).toEqual([{ term: 'viasna', similarity: 1, exact: true }]);
    expect(matches('вясна')).toEqual([{ term: 'вясна', similarity: 1, exact: true }]);
    expect(matcher.exact('verdict')).toBe(VOCABULARY.indexOf('verdict'));
    expect(matcher.exact('verdicts')).toBe(-1);
  });

  it('matches the terms a word begins, ranking closer completions higher', () => {
    expect(matches('detent')).toEqual([
      { term: 'detention', similarity: expect.any(Number), exact: false },
      { term: 'detentions', similarity: expect.any(Number), exact: false },
    ]);
    expect(termsOf('вяс')).toEqual(['вясна']);
    expect(termsOf('журн')).toEqual(['журналистов']);
  });

  it('ranks an exact match above its completions', () => {
    expect(matches('detention').map((match) => [match.term, match.exact])).toEqual([
      ['detention', true],
      ['detentions', false],
    ]);
  });

  it('does not match prefixes when asked not to', () => {
    expect(termsOf('detent', { prefix: false, fuzzy: true })).toEqual([]);
    expect(termsOf('bia', { prefix: false, fuzzy: false })).toEqual([]);
  });

  it('does not match a single letter as a prefix', () => {
    expect(termsOf('v')).toEqual([]);
  });

  it('allows one typo from 4 letters', () => {
    expect(termsOf('case')).toEqual(['cave']); // substituted
    expect(termsOf('tral')).toEqual(['trial']); // left out
    expect(termsOf('freedam')).toEqual(['freedom']);
    expect(termsOf('viasnaa')).toEqual(['viasna']); // added
    expect(termsOf('vasna')).toEqual(['viasna']);
    expect(termsOf('вясно')).toEqual(['вясна']);
  });

  it('allows no second typo below 8 letters', () => {
    expect(termsOf('cone')).toEqual([]);
    expect(termsOf('fruedam')).toEqual([]);
    expect(termsOf('veasnu')).toEqual([]);
  });

  it('allows two typos from 8 letters', () => {
    expect(termsOf('elektian')).toEqual(['election']);
    expect(termsOf('bialatski')).toEqual(['bialiatski']);
    expect(termsOf('kalesnikava')).toEqual(['kolesnikova']);
  });

  it('allows no third typo', () => {
    expect(termsOf('elakteon')).toEqual([]);
    expect(termsOf('kalesnekava')).toEqual([]);
  });

  it('allows no typo in words of fewer than 4 letters', () => {
    expect(termsOf('cav')).toEqual(['cave']); // a prefix, not a typo
    expect(termsOf('cae')).toEqual([]);
    expect(termsOf('tri')).toEqual(['trial']);
    expect(termsOf('tei')).toEqual([]);
  });

  it('does not match typos when asked not to', () => {
    expect(termsOf('case', { prefix: true, fuzzy: false })).toEqual([]);
    expect(termsOf('bialatski', { prefix: true, fuzzy: false })).toEqual([]);
  });

  it('ranks exact above prefix above typo', () => {
    const [exact] = matches('detention');
    const [prefix] = matches('detentio');
    const [typo] = matches('detentoin');
    expect(exact?.similarity).toBe(1);
    expect(prefix?.exact).toBe(false);
    expect(typo?.exact).toBe(false);
    expect(exact?.similarity ?? 0).toBeGreaterThan(prefix?.similarity ?? 1);
    expect(prefix?.similarity ?? 0).toBeGreaterThan(typo?.similarity ?? 1);
  });

  it('ranks one typo above two', () => {
    const one = matches('bialiatsky')[0]?.similarity ?? 0;
    const two = matches('bialatsky')[0]?.similarity ?? 0;
    expect(one).toBeGreaterThan(two);
    expect(two).toBeGreaterThan(0);
  });

  it('counts two swapped letters as one typo', () => {
    expect(termsOf('trail')).toContain('trial');
    expect(termsOf('vredict')).toContain('verdict');
    expect(termsOf('tiral')).toContain('trial');
    // Still one typo only: a swap and another mistake is too far for a five-letter word.
    expect(termsOf('tiarl')).not.toContain('trial');
    // From four letters, including a swap of the first two.
    expect(termsOf('cvae')).toContain('cave');
    expect(termsOf('acve')).toContain('cave');
  });

  it('keeps the most used terms when a two-letter prefix matches very many', () => {
    const terms = Array.from({ length: 40 }, (_, i) => `ab${String(i).padStart(2, '0')}x`).sort();
    const uses = (term: number) => (term % 4 === 0 ? 100 : 1);
    const many = new TermMatcher(terms, uses);
    const found = many.match('ab', { prefix: true, fuzzy: false }).map((match) => match.term);
    expect(found).toHaveLength(30);
    // The ten most used (every fourth term) are all among them.
    for (let term = 0; term < 40; term += 4) expect(found).toContain(term);
    // A longer prefix is not limited.
    const longer = new TermMatcher(
      Array.from({ length: 40 }, (_, i) => `abc${String(i).padStart(2, '0')}`),
      uses,
    );
    expect(longer.match('abc', { prefix: true, fuzzy: false })).toHaveLength(40);
  });
});
