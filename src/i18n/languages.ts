/**
 * The interface languages and how one is chosen (../shared/spec/interface.md): `hl` in the URL
 * wins; else the first of the browser's preferred languages the app has; else the corpus
 * language if the app has it; else English. Pure: the app, the pre-render and the tests share it.
 */

export const INTERFACE_LANGUAGES = ['be', 'ru', 'en'] as const;

export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/** Each language named in itself, as the switcher shows it. */
export const NATIVE_NAMES: Record<InterfaceLanguage, string> = {
  be: 'Беларуская',
  ru: 'Русский',
  en: 'English',
};

/** The interface language a tag asks for ("be-BY" → "be"), or null when the app lacks it. */
export function interfaceLanguageOf(tag: string | null | undefined): InterfaceLanguage | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return INTERFACE_LANGUAGES.find((language) => language === primary) ?? null;
}

/** `hl` exactly as the contract spells it: `en`, `be` or `ru`; anything else is ignored. */
export function parseHl(value: string | null | undefined): InterfaceLanguage | null {
  const text = (value ?? '').trim().toLowerCase();
  return INTERFACE_LANGUAGES.find((language) => language === text) ?? null;
}

export function chooseLanguage({
  hl,
  preferred,
  corpus,
}: {
  /** The URL's `hl`. */
  hl: string | null | undefined;
  /** `navigator.languages`, most wanted first. */
  preferred: readonly string[];
  /** The corpus `language`. */
  corpus: string | undefined;
}): InterfaceLanguage {
  const asked = parseHl(hl);
  if (asked) return asked;
  for (const tag of preferred) {
    const language = interfaceLanguageOf(tag);
    if (language) return language;
  }
  return interfaceLanguageOf(corpus) ?? 'en';
}

/**
 * The browser's preferred languages; none where there is no browser (the build's pre-render:
 * Node 21 and later have a `navigator` of their own, but no `document`).
 */
export function browserLanguages(): readonly string[] {
  if (typeof document === 'undefined' || typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/** The interface language for a URL's query string, in this browser. */
export function languageForSearch(search: string, corpus: string | undefined): InterfaceLanguage {
  return chooseLanguage({
    hl: new URLSearchParams(search).get('hl'),
    preferred: browserLanguages(),
    corpus,
  });
}
