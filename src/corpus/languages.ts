/**
 * English names of the languages archives in this region publish in, written out: the first
 * Intl.DisplayNames costs ~30 ms of start-up in Chromium. Other tags still get their name from
 * Intl.DisplayNames, created when first needed.
 */
const NAMES: Record<string, string> = {
  be: 'Belarusian',
  ru: 'Russian',
  uk: 'Ukrainian',
  en: 'English',
  pl: 'Polish',
  lt: 'Lithuanian',
  lv: 'Latvian',
  et: 'Estonian',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  sv: 'Swedish',
  no: 'Norwegian',
  nb: 'Norwegian Bokmål',
  da: 'Danish',
  fi: 'Finnish',
  nl: 'Dutch',
  cs: 'Czech',
  sk: 'Slovak',
  ka: 'Georgian',
  hy: 'Armenian',
  az: 'Azerbaijani',
  kk: 'Kazakh',
  ky: 'Kyrgyz',
  uz: 'Uzbek',
  tg: 'Tajik',
  ro: 'Romanian',
  tr: 'Turkish',
};

let languageNames: Intl.DisplayNames | null = null;

/** A language tag by its English name ("ru" → "Russian"); an unknown tag is shown as it is. */
export function languageName(tag: string): string {
  const known = NAMES[tag.toLowerCase()];
  if (known) return known;
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
