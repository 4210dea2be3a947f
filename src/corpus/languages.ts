const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** A language tag by its English name ("ru" → "Russian"); an unknown tag is shown as it is. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
