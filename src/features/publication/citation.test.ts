// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { citation } from './citation.ts';

describe('citation', () => {
  const accessed = new Date('2026-11-25T10:00:00Z');
  it('names organizations, title, type, date, archive, permanent link, original and access date', () => {
    expect(
      citation({
        organizations: ['Viasna Human Rights Centre', 'Belarusian Helsinki Committee'],
        title: 'Statement on solidarity',
        type: 'Statement',
        date: '2023-03-06',
        archive: 'Human rights publications',
        permalink: 'https://archive.example/publications/solidarity',
        url: 'https://spring96.org/en/news/1',
        accessed,
      }),
    ).toBe(
      'Viasna Human Rights Centre; Belarusian Helsinki Committee. “Statement on solidarity.” ' +
        'Statement, 6 March 2023. Human rights publications, ' +
        'https://archive.example/publications/solidarity. Original: https://spring96.org/en/news/1. ' +
        'Accessed 25 November 2026.',
    );
  });

  it('keeps a partial date as precise as it is known, and leaves out what is missing', () => {
    expect(
      citation({
        organizations: [],
        title: 'Is this the end?',
        type: 'Report',
        date: '2021-09',
        archive: 'Archive',
        permalink: 'https://archive.example/publications/x',
        accessed,
      }),
    ).toBe(
      '“Is this the end?” Report, September 2021. Archive, https://archive.example/publications/x. ' +
        'Accessed 25 November 2026.',
    );
  });
});
