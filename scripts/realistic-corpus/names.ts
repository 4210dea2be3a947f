import type { Random } from '../../src/testing/random.ts';
import { LANGUAGES, type Language, type Spellings } from './lexicon.ts';
import type { Probes } from './probes.ts';

/**
 * Names that matter to this archive (Bialiatski, Lukashenka, Viasna…): mentioned in a share of
 * publications, inflected and spelled for the publication's language, sometimes in the title or
 * the summary; every spelling is a probe (probes.ts).
 */

/** A name and its spellings in each language; `share` is the part of publications mentioning it. */
type Name = { name: string; share: number; forms: Record<Language, readonly string[]> };

const NAMES: readonly Name[] = [
  {
    name: 'Bialiatski',
    share: 0.04,
    forms: {
      be: ['Бяляцкі', 'Бяляцкага', 'Бяляцкаму', 'Бяляцкім'],
      ru: ['Беляцкий', 'Беляцкого', 'Беляцкому', 'Беляцким', 'Беляцком'],
      en: ['Bialiatski', 'Ales Bialiatski'],
    },
  },
  {
    name: 'Lukashenka',
    share: 0.02,
    forms: {
      be: ['Лукашэнка', 'Лукашэнкі', 'Лукашэнку', 'Лукашэнкам'],
      ru: ['Лукашенко'],
      en: ['Lukashenka'],
    },
  },
  {
    name: 'Kalesnikava',
    share: 0.01,
    forms: {
      be: ['Калеснікава', 'Калеснікавай', 'Калеснікаву'],
      ru: ['Колесникова', 'Колесниковой', 'Колесникову'],
      en: ['Kalesnikava', 'Maryia Kalesnikava'],
    },
  },
  {
    name: 'Tsikhanouskaya',
    share: 0.015,
    forms: {
      be: ['Ціханоўская', 'Ціханоўскай', 'Ціханоўскую'],
      ru: ['Тихановская', 'Тихановской', 'Тихановскую'],
      en: ['Tsikhanouskaya', 'Sviatlana Tsikhanouskaya'],
    },
  },
  {
    name: 'Hulak',
    share: 0.006,
    forms: { be: ['Гулак', 'Гулака', 'Гулаку'], ru: ['Гулак', 'Гулака', 'Гулаку'], en: ['Hulak'] },
  },
  {
    name: 'Stefanovich',
    share: 0.008,
    forms: {
      be: ['Стэфановіч', 'Стэфановіча', 'Стэфановічу'],
      ru: ['Стефанович', 'Стефановича', 'Стефановичу'],
      en: ['Stefanovich', 'Valiantsin Stefanovich'],
    },
  },
  {
    name: 'Labkovich',
    share: 0.007,
    forms: { be: ['Лабковіч', 'Лабковіча'], ru: ['Лабкович', 'Лабковича'], en: ['Labkovich'] },
  },
  {
    name: 'Viasna',
    share: 0.02,
    forms: { be: ['Вясна', 'Вясны', 'Вясне'], ru: ['Весна', 'Весны', 'Весне'], en: ['Viasna'] },
  },
  {
    name: 'Belarusian Helsinki Committee',
    share: 0.01,
    forms: {
      be: ['Беларускі Хельсінкскі Камітэт', 'Беларускага Хельсінкскага Камітэта'],
      ru: ['Белорусский Хельсинкский комитет', 'Белорусского Хельсинкского комитета'],
      en: ['Belarusian Helsinki Committee'],
    },
  },
];

/**
 * Spellings that only names may have: the dictionaries' "вясна" (spring) or "весна" would make
 * "Вясна" at the start of a sentence a false mention of Viasna for the probes.
 */
export const NAME_SPELLINGS: ReadonlySet<string> = new Set(
  NAMES.flatMap((name) => LANGUAGES.flatMap((language) => name.forms[language]))
    .filter((form) => !form.includes(' '))
    .map((form) => form.toLowerCase()),
);

/** One spelling of a name, ready to write: its words' spellings and the probe slots it fills. */
export type Mention = { text: string; spellings: number[]; slots: number[] };
export type ResolvedName = {
  name: string;
  share: number;
  slots: Map<string, number>;
  mentions: Record<Language, Mention[]>;
};

/** A phrase holds every spelling of the name that it contains as whole words ("Ales Bialiatski"). */
function resolveName(name: Name, spellings: Spellings, probes: Probes): ResolvedName {
  const slots = new Map<string, number>();
  for (const form of new Set(LANGUAGES.flatMap((language) => name.forms[language]))) {
    slots.set(form, probes.newSlot());
  }
  const mention = (text: string): Mention => ({
    text,
    spellings: text.split(' ').map((word) => spellings.id(word)),
    slots: [...slots].flatMap(([form, slot]) => (` ${text} `.includes(` ${form} `) ? [slot] : [])),
  });
  const mentions = { be: [], ru: [], en: [] } as Record<Language, Mention[]>;
  for (const language of LANGUAGES) mentions[language] = name.forms[language].map(mention);
  return { name: name.name, share: name.share, slots, mentions };
}

/** Every name, its spellings numbered in `spellings`, each with its probe slot. */
export function resolveNames(spellings: Spellings, probes: Probes): ResolvedName[] {
  return NAMES.map((name) => resolveName(name, spellings, probes));
}

/** Names mentioned by one publication: where each mention goes. */
export type MentionPlan = { title: Mention[]; summary: Mention[]; body: Mention[] };

export function planMentions(
  rng: Random,
  names: readonly ResolvedName[],
  language: Language,
): MentionPlan {
  const plan: MentionPlan = { title: [], summary: [], body: [] };
  for (const name of names) {
    if (rng.next() >= name.share) continue;
    const mentions = name.mentions[language];
    if (rng.next() < 0.25) plan.title.push(rng.pick(mentions));
    if (rng.next() < 0.3) plan.summary.push(rng.pick(mentions));
    for (let i = 1 + rng.int(3); i > 0; i--) plan.body.push(rng.pick(mentions));
  }
  return plan;
}
