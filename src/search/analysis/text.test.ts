// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { foldText, officialSpelling, oneAlphabet, STOP_WORDS, tokenize, words } from './text.ts';

describe('foldText', () => {
  it('ignores case', () => {
    expect(foldText('VIASNA Human Rights')).toBe('viasna human rights');
    expect(foldText('ВЯСНА')).toBe('вясна');
  });

  it('removes diacritics from Latin letters', () => {
    expect(foldText('Aleś')).toBe('ales');
    expect(foldText('Lukašenka')).toBe('lukasenka');
    expect(foldText('Příběh Žaneta')).toBe('pribeh zaneta');
    expect(foldText('Müller, Françoise')).toBe('muller, francoise');
  });

  it('folds letters with a stroke, which Unicode does not decompose', () => {
    expect(foldText('Białiatski')).toBe('bialiatski');
    expect(foldText('Łukašenka')).toBe('lukasenka');
    expect(foldText('Đorđe Søren Straße')).toBe('dorde soren strasse');
  });

  it('keeps Cyrillic as Cyrillic, folding the letters with marks', () => {
    expect(foldText('Вясна')).toBe('вясна');
    expect(foldText('Беларускі Хельсінкскі Камітэт')).toBe('беларускі хельсінкскі камітэт');
    expect(foldText('Ўсё')).toBe('усе');
    expect(foldText('Алесь Бяляцкі')).toBe('алесь бяляцкі');
  });

  it('folds a word the same way whether it was typed composed or decomposed', () => {
    expect(foldText('Ales\u0301')).toBe(foldText('Aleś'));
    expect(foldText('е\u0308лка')).toBe(foldText('ёлка'));
  });
});

describe('tokenize', () => {
  it('splits text into folded words, dropping punctuation', () => {
    expect(tokenize('Ales Bialiatski, sentenced (2023)!')).toEqual([
      'ales',
      'bialiatski',
      'sentenced',
      '2023',
    ]);
    expect(tokenize('Human-rights «Вясна» — Spring96')).toEqual([
      'human',
      'rights',
      'вясна',
      'spring96',
    ]);
  });

  it('drops single letters and digits', () => {
    expect(tokenize('A statement by X on 5 May')).toEqual(['statement', 'by', 'on', 'may']);
    expect(tokenize('Я і ты')).toEqual(['ты']);
  });

  it('keeps words of two letters and numbers', () => {
    expect(tokenize('EU UN 10 Ян')).toEqual(['eu', 'un', '10', 'ян']);
  });

  it('finds nothing in blank or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  -- … !? ')).toEqual([]);
  });
});

describe('Belarusian as it is written', () => {
  it('reads Latin lookalikes inside a Cyrillic word as Cyrillic letters', () => {
    // "сiтуацыях" with a Latin i, as 34 of 302 real Belarusian documents write it.
    expect(tokenize('надзвычайных сiтуацыях')).toEqual(tokenize('надзвычайных сітуацыях'));
    expect(tokenize('Mінcк')).toEqual(['мінск']);
    expect(oneAlphabet('ВЯCНA')).toBe('ВЯСНА');
  });

  it('reads Cyrillic lookalikes inside a Latin word as Latin letters', () => {
    expect(tokenize('Helsіnki Сommittee')).toEqual(['helsinki', 'committee']);
  });

  it('leaves words in one alphabet, and words of both that are not lookalikes, alone', () => {
    expect(oneAlphabet('Вясна')).toBe('Вясна');
    expect(oneAlphabet('Viasna')).toBe('Viasna');
    expect(tokenize('COVID-19 ковід')).toEqual(['covid', '19', 'ковід']);
  });

  it('reads the classical spelling as the official one', () => {
    expect(tokenize('сьмяротнага пакараньня')).toEqual(tokenize('смяротнага пакарання'));
    expect(tokenize('Эўропа')).toEqual(tokenize('Еўропа'));
    expect(tokenize('ґвалт зьвестку газэта')).toEqual(tokenize('гвалт звестку газета'));
    expect(officialSpelling('дзьверы')).toBe('дзверы');
  });

  it('keeps a soft sign at the end of a word or before a vowel', () => {
    expect(tokenize('Алесь сям’я восень')).toEqual(['алесь', 'сямя', 'восень']);
    expect(officialSpelling('вераб’ём')).toBe('вераб’ём');
  });

  it('gives the stemmers the official spelling, with the positions of the text as written', () => {
    const [word] = words('Сьмяротнае');
    expect(word?.lower).toBe('смяротнае');
    expect(word?.capital).toBe(true);
    expect([word?.start, word?.end]).toEqual([0, 10]);
  });
});

describe('STOP_WORDS', () => {
  it('are written as queries are tokenized, so that each can match a query word', () => {
    for (const word of STOP_WORDS) expect(tokenize(word)).toEqual([word]);
  });
});
