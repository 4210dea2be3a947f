import type { I18n } from '../../i18n/i18n.ts';

export type CitationParts = {
  organizations: readonly string[];
  title: string;
  type: string;
  date: string;
  archive: string;
  permalink: string;
  url?: string | undefined;
  accessed: Date;
};

/**
 * A citation a journalist can paste: who, what, when, where it is kept (the permanent link),
 * where it came from, and when it was read, worded and dated in the interface language.
 */
export function citation(parts: CitationParts, i18n: Pick<I18n, 't' | 'date' | 'day'>): string {
  return i18n.t.citation({
    organizations: parts.organizations.join('; '),
    title: parts.title,
    type: parts.type,
    date: i18n.date(parts.date),
    archive: parts.archive,
    permalink: parts.permalink,
    url: parts.url,
    accessed: i18n.day(parts.accessed),
  });
}
