import type { Catalog } from './catalog.ts';
import { formatDay, formatNumber, formatPartialDate } from './format.ts';
import type { InterfaceLanguage } from './languages.ts';
import { selectPlural, type PluralForms } from './plural.ts';

/** Text from the corpus that may come in several interface languages (`labels`, `names`). */
type Localized = { readonly [language: string]: string | undefined };

/**
 * The interface language at work: its catalog (`t`), and the numbers, dates, plurals, names and
 * sort order that go with it. Components get it from `useI18n()`.
 */
export type I18n = {
  language: InterfaceLanguage;
  t: Catalog;
  /** "1 публікацыя", "3 публікацыі", "37 публікацый". */
  count(forms: PluralForms, count: number): string;
  number(value: number): string;
  /** A corpus date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), as precisely as it is given. */
  date(text: string): string;
  day(day: Date): string;
  /** A language tag by its name in the interface language ("ru" → "Руская"). */
  languageName(tag: string): string;
  /** A type's label or an organization's name in the interface language, where the corpus has it. */
  localized(text: string, translations: Localized | undefined): string;
  /** Compares names as the interface language sorts them. */
  compare(a: string, b: string): number;
};

/**
 * Whose rules sort names in each interface language. Chromium has no Belarusian collation (it
 * would sort as English does: Latin names first), while Node's ICU has one: pages pre-rendered by
 * the build and rendered in the browser would list names in different orders, and React could not
 * adopt the page. Russian's rules, which every ICU has, put Cyrillic first and read the Belarusian
 * alphabet in its order (і, ў as и, у with a mark: the same base letter).
 */
const COLLATION: Record<InterfaceLanguage, string> = { be: 'ru', ru: 'ru', en: 'en' };

/** Interface languages whose language names every browser's Intl.DisplayNames has. */
const DISPLAY_NAMES_EVERYWHERE = new Set<InterfaceLanguage>(['en', 'ru']);

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function createI18n(language: InterfaceLanguage, catalog: Catalog): I18n {
  const number = (value: number) => formatNumber(value, language);
  let names: Intl.DisplayNames | null = null;
  // Created when first needed: a collator costs milliseconds to make.
  let collator: Intl.Collator | null = null;
  return {
    language,
    t: catalog,
    count: (forms, count) => selectPlural(language, count, forms, number),
    number,
    date: (text) => formatPartialDate(text, catalog.months),
    day: (day) => formatDay(day, catalog.months),
    languageName(tag) {
      const known = catalog.languageNames[tag.toLowerCase()];
      if (known) return known;
      // Chromium has no Belarusian language names (it would answer in English), Node has: the
      // tag itself, the same in the build's pages and in the browser.
      if (!DISPLAY_NAMES_EVERYWHERE.has(language)) return tag;
      try {
        names ??= new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
        return capitalized(names.of(tag) ?? tag);
      } catch {
        return tag;
      }
    },
    localized: (text, translations) => translations?.[language]?.trim() || text,
    compare(a, b) {
      collator ??= new Intl.Collator(COLLATION[language], { sensitivity: 'base', numeric: true });
      return collator.compare(a, b);
    },
  };
}
