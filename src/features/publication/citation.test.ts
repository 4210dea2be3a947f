// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { be } from '../../i18n/catalogs/be.ts';
import { en } from '../../i18n/catalogs/en.ts';
import { ru } from '../../i18n/catalogs/ru.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { citation } from './citation.ts';

describe('citation', () => {
  // Midday: the same calendar day in any time zone the tests run in.
  const accessed = new Date(2026, 10, 25, 12);
  const english = createI18n('en', en);

  it('names organizations, title, type, date, archive, permanent link, original and access date', () => {
    expect(
      citation(
        {
          organizations: ['Viasna Human Rights Centre', 'Belarusian Helsinki Committee'],
          title: 'Statement on solidarity',
          type: 'Statement',
          date: '2023-03-06',
          archive: 'Human rights publications',
          permalink: 'https://archive.example/publications/solidarity',
          url: 'https://spring96.org/en/news/1',
          accessed,
        },
        english,
      ),
    ).toBe(
      'Viasna Human Rights Centre; Belarusian Helsinki Committee. “Statement on solidarity.” ' +
        'Statement, 6 March 2023. Human rights publications, ' +
        'https://archive.example/publications/solidarity. Original: https://spring96.org/en/news/1. ' +
        'Accessed 25 November 2026.',
    );
  });

  it('keeps a partial date as precise as it is known, and leaves out what is missing', () => {
    expect(
      citation(
        {
          organizations: [],
          title: 'Is this the end?',
          type: 'Report',
          date: '2021-09',
          archive: 'Archive',
          permalink: 'https://archive.example/publications/x',
          accessed,
        },
        english,
      ),
    ).toBe(
      '“Is this the end?” Report, September 2021. Archive, https://archive.example/publications/x. ' +
        'Accessed 25 November 2026.',
    );
  });

  it('is worded and dated in Belarusian and Russian', () => {
    const parts = {
      organizations: ['Праваабарончы цэнтр «Вясна»'],
      title: 'Заява аб салідарнасці',
      type: 'Навіна',
      date: '2014-08-25',
      archive: 'Архіў',
      permalink: 'https://archive.example/publications/x',
      accessed,
    };
    expect(citation(parts, createI18n('be', be))).toBe(
      'Праваабарончы цэнтр «Вясна». «Заява аб салідарнасці.» Навіна, 25 жніўня 2014. Архіў, ' +
        'https://archive.example/publications/x. Дата звароту: 25 лістапада 2026.',
    );
    expect(citation({ ...parts, date: '2023-03' }, createI18n('ru', ru))).toContain(
      'Навіна, март 2023. Архіў, https://archive.example/publications/x. Дата обращения: 25 ноября 2026.',
    );
  });
});
