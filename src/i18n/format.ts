import { parsePartialDate } from '../corpus/dates.ts';
import type { InterfaceLanguage } from './languages.ts';

/**
 * Numbers and dates in the interface language, written out rather than asked of `Intl`: Chromium
 * has no Belarusian data in `Intl.NumberFormat` and `Intl.DateTimeFormat` (it falls back to
 * English), and their first use costs tens of milliseconds of start-up. Month names come from the
 * active catalog.
 */

/** The digit group separator: a comma in English, a no-break space in Belarusian and Russian. */
const GROUP: Record<InterfaceLanguage, string> = { en: ',', be: '\u00a0', ru: '\u00a0' };
const DECIMAL: Record<InterfaceLanguage, string> = { en: '.', be: ',', ru: ',' };

/** "1,234" (en), "1 234" (be, ru); fractions keep up to two decimals ("1,5"). */
export function formatNumber(value: number, language: InterfaceLanguage): string {
  const negative = value < 0;
  const [whole = '0', fraction] = String(Math.round(Math.abs(value) * 100) / 100).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[language]);
  return `${negative ? '-' : ''}${grouped}${fraction ? DECIMAL[language] + fraction : ''}`;
}

export type MonthNames = {
  /** "March", "сакавік": a month on its own, or with its year ("сакавік 2023"). */
  nominative: readonly string[];
  /** "March", "сакавіка": a month after its day ("6 сакавіка 2023"). */
  genitive: readonly string[];
};

/** "6 March 2023", "March 2023" or "2023", as precisely as the corpus knows the date. */
export function formatPartialDate(text: string, months: MonthNames): string {
  const date = parsePartialDate(text);
  if (!date) return text;
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${months.nominative[date.month - 1] ?? ''} ${date.year}`;
  return `${date.day} ${months.genitive[date.month - 1] ?? ''} ${date.year}`;
}

/** A calendar day (the reader's own) as a date. */
export function formatDay(day: Date, months: MonthNames): string {
  const text = [
    String(day.getFullYear()).padStart(4, '0'),
    String(day.getMonth() + 1).padStart(2, '0'),
    String(day.getDate()).padStart(2, '0'),
  ].join('-');
  return formatPartialDate(text, months);
}
