// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../corpus/schema.ts';
import { searchFixture } from '../../testing/search-fixture.ts';
import { DEFAULT_REQUEST } from '../protocol.ts';

/** "Did you mean", and names forgiven a dropped letter, as a reader meets them. */

type Publication = Corpus['publications'][number];

const publication = (id: string, title: string, language = 'en'): Publication => ({
  id,
  title,
  type: 'news',
  organizations: [],
  date: '2022-01-01',
  language,
});

const corpus: Corpus = {
  version: 1,
  name: 'Spellings',
  language: 'en',
  types: [{ id: 'news', label: 'News' }],
  organizations: [],
  publications: [
    // Bialiatski, spelt right in twelve titles and wrong in one.
    ...Array.from({ length: 12 }, (_, i) =>
      publication(`bialiatski-${i}`, `Ales Bialiatski, day ${i + 1} of the trial`),
    ),
    // "detention" in twelve titles, misspelt in one.
    ...Array.from({ length: 12 }, (_, i) =>
      publication(`detention-${i}`, `Report ${i + 1} on administrative detention`),
    ),
    publication('detentoin-typo', 'Notes on detentoin conditions'),
    // A Russian name with й, written so in every title.
    ...Array.from({ length: 3 }, (_, i) =>
      publication(`beliatski-ru-${i}`, `Алесь Беляцкий: заседание ${i + 1}`, 'ru'),
    ),
  ],
};

const { core } = await searchFixture(corpus);
const search = (query: string) =>
  core.search({ ...DEFAULT_REQUEST, query, sort: 'relevance', limit: 50 });

describe('did you mean', () => {
  it('offers the near spelling of a word found nowhere, written as the reader wrote it', async () => {
    expect((await search('Bialitski')).suggestion).toBe('Bialiatski');
    expect((await search('bialitski trial')).suggestion).toBe('bialiatski trial');
  });

  it('offers the far more frequent spelling of a rare word that finds little', async () => {
    // "detentoin" stands in one title; "detention" in twelve.
    const response = await search('detentoin conditions');
    expect(response.hits.map((hit) => hit.id)).toEqual(['detentoin-typo']);
    expect(response.suggestion).toBe('detention conditions');
  });

  it('writes a Cyrillic suggestion with the letters folding took away', async () => {
    expect((await search('Белятский')).suggestion).toBe('Беляцкий');
  });

  it('offers nothing when the query is spelt as the archive spells it', async () => {
    expect((await search('Bialiatski')).suggestion).toBeUndefined();
    expect((await search('"Bialitski"')).suggestion).toBeUndefined();
  });
});

describe('names across alphabets', () => {
  it('forgive a dropped letter in a name written in another alphabet', async () => {
    // "Бялцкі" drops a letter of "Бяляцкі", which this archive writes only in Latin.
    const response = await search('Бялцкі');
    expect(response.hits.map((hit) => hit.id)).toContain('bialiatski-0');
  });
});
