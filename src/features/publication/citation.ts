import { formatPartialDate } from '../../corpus/dates.ts';

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

function formatDay(date: Date): string {
  return formatPartialDate(date.toISOString().slice(0, 10));
}

/**
 * A citation a journalist can paste: who, what, when, where it is kept (the permanent link),
 * where it came from, and when it was read.
 */
export function citation(parts: CitationParts): string {
  const who = parts.organizations.length > 0 ? `${parts.organizations.join('; ')}. ` : '';
  const title = /[.!?…]$/.test(parts.title) ? parts.title : `${parts.title}.`;
  const original = parts.url ? ` Original: ${parts.url}.` : '';
  return (
    `${who}“${title}” ${parts.type}, ${formatPartialDate(parts.date)}. ` +
    `${parts.archive}, ${parts.permalink}.${original} Accessed ${formatDay(parts.accessed)}.`
  );
}
