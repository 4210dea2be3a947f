import { describe, expect, it } from 'vitest';
import { createBm25, tokens } from './bm25.ts';

describe('plain BM25', () => {
  it('lower-cases word tokens and does not stem', () => {
    expect(tokens('Затрымалі 12 чалавек, «Вясна»!')).toEqual([
      'затрымалі',
      '12',
      'чалавек',
      'вясна',
    ]);
  });

  it('ranks a rare word above a common one, and a short document above a long one', () => {
    const bm25 = createBm25([
      { id: 'court', text: 'the court' },
      { id: 'amnesty', text: 'the amnesty' },
      { id: 'long', text: `the amnesty ${'word '.repeat(5)}` },
      { id: 'none', text: 'nothing here' },
    ]);
    expect(bm25.search('the amnesty', 10)).toEqual(['amnesty', 'long', 'court']);
    expect(bm25.search('the amnesty', 1)).toEqual(['amnesty']);
    // No stemming: another form of a word finds nothing.
    expect(bm25.search('amnesties', 10)).toEqual([]);
  });
});
