// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chooseLanguage, parseHl } from './languages.ts';

describe('choosing the interface language', () => {
  it('takes hl from the URL first', () => {
    expect(chooseLanguage({ hl: 'ru', preferred: ['be-BY'], corpus: 'be' })).toBe('ru');
  });

  it('ignores an unknown hl and takes the first browser language the app has', () => {
    expect(chooseLanguage({ hl: 'xx', preferred: ['de-DE', 'be-BY', 'en'], corpus: 'ru' })).toBe(
      'be',
    );
    expect(chooseLanguage({ hl: null, preferred: ['ru-RU'], corpus: 'be' })).toBe('ru');
  });

  it('falls back to the corpus language, then English', () => {
    expect(chooseLanguage({ hl: undefined, preferred: ['de', 'fr'], corpus: 'be' })).toBe('be');
    expect(chooseLanguage({ hl: undefined, preferred: [], corpus: 'pl' })).toBe('en');
    expect(chooseLanguage({ hl: undefined, preferred: [], corpus: undefined })).toBe('en');
  });

  it('accepts hl only as en, be or ru', () => {
    expect(['en', 'BE', ' ru ', 'be-BY', 'uk', ''].map(parseHl)).toEqual([
      'en',
      'be',
      'ru',
      null,
      null,
      null,
    ]);
  });
});
