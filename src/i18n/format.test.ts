// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { be } from './catalogs/be.ts';
import { en } from './catalogs/en.ts';
import { ru } from './catalogs/ru.ts';
import { createI18n } from './i18n.ts';

describe('dates in the interface language', () => {
  it('writes a day, a month and a year as precisely as the corpus gives them', () => {
    const english = createI18n('en', en);
    expect(['2014-08-25', '2023-03', '2023'].map(english.date)).toEqual([
      '25 August 2014',
      'March 2023',
      '2023',
    ]);
    const belarusian = createI18n('be', be);
    expect(['2014-08-25', '2023-03', '2023', '2022-05-01'].map(belarusian.date)).toEqual([
      '25 жніўня 2014',
      'сакавік 2023',
      '2023',
      '1 траўня 2022',
    ]);
    const russian = createI18n('ru', ru);
    expect(['2014-08-25', '2023-03', '2023', '2021-12-31'].map(russian.date)).toEqual([
      '25 августа 2014',
      'март 2023',
      '2023',
      '31 декабря 2021',
    ]);
  });

  it('does not shift dates across time zones', () => {
    const english = createI18n('en', en);
    expect(['2023-01-01', '2022-12-31', '2024-02-29'].map(english.date)).toEqual([
      '1 January 2023',
      '31 December 2022',
      '29 February 2024',
    ]);
  });

  it('leaves text that is not a date as it is', () => {
    expect(createI18n('be', be).date('2023-13')).toBe('2023-13');
    expect(createI18n('en', en).date('2023-02-30')).toBe('2023-02-30');
    expect(createI18n('ru', ru).date('soon')).toBe('soon');
  });

  it('writes the reader’s own calendar day', () => {
    expect(createI18n('be', be).day(new Date(2026, 10, 29, 23, 30))).toBe('29 лістапада 2026');
  });
});

describe('names in the interface language', () => {
  it('names publication languages, in the interface language, capitalized', () => {
    expect(createI18n('be', be).languageName('ru')).toBe('Руская');
    expect(createI18n('ru', ru).languageName('be')).toBe('Белорусский');
    expect(createI18n('en', en).languageName('be')).toBe('Belarusian');
    // Not in the catalogs: Intl.DisplayNames (Node has Russian data).
    expect(createI18n('ru', ru).languageName('pt')).toBe('Португальский');
    expect(createI18n('en', en).languageName('x-unknown-tag-!')).toBe('x-unknown-tag-!');
    // Chromium has no Belarusian names: the tag, as the build's pages say it too.
    expect(createI18n('be', be).languageName('pt')).toBe('pt');
  });

  it('takes a type label or an organization name from the corpus in its language', () => {
    const labels = { be: 'Заява', ru: 'Заявление' };
    expect(createI18n('be', be).localized('Statement', labels)).toBe('Заява');
    expect(createI18n('ru', ru).localized('Statement', labels)).toBe('Заявление');
    expect(createI18n('en', en).localized('Statement', labels)).toBe('Statement');
    expect(createI18n('be', be).localized('Statement', undefined)).toBe('Statement');
  });

  it('sorts names as the interface language does, not by character code', () => {
    const names = ['Östgruppen', 'defendersbelarus.org', 'Amnesty International', 'Zubr'];
    const english = createI18n('en', en);
    expect([...names].sort(english.compare)).toEqual([
      'Amnesty International',
      'defendersbelarus.org',
      'Östgruppen',
      'Zubr',
    ]);
    // Belarusian sorts by rules every browser has (Chromium has no Belarusian collation), so
    // the build's pages and the browser agree: Cyrillic first, і and ў in their places.
    const belarusian = createI18n('be', be);
    expect(['Zubr', 'Ўзор', 'Іван', 'Вясна', 'Амністыя'].sort(belarusian.compare)).toEqual([
      'Амністыя',
      'Вясна',
      'Іван',
      'Ўзор',
      'Zubr',
    ]);
  });
});
