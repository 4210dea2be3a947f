/**
 * For tests of the readers: a small valid corpus with what is hard to read in every field
 * (escapes, control characters, Cyrillic, emoji, U+2028, unknown fields), built fresh each time.
 */

export const types = [
  { id: 'statement', label: 'Statement' },
  { id: 'report', label: 'Report', color: 'red' },
];
export const organizations = [
  { id: 'viasna', name: 'Viasna', aliases: ['Вясна'], url: 'https://spring96.org' },
  { id: 'bhc', name: 'Belarusian Helsinki Committee', logo: 'x.png' },
];

/** Quotes, a backslash and control characters, all escaped in JSON, and Cyrillic. */
const BODY_TEXT = 'Праваабаронцы "Вясны" \\ \n\t\u0001 ';

/** Publication `index`, with `extra` fields. */
export function publication(index: number, extra: Record<string, unknown> = {}) {
  return {
    id: `publication-${index}`,
    title: `Заява ${index} — “quoted” \\ text`,
    type: index % 2 ? 'report' : 'statement',
    organizations: index % 2 ? ['bhc', 'viasna'] : ['viasna'],
    date: `2023-03-${String((index % 28) + 1).padStart(2, '0')}`,
    summary: `Summary ${index} with \u2028 and 😀`,
    body: `<p class="x">Body ${index}: ${BODY_TEXT.repeat(index % 5)}</p>`,
    url: `https://example.org/${index}`,
    tags: ['freedom of association'],
    attachments: [{ title: 'PDF', url: `https://example.org/${index}.pdf`, size: 12 }],
    cmsId: index,
    ...extra,
  };
}

/** A corpus of `count` publications, with `extra` top-level members. */
export function corpus(count = 6, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    name: 'Test archive',
    language: 'en',
    producer: { name: 'cms', version: 2 },
    types,
    organizations,
    publications: Array.from({ length: count }, (_, index) =>
      publication(index, index === 2 ? { translations: { ru: 'publication-1' } } : {}),
    ),
    ...extra,
  };
}

export const pretty = (value: unknown) => JSON.stringify(value, null, 2);
