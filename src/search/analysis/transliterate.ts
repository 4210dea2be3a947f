/**
 * Cyrillic → Latin, the two ways Belarusian and Russian names reach English texts
 * (docs/decisions/009-transliteration.md). The index holds, beside every Cyrillic word, its Latin
 * spellings, and a Cyrillic query word is also looked up by its Latin spellings; so "Гулак"
 * finds "Hulak", "Lukashenka" finds "Лукашэнка", and "Vesna" finds the alias "Весна".
 */

const COMMON: Record<string, string> = {
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
  ...COMMON,
  г: 'h',
  е: 'e',
  ё: 'io',
  й: 'i',
  ю: 'iu',
  я: 'ia',
};

/** Russian: г is g; я, ю are ya, yu; й is y; ё is e ("Лукашенко" → "lukashenko"). */
const RUSSIAN: Record<string, string> = {
  ...COMMON,
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

/** Long enough to be a name rather than "hold" and "gold". */
const MIN_RESPELLED_LENGTH = 5;

/**
 * The other romanisation of a Latin word that begins with the letter the two schemes disagree
 * on: г is "h" in Belarusian and "g" in Russian, so English texts write both "Hulak" and "Gulak",
 * "Hrodna" and "Grodno". Fuzzy matching forgives other letters but never the first, so that one
 * is swapped. Short words have none: "hold" should not find "gold".
 */
export function otherRomanisation(term: string): string | undefined {
  if (term.length < MIN_RESPELLED_LENGTH || !/^[a-z]+$/.test(term)) return undefined;
  if (term.startsWith('h')) return `g${term.slice(1)}`;
  if (term.startsWith('g')) return `h${term.slice(1)}`;
  return undefined;
}
