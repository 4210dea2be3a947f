// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './query-syntax.ts';
import { tokenize, type Word } from './text.ts';

const terms = (found: readonly Word[]) => found.map((word) => word.term);

/** The parsed query as plain terms, for reading at a glance. */
function parsed(text: string) {
  const query: ParsedQuery = parseQuery(text);
  return {
    words: terms(query.words),
    phrases: query.phrases.map(terms),
    excludedWords: terms(query.excludedWords),
    excludedPhrases: query.excludedPhrases.map(terms),
  };
}

const nothing = { words: [], phrases: [], excludedWords: [], excludedPhrases: [] };

describe('parseQuery', () => {
  it('reads plain words as words to look for loosely', () => {
    expect(parsed('Ales Bialiatski')).toEqual({ ...nothing, words: ['ales', 'bialiatski'] });
  });

  it('reads a quoted phrase as words that must stand together', () => {
    expect(parsed('"political prisoners"')).toEqual({
      ...nothing,
      phrases: [['political', 'prisoners']],
    });
    expect(parsed('release "political prisoners" now')).toEqual({
      ...nothing,
      words: ['release', 'now'],
      phrases: [['political', 'prisoners']],
    });
    expect(parsed('"human rights" "political prisoners"').phrases).toEqual([
      ['human', 'rights'],
      ['political', 'prisoners'],
    ]);
  });

  it('accepts typographic quotes', () => {
    const expected = { ...nothing, phrases: [['political', 'prisoners']] };
    expect(parsed('“political prisoners”')).toEqual(expected);
    expect(parsed('„political prisoners“')).toEqual(expected);
    expect(parsed('«political prisoners»')).toEqual(expected);
    expect(parsed('«Вясна» report')).toEqual({
      ...nothing,
      words: ['report'],
      phrases: [['вясна']],
    });
  });

  it('reads -word as a word to leave out', () => {
    expect(parsed('Viasna -Bialiatski')).toEqual({
      ...nothing,
      words: ['viasna'],
      excludedWords: ['bialiatski'],
    });
    expect(parsed('-Лукашэнка report')).toEqual({
      ...nothing,
      words: ['report'],
      // Terms are folded: э after a consonant is е (see officialSpelling).
      excludedWords: ['лукашенка'],
    });
  });

  it('reads -"a phrase" as a phrase to leave out', () => {
    expect(parsed('prisoners -"political prisoners"')).toEqual({
      ...nothing,
      words: ['prisoners'],
      excludedPhrases: [['political', 'prisoners']],
    });
    expect(parsed('prisoners -«political prisoners»').excludedPhrases).toEqual([
      ['political', 'prisoners'],
    ]);
  });

  it('keeps Cyrillic words as the stemmers read them in every part', () => {
    const query = parseQuery('Ўсё "Алег Гулак" -Бяляцкі');
    expect(query.words[0]?.lower).toBe('ўсё');
    expect(query.phrases[0]?.map((word) => word.lower)).toEqual(['алег', 'гулак']);
    expect(query.excludedWords[0]?.lower).toBe('бяляцкі');
  });

  it('says whether the reader may still be typing the last word', () => {
    expect(parseQuery('political prison').typing).toBe(true);
    expect(parseQuery('political prison ').typing).toBe(false);
    expect(parseQuery('prison "political"').typing).toBe(false);
    expect(parseQuery('prison -release').typing).toBe(false);
    expect(parseQuery('"political" prison').typing).toBe(true);
  });

  it('does not read a hyphen inside a word as an exclusion', () => {
    expect(parsed('well-known Spring-96')).toEqual({
      ...nothing,
      words: ['well', 'known', 'spring', '96'],
    });
  });

  it('treats a lone "-" as nothing', () => {
    expect(parsed('political - prisoners')).toEqual({
      ...nothing,
      words: ['political', 'prisoners'],
    });
    expect(parsed('political -')).toEqual({ ...nothing, words: ['political'] });
    expect(parsed('-')).toEqual(nothing);
  });

  it('treats an unclosed quote as plain text', () => {
    expect(parsed('"political prisoners')).toEqual({
      ...nothing,
      words: ['political', 'prisoners'],
    });
    expect(parsed('Viasna «political')).toEqual({ ...nothing, words: ['viasna', 'political'] });
    expect(parsed('"human rights" "political')).toEqual({
      ...nothing,
      words: ['political'],
      phrases: [['human', 'rights']],
    });
  });

  it('treats an unclosed excluded phrase as plain words, leaving nothing out', () => {
    expect(parsed('prisoners -"political prisoners')).toEqual({
      ...nothing,
      words: ['prisoners', 'political', 'prisoners'],
    });
  });

  it('ignores empty quotes', () => {
    expect(parsed('""')).toEqual(nothing);
    expect(parsed('"" Viasna -""')).toEqual({ ...nothing, words: ['viasna'] });
    expect(parsed('"!?"')).toEqual(nothing);
  });

  it('never throws and never loses a word, however the syntax is mistyped', () => {
    // Pseudo-random strings of words and syntax characters, the same every run.
    const pieces = ['ab', 'Вя', 'prisoners', ' ', ' ', '-', '"', '“', '”', '„', '«', '»', "'"];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let run = 0; run < 500; run++) {
      let text = '';
      const length = next() % 12;
      for (let i = 0; i < length; i++) text += pieces[next() % pieces.length] ?? '';
      const query = parsed(text);
      const found = [
        ...query.words,
        ...query.phrases.flat(),
        ...query.excludedWords,
        ...query.excludedPhrases.flat(),
      ];
      expect(found.sort(), JSON.stringify(text)).toEqual(tokenize(text).sort());
    }
  });
});

describe('isEmptyQuery', () => {
  it('is true when the query asks for nothing', () => {
    for (const text of ['', '   ', '!?', '""', '-', '- -', '"', 'a']) {
      expect(isEmptyQuery(parseQuery(text)), JSON.stringify(text)).toBe(true);
    }
  });

  it('is false for words, phrases, and exclusions alone', () => {
    for (const text of ['Viasna', '"political prisoners"', '-Bialiatski', '-"a phrase"']) {
      expect(isEmptyQuery(parseQuery(text)), text).toBe(false);
    }
  });
});
