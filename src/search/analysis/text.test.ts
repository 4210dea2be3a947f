// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { foldText, STOP_WORDS, tokenize } from './text.ts';

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

describe('STOP_WORDS', () => {
  it('are written as queries are tokenized, so that each can match a query word', () => {
    for (const word of STOP_WORDS) expect(tokenize(word)).toEqual([word]);
  });
});
