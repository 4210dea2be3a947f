// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { queryStemLanguages, stem, stemLanguageOf } from './stem.ts';

describe('stemLanguageOf', () => {
  it('reads a word by its letters where they tell, else by the publication’s language', () => {
    expect(stemLanguageOf('праваабаронцаў', 'ru')).toBe('be'); // ў
    expect(stemLanguageOf('правозащитник', 'be')).toBe('ru'); // и, щ
    expect(stemLanguageOf('права', 'be')).toBe('be');
    expect(stemLanguageOf('права', 'ru')).toBe('ru');
    expect(stemLanguageOf('prisoners', 'be')).toBe('en');
    expect(stemLanguageOf('fangar', 'sv')).toBeNull();
    expect(stemLanguageOf('2023', 'en')).toBeNull();
  });

  it('reads a query word every way its letters allow', () => {
    expect(queryStemLanguages('права')).toEqual(['be', 'ru']);
    expect(queryStemLanguages('палітвязні')).toEqual(['be']);
    expect(queryStemLanguages('политзаключённые')).toEqual(['ru']);
    expect(queryStemLanguages('prisoners')).toEqual(['en']);
  });
});

describe('stem', () => {
  it('gives the forms of a word one stem', () => {
    expect(stem('нарушается', 'ru')).toBe(stem('нарушалась', 'ru'));
    expect(stem('политзаключённых', 'ru')).toBe(stem('политзаключенные', 'ru'));
    expect(stem('парушаецца', 'be')).toBe(stem('парушалася', 'be'));
    expect(stem('prisoners', 'en')).toBe(stem('prisoner', 'en'));
  });

  it('gives an English -y adjective and its comparatives one stem', () => {
    for (const form of ['smokier', 'smokiest']) expect(stem(form, 'en')).toBe(stem('smoky', 'en'));
    // Words merely ending so keep their plurals.
    expect(stem('soldiers', 'en')).toBe(stem('soldier', 'en'));
  });
});
