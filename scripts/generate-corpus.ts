import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { COMMON_LETTERS } from '../src/search/analysis/transliterate.ts';
import { seededRandom, type Random } from '../src/testing/random.ts';

/**
 * Writes a valid, realistic synthetic corpus for benchmarks and scale tests:
 *
 *   npm run corpus:generate -- --count 50000 --out bench-results/corpus-50k.json [--seed 1]
 *   npm run corpus:generate -- --vocabulary real --count 50000 --out bench-results/real-50000.json
 *
 * The command line is scripts/corpus-generator.ts. `--vocabulary real` writes text drawn from
 * every word form of real Belarusian, Russian and English dictionaries instead
 * (scripts/generate-realistic-corpus.ts); `synthetic`, the default, is described here. The same
 * seed and count always give the same file (src/testing/random.ts). Titles and summaries are
 * built from templates with real and invented names (in Latin and Cyrillic), places, topics and
 * ~300 organizations with Cyrillic aliases; bodies are 3–5 KB of HTML; dates span 25 years;
 * several languages. The vocabulary has a long tail of rare names, as real archives do. The
 * corpus parts both generators share (organizations, dates, links, ids, streaming) live here.
 */

/**
 * Latin letters for ids: the app's (transliterate.ts: the letters both romanisations spell alike,
 * and the Belarusian г, е, ё, ю, я), but й as "j" and ъ as a break between words, as generated ids
 * have always been written, so that a seed's corpus stays byte-identical (bench results compare).
 */
// prettier-ignore
const ID_LETTERS: Readonly<Record<string, string>> = {
  ...COMMON_LETTERS, г: 'h', е: 'e', ё: 'io', й: 'j', ю: 'iu', я: 'ia', ъ: '-',
};

/** Text as part of an id: lower case, in Latin letters, anything else a hyphen. */
export function slug(text: string): string {
  let latin = '';
  for (const char of text.toLowerCase()) latin += ID_LETTERS[char] ?? char;
  return latin.replace(/[^a-z0-9]+/g, '-');
}

const REAL_PEOPLE = [
  ['Алесь Бяляцкі', 'Ales Bialiatski'],
  ['Марыя Калеснікава', 'Maryia Kalesnikava'],
  ['Алег Гулак', 'Aleh Hulak'],
  ['Валянцін Стэфановіч', 'Valiantsin Stefanovich'],
  ['Уладзімір Лабковіч', 'Uladzimir Labkovich'],
  ['Насця Лойка', 'Nasta Loika'],
  ['Марфа Рабкова', 'Marfa Rabkova'],
  ['Ігар Лосік', 'Ihar Losik'],
  ['Андрэй Чапюк', 'Andrei Chapiuk'],
  ['Леанід Судаленка', 'Leanid Sudalenka'],
] as const;

// prettier-ignore
const SYLLABLES = [
  'ka', 'le', 'sni', 'va', 'bia', 'lia', 'tski', 'hu', 'lak', 'sta', 'fa', 'no', 'vich', 'lab',
  'ko', 'ra', 'bo', 'lo', 'si', 'mi', 'ha', 'il', 'cha', 'piu', 'su', 'da', 'len', 'ma', 'ros',
  'zhy', 'ten', 'dzi', 'an', 'tsu', 'shke', 'vi', 'ch', 'nia', 'pa', 'ry', 'hor', 'vets',
];
// prettier-ignore
const FIRST_NAMES = [
  'Ales', 'Maryia', 'Aleh', 'Nasta', 'Ihar', 'Andrei', 'Leanid', 'Tatsiana', 'Siarhei', 'Volha',
  'Pavel', 'Iryna', 'Dzianis', 'Alena', 'Mikalai', 'Hanna', 'Viktar', 'Natallia', 'Uladzimir',
  'Katsiaryna', 'Raman', 'Palina', 'Yauhen', 'Darya', 'Maksim', 'Liudmila', 'Artsiom', 'Ksenia',
];
// prettier-ignore
const PLACES = [
  'Minsk', 'Hrodna', 'Homel', 'Mahiliou', 'Vitsebsk', 'Brest', 'Zhodzina', 'Navapolatsk',
  'Baranavichy', 'Babruisk', 'Pinsk', 'Lida', 'Maladziechna', 'Salihorsk', 'Orsha', 'Mazyr',
  'Vilnius', 'Warsaw', 'Tbilisi', 'Moscow', 'Kyiv', 'Geneva', 'Strasbourg', 'Vienna',
];
// prettier-ignore
const PLACES_CYRILLIC = [
  'Мінск', 'Гродна', 'Гомель', 'Магілёў', 'Віцебск', 'Брэст', 'Жодзіна', 'Наваполацк',
];
// prettier-ignore
const TOPICS = [
  'political prisoners', 'freedom of association', 'freedom of expression', 'torture',
  'death penalty', 'elections', 'peaceful assembly', 'human rights defenders', 'journalists',
  'lawyers', 'independent media', 'civil society', 'criminal prosecution', 'arbitrary detention',
  'extremism charges', 'exile', 'solidarity', 'international law', 'UN Human Rights Council',
  'OSCE Moscow Mechanism', 'prison conditions', 'forced labour', 'women defenders', 'students',
];
// prettier-ignore
const TOPICS_RU = [
  'политзаключённые', 'свобода объединений', 'свобода слова', 'пытки', 'смертная казнь', 'выборы',
  'правозащитники', 'журналисты', 'адвокаты', 'уголовное преследование',
];
// prettier-ignore
const TOPICS_BE = [
  'палітвязні', 'свабода аб’яднанняў', 'свабода слова', 'катаванні', 'смяротнае пакаранне',
  'выбары', 'праваабаронцы', 'журналісты', 'адвакаты', 'крымінальны пераслед',
];
export const TYPES = [
  ['statement', 'Statement'],
  ['news', 'News'],
  ['report', 'Report'],
  ['appeal', 'Appeal'],
  ['interview', 'Interview'],
  ['press-release', 'Press release'],
  ['analysis', 'Analysis'],
] as const;
// prettier-ignore
const VERBS = [
  'condemns', 'calls for the release of', 'reports on', 'documents', 'expresses concern about',
  'welcomes the release of', 'demands an investigation into', 'supports', 'speaks about',
];
// prettier-ignore
const OBJECTS = [
  'the detention of', 'the trial of', 'the sentence against', 'the persecution of',
  'searches at the homes of', 'the harassment of', 'the health of', 'the verdict against',
];
// prettier-ignore
const FILLER = [
  'the', 'authorities', 'court', 'case', 'charges', 'prison', 'colony', 'sentence', 'years', 'of',
  'and', 'in', 'on', 'against', 'after', 'during', 'their', 'families', 'international',
  'community', 'government', 'police', 'detained', 'arrested', 'released', 'convicted', 'hearing',
  'closed', 'appeal', 'lawyer', 'relatives', 'visits', 'letters', 'medical', 'care', 'conditions',
  'isolation', 'cell', 'pressure', 'repression', 'wave', 'activists', 'volunteers', 'organizations',
  'liquidated', 'registered', 'foreign', 'agents', 'list', 'recognized', 'monitoring', 'observers',
  'mission', 'report', 'recommendations', 'obligations', 'covenant', 'violations', 'systematic',
  'widespread', 'accountability', 'impunity', 'investigation', 'evidence', 'testimony', 'witnesses',
  'statement',
];
// prettier-ignore
const FILLER_RU = [
  'суд', 'приговор', 'задержание', 'обыск', 'колония', 'лет', 'адвокат', 'родственники', 'письма',
  'давление', 'репрессии', 'активисты', 'организации', 'ликвидация', 'наблюдатели', 'нарушения',
];
// prettier-ignore
const FILLER_BE = [
  'суд', 'прысуд', 'затрыманне', 'ператрус', 'калонія', 'гадоў', 'адвакат', 'сваякі', 'лісты',
  'ціск', 'рэпрэсіі', 'актывісты', 'арганізацыі', 'ліквідацыя', 'назіральнікі', 'парушэнні',
];
const LANGUAGES: readonly (readonly [string, number])[] = [
  ['en', 0.7],
  ['ru', 0.14],
  ['be', 0.1],
  ['uk', 0.03],
  ['sv', 0.015],
  ['de', 0.015],
];

const REAL_ORGANIZATIONS = [
  { id: 'viasna', name: 'Viasna Human Rights Centre', aliases: ['Вясна', 'Весна', 'Spring96'] },
  {
    id: 'bhc',
    name: 'Belarusian Helsinki Committee',
    aliases: ['BHC', 'БХК', 'Беларускі Хельсінкскі Камітэт'],
  },
  {
    id: 'csp',
    name: 'Civic Solidarity Platform',
    aliases: ['CSP', 'Платформа гражданской солидарности'],
  },
  { id: 'hrhf', name: 'Human Rights House Foundation', aliases: ['HRHF'] },
  { id: 'amnesty', name: 'Amnesty International', aliases: ['Amnesty', 'Международная амнистия'] },
  { id: 'hrw', name: 'Human Rights Watch', aliases: ['HRW', 'Хьюман Райтс Вотч'] },
  { id: 'fidh', name: 'FIDH', aliases: ['International Federation for Human Rights'] },
  { id: 'baj', name: 'Belarusian Association of Journalists', aliases: ['BAJ', 'БАЖ'] },
  { id: 'pen-belarus', name: 'PEN Belarus', aliases: ['Беларускі ПЭН'] },
  { id: 'lawtrend', name: 'Lawtrend', aliases: ['Лоўтрэнд'] },
];
const ORG_KINDS = [
  ['Human Rights Centre', 'Праваабарончы цэнтр'],
  ['Legal Initiative', 'Прававая ініцыятыва'],
  ['Helsinki Group', 'Хельсінкская група'],
  ['Solidarity Foundation', 'Фонд салідарнасці'],
  ['Documentation Center', 'Дакументацыйны цэнтр'],
  ['Association of Lawyers', 'Асацыяцыя юрыстаў'],
  ['Media Initiative', 'Медыя-ініцыятыва'],
  ['Women’s Network', 'Жаночая сетка'],
] as const;

export type Organization = { id: string; name: string; aliases: string[]; url?: string };

export function organizations(rng: Random, count: number): Organization[] {
  const list: Organization[] = REAL_ORGANIZATIONS.map((org) => ({
    ...org,
    aliases: [...org.aliases],
    url: `https://${org.id}.example.org`,
  }));
  const used = new Set(list.map((org) => org.id));
  while (list.length < count) {
    const [kind, kindBe] = rng.pick(ORG_KINDS);
    const place = rng.pick(PLACES.slice(0, 16));
    const cyrillicPlace = PLACES_CYRILLIC[PLACES.indexOf(place)] ?? place;
    const nameWord = `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}`;
    const name = `${place} ${kind} “${nameWord.charAt(0).toUpperCase()}${nameWord.slice(1)}”`;
    const id = `${place}-${kind}-${nameWord}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    if (used.has(id)) continue;
    used.add(id);
    const acronym = name.replace(/[^A-Z]/g, '');
    list.push({
      id,
      name,
      aliases: [`${kindBe} «${nameWord}» (${cyrillicPlace})`, acronym].filter(Boolean),
      ...(rng.next() < 0.5 ? { url: `https://${id}.example.org` } : {}),
    });
  }
  return list;
}

function surname(rng: Random): string {
  const word = `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}${rng.next() < 0.6 ? rng.pick(SYLLABLES) : ''}`;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function person(rng: Random, people: readonly string[]): string {
  return rng.next() < 0.25 ? rng.pick(REAL_PEOPLE)[1] : rng.pickSkewed(people);
}

/** Rarer words, invented from syllables, for the long tail of a real archive's vocabulary. */
let lexicon: readonly string[] = [];

function sentence(rng: Random, words: readonly string[], length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    parts.push(
      rng.next() < 0.3 && lexicon.length > 0 ? rng.pickSkewed(lexicon) : rng.pickSkewed(words),
    );
  }
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function dateWithin25Years(rng: Random): string {
  const year = 2001 + rng.int(25);
  const month = 1 + rng.int(12);
  const day = 1 + rng.int(28);
  const precision = rng.next();
  const mm = String(month).padStart(2, '0');
  if (precision < 0.08) return String(year);
  if (precision < 0.2) return `${year}-${mm}`;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** One to four issuing organizations, the best-known most often. */
export function pickIssuers(rng: Random, orgs: readonly Organization[]): string[] {
  const issuers = new Set<string>();
  const issuerCount = 1 + (rng.next() < 0.3 ? rng.int(4) : 0);
  while (issuers.size < issuerCount) issuers.add(rng.pickSkewed(orgs).id);
  return [...issuers];
}

/** The source url (most publications) and a PDF attachment (some), as the last fields. */
export function addLinks(
  rng: Random,
  record: Record<string, unknown>,
  issuers: readonly string[],
  index: number,
) {
  if (rng.next() < 0.8) record.url = `https://${issuers[0]}.example.org/publications/${index}`;
  if (rng.next() < 0.1) {
    record.attachments = [
      { title: 'Full text (PDF)', url: `https://files.example.org/${index}.pdf` },
    ];
  }
}

function publication(
  rng: Random,
  index: number,
  orgs: readonly Organization[],
  people: readonly string[],
) {
  const language = rng.pickShare(LANGUAGES);
  const type = rng.pickSkewed(TYPES)[0];
  const issuers = pickIssuers(rng, orgs);
  const issuerNames = issuers.map((id) => orgs.find((org) => org.id === id)?.name ?? id);
  const who = person(rng, people);
  const place = rng.pickSkewed(PLACES);
  const topic = rng.pickSkewed(TOPICS);

  let title: string;
  let summary: string;
  let words: readonly string[] = FILLER;
  if (language === 'ru' || language === 'be') {
    const cyrillicWho = rng.next() < 0.3 ? rng.pick(REAL_PEOPLE)[0] : rng.pickSkewed(people);
    const topics = language === 'ru' ? TOPICS_RU : TOPICS_BE;
    words = language === 'ru' ? FILLER_RU : FILLER_BE;
    const cyrillicPlace = rng.pick(PLACES_CYRILLIC);
    title = `${cyrillicWho}: ${rng.pick(topics)} (${cyrillicPlace})`;
    summary = `${sentence(rng, words, 12)} ${cyrillicWho} — ${rng.pick(topics)}. ${sentence(rng, words, 10)}`;
  } else {
    title = `${issuerNames[0]} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${who} in ${place}`;
    summary =
      `${sentence(rng, FILLER, 14)} ${who} (${place}) — ${topic}. ` +
      `${sentence(rng, FILLER, 12)} ${sentence(rng, FILLER, 8)}`;
  }

  const paragraphs: string[] = [];
  let bodyLength = 0;
  const target = 3000 + rng.int(2000);
  while (bodyLength < target) {
    const paragraph = `<p>${escapeHtml(
      [
        sentence(rng, words, 15),
        sentence(rng, words, 20),
        `${who}, ${topic}.`,
        sentence(rng, words, 12),
      ].join(' '),
    )}</p>`;
    paragraphs.push(paragraph);
    bodyLength += paragraph.length;
    if (rng.next() < 0.1) paragraphs.push(`<h2>${escapeHtml(rng.pick(TOPICS))}</h2>`);
  }

  const id = `${type}-${index}-${slug(who)}`.slice(0, 120);
  const record: Record<string, unknown> = {
    id,
    title,
    type,
    organizations: issuers,
    date: dateWithin25Years(rng),
    language,
    summary,
    body: paragraphs.join(''),
    tags: [topic, ...(rng.next() < 0.3 ? [rng.pick(TOPICS)] : [])].filter(
      (tag, position, all) => all.indexOf(tag) === position,
    ),
  };
  addLinks(rng, record, issuers, index);
  return record;
}

/** The `types` of a generated corpus. */
export function corpusTypes() {
  return TYPES.map(([id, label]) => ({ id, label }));
}

/**
 * Streams a corpus to a file: the header's fields, then the publications one at a time, each made
 * only when it is written, so that no size is too big for memory.
 */
export async function writeCorpus(
  file: string,
  header: Record<string, unknown>,
  count: number,
  makePublication: (index: number) => Record<string, unknown>,
) {
  const out = createWriteStream(file);
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const headerText = JSON.stringify(header);
  await write(`${headerText.slice(0, -1)},"publications":[\n`);
  for (let index = 0; index < count; index++) {
    const record = makePublication(index);
    await write(`${index > 0 ? ',\n' : ''}${JSON.stringify(record)}`);
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
}

export async function generateCorpus(options: { count: number; out: string; seed: number }) {
  const rng = seededRandom(options.seed);
  lexicon = Array.from({ length: 8000 }, () =>
    Array.from({ length: 2 + rng.int(3) }, () => rng.pick(SYLLABLES)).join(''),
  );
  const orgs = organizations(rng, 300);
  // A long tail of names: most appear in a handful of publications, as in real archives.
  const peopleCount = Math.max(200, Math.round(options.count / 2));
  // Invented names stay in Latin letters in Cyrillic text too, as foreign names often do.
  const people = Array.from(
    { length: peopleCount },
    () => `${rng.pick(FIRST_NAMES)} ${surname(rng)}`,
  );

  const header = {
    version: 1,
    name: `Generated archive (${options.count.toLocaleString('en')} publications, seed ${options.seed})`,
    language: 'en',
    types: corpusTypes(),
    organizations: orgs,
  };
  await writeCorpus(options.out, header, options.count, (index) =>
    publication(rng, index, orgs, people),
  );
}
