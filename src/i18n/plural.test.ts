// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { be } from './catalogs/be.ts';
import { en } from './catalogs/en.ts';
import { ru } from './catalogs/ru.ts';
import { createI18n } from './i18n.ts';

const COUNTS = [1, 2, 5, 11, 21, 22, 25, 101, 1.5];

describe('plural forms by CLDR rules', () => {
  it('counts publications in Belarusian: one, few, many and other', () => {
    const i18n = createI18n('be', be);
    expect(COUNTS.map((count) => i18n.count(be.publicationCount, count))).toEqual([
      '1 публікацыя',
      '2 публікацыі',
      '5 публікацый',
      '11 публікацый',
      '21 публікацыя',
      '22 публікацыі',
      '25 публікацый',
      '101 публікацыя',
      '1,5 публікацыі',
    ]);
  });

  it('counts publications in Russian: one, few, many and other', () => {
    const i18n = createI18n('ru', ru);
    expect(COUNTS.map((count) => i18n.count(ru.publicationCount, count))).toEqual([
      '1 публикация',
      '2 публикации',
      '5 публикаций',
      '11 публикаций',
      '21 публикация',
      '22 публикации',
      '25 публикаций',
      '101 публикация',
      '1,5 публикации',
    ]);
  });

  it('counts publications in English: one and other', () => {
    const i18n = createI18n('en', en);
    expect(COUNTS.map((count) => i18n.count(en.publicationCount, count))).toEqual([
      '1 publication',
      '2 publications',
      '5 publications',
      '11 publications',
      '21 publications',
      '22 publications',
      '25 publications',
      '101 publications',
      '1.5 publications',
    ]);
  });

  it('groups digits as each language writes them', () => {
    expect(createI18n('en', en).count(en.publicationCount, 1234567)).toBe('1,234,567 publications');
    expect(createI18n('be', be).count(be.publicationCount, 1234)).toBe('1\u00a0234 публікацыі');
    expect(createI18n('ru', ru).count(ru.publicationCount, 50000)).toBe('50\u00a0000 публикаций');
  });

  it('has every form each language needs in every plural message', () => {
    for (const [language, catalog] of [
      ['be', be],
      ['ru', ru],
      ['en', en],
    ] as const) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(catalog)) {
        if (typeof value !== 'object' || !('one' in value) || !('other' in value)) continue;
        for (const category of categories) {
          expect(value, `${language}.${key}.${category}`).toHaveProperty(category);
        }
      }
    }
  });
});
