/**
 * A light suffix stemmer for Belarusian, so that the forms of a word meet in the index:
 * "парушаецца", "парушалася" and "парушаць" are all "паруш", "Бяляцкі" and "Бяляцкага" both
 * "бяляцк". No Snowball stemmer exists for Belarusian; this one follows the Snowball Russian
 * stemmer's plan (an ending is removed only after the word's first vowel, the longest that fits
 * wins) with Belarusian endings, and a few rules for the sound changes of Belarusian inflection.
 * Why these rules and how well they do: docs/decisions/010-word-forms.md (measured by
 * scripts/bench/stemmer-quality.ts against hunspell's lemma families).
 *
 * Input: one lower-case word, apostrophes removed, letters as written (і, ў, й, ё, ь kept).
 * Output: its stem in the same alphabet, never empty and never shorter than three letters unless
 * the word is. Words of three letters or fewer and words without a vowel keep all their letters.
 * The stem is a search key, not a word: о is always written а and ё я (see `unstress`), and the
 * caller folds it further (й → и, ў → у, ё → е).
 */

const VOWELS = 'аеёіоуыэюя';

/** Soft endings begin with these: before them т is written ц and д дз (цеканне, дзеканне). */
const SOFT = 'еёіюяь';

/** The shortest stem an ending may leave. */
const MIN_STEM = 3;

/*
 * Endings, by part of speech. The lists only document; all are tried together, longest first.
 * "ж|це" matches "жце" but removes only "це"; "ога!м" is never removed after м.
 * Verb endings include the verb's theme vowel (чыт-аю, чыт-аць, чыт-аў), as the adjectival
 * endings -аю, -ае, -ай that the same forms end with would remove it anyway.
 */
const ADJECTIVE = [
  ...['ы', 'ая', 'ае', 'ую', 'ага', 'аму', 'ым', 'ых', 'ымі', 'ыя', 'ай', 'аю'], // новы
  ...['і', 'яя', 'яе', 'юю', 'яга', 'яму', 'ім', 'іх', 'імі', 'ія', 'яй', 'яю'], // сіні, Бяляцкі
  ...['ое', 'ога!м', 'ому', 'ой', 'ою'], // stressed (малое, малога); not дапамога, перамога
];

const NOUN = [
  ...['а', 'я', 'о', 'ё', 'е', 'э', 'у', 'ю', 'ь'],
  ...['ам', 'ям', 'ом', 'ём', 'ем', 'амі', 'ямі', 'ах', 'ях'],
  ...['аў', 'яў', 'оў', 'ёў', 'ей', 'ёй', 'ёю'], // plural genitive -аў, -ей; instrumental -ёй, -ёю
  // -ія, -ыя nouns: арганізацыя, арганізацыі, арганізацый, Марыя
  ...['ыі', 'ыю', 'ыяй', 'ыяю', 'ыям', 'ыямі', 'ыях'],
  ...['іі', 'ію', 'іяй', 'іяю', 'іям', 'іямі', 'іях'],
  ...['ый', 'ій', 'ыем', 'іем'], // and -ій: алюміній, алюмініем
  // -ей, -эй nouns lose their е like the verbs in -ею: Сяргей, Сяргея, Сяргею, Андрэй, музей
  ...['ея', 'эя', 'еі', 'эі', 'ееў', 'эеў', 'эй'],
];

const VERB = [
  // infinitive (and third person plural -уць, -юць, -аць, -яць)
  ...['аць', 'яць', 'ець', 'эць', 'іць', 'ыць', 'уць', 'юць', 'оць'],
  // present tense of verbs in -аць, -яць, -ець, -эць, -ыць, -аваць (-ую), -яваць (-юю)
  ...['аеш', 'аем', 'аеце', 'аюць', 'яеш', 'яем', 'яеце', 'яюць'],
  ...['ею', 'ееш', 'ее', 'еем', 'ееце', 'еюць', 'эю', 'эеш', 'эе', 'эем', 'эеце', 'эюць'],
  ...['ыеш', 'ые', 'ыем', 'ыеце', 'ыюць'],
  ...['уеш', 'уе', 'уем', 'уеце', 'уюць', 'юеш', 'юе', 'юем', 'юеце', 'ююць'],
  // other present tenses; -аце only after ж, ш, ч, р (пішаце), as -аце is also адвакаце
  ...['еш', 'эш', 'аш', 'іш', 'ыш', 'эм', 'ім', 'ым', 'еце', 'яце', 'іце', 'ыце'],
  ...['ж|аце', 'ш|аце', 'ч|аце', 'р|аце'],
  // first person with an inserted л after a labial: раблю, куплю, стаўлю (→ став); not м (зямлю)
  ...['б|лю', 'п|лю', 'в|лю', 'ф|лю', 'ў|лю'],
  // past: -ў, -ла, -лі, -ло after the theme vowel (never a bare -ла: крэсла, масла)
  ...['ў', 'еў', 'эў', 'іў', 'ыў', 'уў'],
  ...['ала', 'яла', 'ела', 'эла', 'іла', 'ыла', 'ула'],
  ...['алі', 'ялі', 'елі', 'элі', 'ілі', 'ылі', 'улі'],
  ...['ало', 'яло', 'ело', 'эло', 'іло', 'ыло'],
  // -аваць verbs, whose present is -ую: будаваць, будаваў, будую → буд
  ...['аваць', 'аваў', 'авала', 'авалі', 'авало', 'яваць', 'яваў', 'явала', 'явалі', 'явало'],
  // imperative; a bare -це only after ж, ш, ч, ў, as -це is also a noun's (праекце → праект)
  ...['й', 'уй', 'юй', 'йце', 'айце', 'яйце', 'уйце', 'юйце', 'ейце', 'эйце', 'ыйце', 'ьце'],
  ...['ж|це', 'ш|це', 'ч|це', 'ў|це'],
  // gerund
  ...['аючы', 'яючы', 'уючы', 'ючы', 'учы', 'ачы', 'ячы'],
  ...['ўшы', 'аўшы', 'яўшы', 'іўшы', 'ыўшы', 'еўшы', 'уўшы'],
];

type Ending = {
  /** The letters the word must end with. */
  match: string;
  /** How many of them go. */
  cut: number;
  /** Letters that must not come before `match`. */
  notAfter: string;
};

/** Endings grouped by their last letter, longest first, so a word tries only a few. */
function endingsByLastLetter(entries: readonly string[]): Map<string, Ending[]> {
  const map = new Map<string, Ending[]>();
  for (const entry of new Set(entries)) {
    const [body = '', notAfter = ''] = entry.split('!');
    const bar = body.indexOf('|');
    const match = body.replace('|', '');
    const ending = { match, cut: bar < 0 ? match.length : match.length - bar, notAfter };
    const last = match.charAt(match.length - 1);
    const bucket = map.get(last);
    if (bucket) bucket.push(ending);
    else map.set(last, [ending]);
  }
  for (const bucket of map.values()) bucket.sort((a, b) => b.match.length - a.match.length);
  return map;
}

const ENDINGS = endingsByLastLetter([...ADJECTIVE, ...NOUN, ...VERB]);

const isVowel = (letter: string) => letter !== '' && VOWELS.includes(letter);

/** -ся after the forms that take it: вучуся, вучышся, вучымся, вучыцеся, вучыўся, вучылася… */
function isReflexive(word: string, length: number): boolean {
  const before = word.charAt(length - 3);
  switch (before) {
    case 'а':
    case 'о':
      return word.charAt(length - 4) === 'л'; // -лася, -лося, not Антося
    case 'е':
      return word.charAt(length - 4) === 'ц'; // -цеся, not Алеся
    default:
      return 'уюіышмўйьжчкгсз'.includes(before);
  }
}

/** ц in "кніжцы" is the к of "кніжка"; not after м, н, р, с (немцы, абаронцы, сэрцы, месцы). */
const CY_AFTER = 'бвгджзклптфхчш';

/** Unstressed о is written а (аканне) and ё я (яканне): горад, гарады; вёска, вясковы. */
function unstress(stem: string): string {
  const o = stem.includes('о');
  const yo = stem.includes('ё');
  if (!o && !yo) return stem;
  const a = o ? stem.replaceAll('о', 'а') : stem;
  return yo ? a.replaceAll('ё', 'я') : a;
}

export function stemBelarusian(word: string): string {
  const length = word.length;
  if (length < 4) return unstress(word);
  let rv = 0;
  for (let index = 0; index < length - 1; index++) {
    if (isVowel(word.charAt(index))) {
      rv = index + 1;
      break;
    }
  }
  if (rv === 0) return unstress(word);
  const min = rv > MIN_STEM ? rv : MIN_STEM;

  // Reflexive verbs: -цца is -ць + -ся (вучыцца = вучыць + ся), -ецца is -е + -ся (парушаецца).
  let text = word;
  let end = length;
  if (word.endsWith('цца') && length - 3 >= min) {
    const before = word.charAt(length - 4);
    text = before === 'е' || before === 'э' ? word.slice(0, -3) : `${word.slice(0, -2)}ь`;
    end = text.length;
  } else if (word.endsWith('ся') && length - 2 >= min && isReflexive(word, length)) {
    end -= 2;
  }
  const full = end;

  const bucket = ENDINGS.get(text.charAt(end - 1));
  if (bucket) {
    for (const { match, cut, notAfter } of bucket) {
      if (
        end - cut >= min &&
        text.endsWith(match, end) &&
        (notAfter === '' || !notAfter.includes(text.charAt(end - match.length - 1)))
      ) {
        end -= cut;
        break;
      }
    }
  }
  let stem = text.slice(0, end);
  const next = text.charAt(end);

  if (end < full) {
    // стаўлю, стаўце → став, as ставіць: ў before a consonant is the в of the other forms.
    if (stem.endsWith('ў') && !isVowel(next)) stem = `${stem.slice(0, -1)}в`;
    // Before a soft ending ц was т and дз was д: радасці → радаст, судзе → суд, праекце → праект.
    else if (SOFT.includes(next)) {
      if (stem.endsWith('ц')) stem = `${stem.slice(0, -1)}т`;
      else if (stem.endsWith('дз') && stem.length > min) stem = stem.slice(0, -1);
    }
    // кніжцы → кніжк (the ц of the dative is the к of кніжка).
    else if (
      next === 'ы' &&
      stem.endsWith('ц') &&
      CY_AFTER.includes(stem.charAt(stem.length - 2))
    ) {
      stem = `${stem.slice(0, -1)}к`;
    }
    // The fleeting е of вязень, палітвязень (вязня).
    if (next === 'ь' && end === full - 1 && stem.endsWith('зен') && isVowel(stem.charAt(end - 4))) {
      stem = `${stem.slice(0, -2)}н`;
    }
  } else {
    stem = dropFleetingVowel(stem, min);
  }

  // A doubled consonant before the ending is one: Беларуссю, ноччу, Палессе; but not нн, a
  // suffix (пытанне, пытанні), nor the дд of суддзя (суд is another word).
  const last = stem.charAt(stem.length - 1);
  if (
    stem.length > min &&
    last === stem.charAt(stem.length - 2) &&
    last !== 'н' &&
    last !== 'д' &&
    !isVowel(last)
  ) {
    stem = stem.slice(0, -1);
  }

  return unstress(stem);
}

/**
 * A word with no ending whose last vowel drops in its other forms: немец (немца), прадавец
 * (прадаўца), абавязак (абавязку), агурок (агурка).
 */
function dropFleetingVowel(stem: string, min: number): string {
  const length = stem.length;
  const last = stem.charAt(length - 1);
  const vowel = stem.charAt(length - 2);
  const before = stem.charAt(length - 3);
  if (length - 2 < min || isVowel(before) || before === 'й' || before === 'ў') return stem;
  if (last === 'ц' && vowel === 'е') {
    if (before === 'в' && isVowel(stem.charAt(length - 4)) && length - 3 >= min) {
      return `${stem.slice(0, -3)}ўц`;
    }
    return `${stem.slice(0, -2)}ц`;
  }
  if (last === 'к' && (vowel === 'а' || vowel === 'о')) return `${stem.slice(0, -2)}к`;
  return stem;
}
