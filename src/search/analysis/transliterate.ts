/**
 * Cyrillic → Latin, the two ways Belarusian and Russian names reach English texts
 * (docs/decisions/009-transliteration.md). The index holds, beside every Cyrillic word, its Latin
 * spellings, and a Cyrillic query word is also looked up by its Latin spellings; so "Гулак"
 * finds "Hulak", "Lukashenka" finds "Лукашэнка", and "Vesna" finds the alias "Весна".
 */

/** Letters both romanisations spell alike (the name keys start from them too: name-key.ts). */
export const COMMON_LETTERS: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  д: 'd',
  ж: 'zh',
  з: 'z',
  і: 'i',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ґ: 'g',
  є: 'ie',
  ї: 'i',
  "'": '',
  '’': '',
  ʼ: '',
};

/** Belarusian: г is h; я, ю, ё are ia, iu, io; й is i ("Андрэй" → "andrei"). */
const BELARUSIAN: Record<string, string> = {
  ...COMMON_LETTERS,
  г: 'h',
  е: 'e',
  ё: 'io',
  й: 'i',
  ю: 'iu',
  я: 'ia',
};

/** Russian: г is g; я, ю are ya, yu; й is y; ё is e ("Лукашенко" → "lukashenko"). */
const RUSSIAN: Record<string, string> = {
  ...COMMON_LETTERS,
  г: 'g',
  е: 'e',
  ё: 'e',
  й: 'y',
  ю: 'yu',
  я: 'ya',
};

const CYRILLIC = /[\u0400-\u04ff]/;

export function hasCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

function apply(word: string, table: Record<string, string>): string {
  let out = '';
  for (const char of word) out += table[char] ?? char;
  return out;
}

/**
 * The Latin spellings of a lower-case Cyrillic word: Belarusian first, then Russian when it
 * differs. A word without Cyrillic letters has none.
 */
export function latinSpellings(word: string): string[] {
  if (!hasCyrillic(word)) return [];
  const belarusian = apply(word, BELARUSIAN);
  const russian = apply(word, RUSSIAN);
  return russian === belarusian ? [belarusian] : [belarusian, russian];
}

/**
 * One Latin form for both spellings of a Cyrillic word, and for a Latin query word: where the
 * Belarusian and Russian tables differ (г h/g, я ia/ya, ю iu/yu, ё io/e, й i/y), and where Latin
 * texts waver (y and i), the key keeps one. The index holds each Cyrillic word once under it; a
 * Latin query word looks it up, so "zastalosya" and "zastalosia" both find "засталося".
 */
export function spellingKey(latin: string): string {
  return latin.replace(/y/g, 'i').replace(/g/g, 'h').replace(/io/g, 'e');
}
