// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { nameKey } from './name-key.ts';
import { queryStemLanguages, stem } from './stem.ts';

/** The keys a query word is looked up by: one per stemmer that may read it. */
const keysOf = (word: string) => {
  const lower = word.toLowerCase();
  return new Set(queryStemLanguages(lower).map((language) => nameKey(stem(lower, language))));
};

/** Whether two spellings of a name meet under some reading of each. */
const meet = (a: string, b: string) => [...keysOf(a)].some((key) => key && keysOf(b).has(key));

describe('nameKey', () => {
  it('gives the Belarusian, Russian and English spellings of a name one key', () => {
    for (const spelling of ['Беляцкий', 'Беляцкого', 'Belyatsky', 'Бяляцкага', 'Bialiatski']) {
      expect(meet('Бяляцкі', spelling)).toBe(true);
    }
    expect(meet('Лукашенко', 'Лукашэнка')).toBe(true);
    expect(meet('Lukashenka', 'Лукашенко')).toBe(true);
    expect(meet('Колесникова', 'Калеснікава')).toBe(true);
    expect(meet('Kalesnikava', 'Колесниковой')).toBe(true);
    expect(meet('Тихановская', 'Ціханоўская')).toBe(true);
    expect(meet('Tsikhanouskaya', 'Ціханоўскай')).toBe(true);
    expect(meet('Гулак', 'Hulak')).toBe(true);
    expect(meet('Gulak', 'Hulak')).toBe(true);
  });

  it('keeps different names apart', () => {
    expect(meet('Бяляцкі', 'Беларусь')).toBe(false);
    expect(meet('Лукашэнка', 'Лукашоў')).toBe(false);
    expect(meet('Калеснікава', 'Калінава')).toBe(false);
    expect(meet('Hulak', 'Hlinski')).toBe(false);
  });

  it('keeps vowel positions, so words with the same consonants differ', () => {
    expect(meet('human', 'hymn')).toBe(false);
  });

  it('gives no key to words with fewer than three consonants', () => {
    expect(nameKey('ala')).toBe('');
    expect(nameKey('ана')).toBe('');
  });
});
