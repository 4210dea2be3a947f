// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hasCyrillic, latinSpellings, spellingKey } from './transliterate.ts';

describe('hasCyrillic', () => {
  it('tells Cyrillic words from Latin ones', () => {
    expect(hasCyrillic('вясна')).toBe(true);
    expect(hasCyrillic('ВЯСНА')).toBe(true);
    expect(hasCyrillic('ўсё')).toBe(true);
    expect(hasCyrillic('viasna')).toBe(false);
    expect(hasCyrillic('2023')).toBe(false);
    expect(hasCyrillic('')).toBe(false);
  });

  it('notices a single Cyrillic letter in a Latin-looking word', () => {
    // "Minsk" typed with a Cyrillic "М".
    expect(hasCyrillic('Мinsk')).toBe(true);
  });
});

describe('latinSpellings', () => {
  it('gives none for a word without Cyrillic letters', () => {
    expect(latinSpellings('viasna')).toEqual([]);
    expect(latinSpellings('2023')).toEqual([]);
    expect(latinSpellings('')).toEqual([]);
  });

  it('spells г as h the Belarusian way first, then as g the Russian way', () => {
    expect(latinSpellings('гулак')).toEqual(['hulak', 'gulak']);
    expect(latinSpellings('алег')).toEqual(['aleh', 'aleg']);
  });

  it('spells я, ю and й as ia, iu, i (Belarusian) and ya, yu, y (Russian)', () => {
    expect(latinSpellings('бяляцкі')).toEqual(['bialiatski', 'byalyatski']);
    expect(latinSpellings('юрый')).toEqual(['iuryi', 'yuryy']);
    expect(latinSpellings('андрэй')).toEqual(['andrei', 'andrey']);
  });

  it('spells ё as io (Belarusian) and e (Russian)', () => {
    expect(latinSpellings('ёлка')).toEqual(['iolka', 'elka']);
    expect(latinSpellings('жыццё')).toEqual(['zhytstsio', 'zhytstse']);
  });

  it('gives one spelling when both ways agree', () => {
    expect(latinSpellings('лукашэнка')).toEqual(['lukashenka']);
    expect(latinSpellings('лукашенко')).toEqual(['lukashenko']);
    expect(latinSpellings('вясна')).toEqual(['viasna', 'vyasna']);
    expect(latinSpellings('весна')).toEqual(['vesna']);
  });

  it('writes the hissing letters and х, ц with two or more Latin letters', () => {
    expect(latinSpellings('жук')).toEqual(['zhuk']);
    expect(latinSpellings('хата')).toEqual(['khata']);
    expect(latinSpellings('цана')).toEqual(['tsana']);
    expect(latinSpellings('час')).toEqual(['chas']);
    expect(latinSpellings('шум')).toEqual(['shum']);
    expect(latinSpellings('щука')).toEqual(['shchuka']);
  });

  it('spells the letters special to Belarusian', () => {
    expect(latinSpellings('ўсё')).toEqual(['usio', 'use']);
    expect(latinSpellings('кніга')).toEqual(['kniha', 'kniga']);
    expect(latinSpellings('мы')).toEqual(['my']);
    expect(latinSpellings('пэн')).toEqual(['pen']);
  });

  it('drops the soft and hard signs and apostrophes', () => {
    expect(latinSpellings('вольнасць')).toEqual(['volnasts']);
    expect(latinSpellings('объединений')).toEqual(['obedinenii', 'obedineniy']);
    expect(latinSpellings("сям'я")).toEqual(['siamia', 'syamya']);
    expect(latinSpellings('сям’я')).toEqual(['siamia', 'syamya']);
  });

  it('keeps digits and Latin letters that are already there', () => {
    expect(latinSpellings('ст2')).toEqual(['st2']);
    expect(latinSpellings('м2')).toEqual(['m2']);
  });

  it('gives only Latin letters for an ordinary Belarusian or Russian word', () => {
    const sample = [
      'абвгдеёжзиійклмнопрстуўфхцчшщъыьэюя',
      'беларускі',
      'хельсінкскі',
      'камітэт',
      'международная',
      'амнистия',
    ];
    for (const word of sample) {
      for (const spelling of latinSpellings(word)) expect(spelling, word).toMatch(/^[a-z]+$/);
    }
  });
});

describe('spellingKey', () => {
  it('gives both spellings of a Cyrillic word one key', () => {
    for (const word of ['засталося', 'гулак', 'лукашэнка', 'новый', 'вёска', 'юрый', 'сям’я']) {
      const keys = new Set(latinSpellings(word).map(spellingKey));
      expect(keys.size, word).toBe(1);
    }
  });

  it('reads a Latin word typed either way as the same key', () => {
    expect(spellingKey('zastalosya')).toBe(spellingKey('zastalosia'));
    expect(spellingKey('gulak')).toBe(spellingKey('hulak'));
    expect(spellingKey('lukashenka')).toBe('lukashenka');
  });
});
