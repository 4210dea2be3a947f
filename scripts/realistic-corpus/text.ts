import type { Random } from '../../src/testing/random.ts';
import {
  addLinks,
  dateWithin25Years,
  escapeHtml,
  pickIssuers,
  slug,
  TYPES,
  type Organization,
} from '../generate-corpus.ts';
import { LANGUAGE_SHARES, sampleForm, type Language, type Lexicon } from './lexicon.ts';
import { planMentions, type Mention, type ResolvedName } from './names.ts';
import type { Probes } from './probes.ts';
import { between } from './sampling.ts';

/**
 * A publication's text: a title, a summary of sentences, a body of paragraphs and headings, tags,
 * with the names it mentions put in; every word written is counted (Tally) and recorded for the
 * probes. Sentences start with a capital; proper nouns keep theirs.
 */

const TITLE_WORDS = { min: 6, max: 12 };
const SUMMARY_WORDS = { min: 20, max: 45 };
const BODY_WORDS = { min: 550, max: 850 };
const SENTENCE_WORDS = { min: 6, max: 22 };
/** Tokens of an average publication (title, summary, ~2 tags of ~2 words, body): for the probes. */
export const WORDS_PER_PUBLICATION =
  (TITLE_WORDS.min + TITLE_WORDS.max + SUMMARY_WORDS.min + SUMMARY_WORDS.max) / 2 +
  4 +
  (BODY_WORDS.min + BODY_WORDS.max) / 2;

/** Everything a publication is made from, and what is counted while making it. */
export type Generator = {
  rng: Random;
  lexicons: Record<Language, Lexicon>;
  names: ResolvedName[];
  orgs: Organization[];
  probes: Probes;
  tally: Tally;
};

/** Tokens and distinct case-folded words written so far. */
export class Tally {
  tokens = 0;
  distinct = 0;
  private readonly seen: Uint8Array;
  constructor(spellings: number) {
    this.seen = new Uint8Array(spellings);
  }
  count(spelling: number) {
    this.tokens++;
    if (this.seen[spelling] === 0) {
      this.seen[spelling] = 1;
      this.distinct++;
    }
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Writes the word at `position`: counts it and records it for the probes. */
function emit(generator: Generator, lexicon: Lexicon, position: number): string {
  countWord(generator, lexicon.spellings[position] ?? 0);
  return lexicon.forms[position] ?? '';
}

function countWord(generator: Generator, spelling: number) {
  generator.tally.count(spelling);
  generator.probes.hitSpelling(spelling);
}

function emitMention(generator: Generator, mention: Mention): string {
  for (const spelling of mention.spellings) countWord(generator, spelling);
  for (const slot of mention.slots) generator.probes.hit(slot);
  return mention.text;
}

function words(generator: Generator, lexicon: Lexicon, count: number): string[] {
  return Array.from({ length: count }, () =>
    emit(generator, lexicon, sampleForm(lexicon, generator.rng)),
  );
}

/** Words of a sentence, a few followed by a comma. */
function sentenceWords(generator: Generator, lexicon: Lexicon, count: number): string[] {
  const list = words(generator, lexicon, count);
  for (let i = 0; i < list.length - 1; i++) if (generator.rng.next() < 0.07) list[i] += ',';
  return list;
}

function insertMention(generator: Generator, list: string[], mention: Mention) {
  list.splice(generator.rng.int(list.length + 1), 0, emitMention(generator, mention));
}

function sentenceText(list: readonly string[]): string {
  return `${capitalize(list.join(' '))}.`;
}

/** Sentence lengths adding up to `total` words. */
function sentenceLengths(rng: Random, total: number): number[] {
  const lengths: number[] = [];
  for (let rest = total; rest > 0;) {
    let length = Math.min(rest, between(rng, SENTENCE_WORDS));
    if (rest - length < SENTENCE_WORDS.min) length = rest;
    lengths.push(length);
    rest -= length;
  }
  return lengths;
}

function title(generator: Generator, lexicon: Lexicon, mentions: readonly Mention[]): string {
  const nameWords = mentions.reduce((sum, mention) => sum + mention.spellings.length, 0);
  const length = Math.max(3, between(generator.rng, TITLE_WORDS) - nameWords);
  const list = words(generator, lexicon, length);
  for (const mention of mentions) insertMention(generator, list, mention);
  return capitalize(list.join(' '));
}

function summary(generator: Generator, lexicon: Lexicon, mentions: readonly Mention[]): string {
  const sentences = sentenceLengths(generator.rng, between(generator.rng, SUMMARY_WORDS)).map(
    (length) => sentenceWords(generator, lexicon, length),
  );
  for (const mention of mentions) insertMention(generator, generator.rng.pick(sentences), mention);
  return sentences.map(sentenceText).join(' ');
}

function tags(generator: Generator, lexicon: Lexicon): string[] {
  const chosen = new Set<Uint32Array>();
  for (let count = 1 + generator.rng.int(3); chosen.size < count;) {
    chosen.add(generator.rng.pickSkewed(lexicon.tags));
  }
  return [...chosen].map((tag) =>
    Array.from(tag, (position) => emit(generator, lexicon, position)).join(' '),
  );
}

type Block = { heading: boolean; sentences: string[][] };

/**
 * Paragraphs of 2–6 sentences until the body has its length, now and then a heading before one
 * (headings are not counted in the length, so every one has a paragraph after it).
 */
function bodyBlocks(generator: Generator, lexicon: Lexicon): Block[] {
  const { rng } = generator;
  const target = between(rng, BODY_WORDS);
  const blocks: Block[] = [];
  for (let written = 0; written < target;) {
    if (blocks.length > 0 && rng.next() < 0.12) {
      blocks.push({ heading: true, sentences: [words(generator, lexicon, 3 + rng.int(5))] });
    }
    const paragraph: Block = { heading: false, sentences: [] };
    for (let count = 2 + rng.int(5); count > 0 && written < target; count--) {
      const length = Math.min(between(rng, SENTENCE_WORDS), Math.max(3, target - written));
      paragraph.sentences.push(sentenceWords(generator, lexicon, length));
      written += length;
    }
    blocks.push(paragraph);
  }
  return blocks;
}

function body(generator: Generator, lexicon: Lexicon, mentions: readonly Mention[]): string {
  const blocks = bodyBlocks(generator, lexicon);
  const paragraphs = blocks.filter((block) => !block.heading);
  for (const mention of mentions) {
    insertMention(generator, generator.rng.pick(generator.rng.pick(paragraphs).sentences), mention);
  }
  return blocks
    .map((block) =>
      block.heading
        ? `<h2>${escapeHtml(capitalize((block.sentences[0] ?? []).join(' ')))}</h2>`
        : `<p>${escapeHtml(block.sentences.map(sentenceText).join(' '))}</p>`,
    )
    .join('');
}

/** `<type>-<index>-<the title's first words in Latin letters>`: unique, [a-z0-9-]. */
function publicationId(type: string, index: number, titleText: string): string {
  const words = slug(titleText.split(' ').slice(0, 6).join(' '))
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
  return words ? `${type}-${index}-${words}` : `${type}-${index}`;
}

export function publication(generator: Generator, index: number): Record<string, unknown> {
  const { rng } = generator;
  const language = rng.pickShare(LANGUAGE_SHARES);
  const lexicon = generator.lexicons[language];
  const type = rng.pickSkewed(TYPES)[0];
  const issuers = pickIssuers(rng, generator.orgs);
  const mentions = planMentions(rng, generator.names, language);
  const titleText = title(generator, lexicon, mentions.title);
  const id = publicationId(type, index, titleText);
  const record: Record<string, unknown> = {
    id,
    title: titleText,
    type,
    organizations: issuers,
    date: dateWithin25Years(rng),
    language,
    summary: summary(generator, lexicon, mentions.summary),
    body: body(generator, lexicon, mentions.body),
    tags: tags(generator, lexicon),
  };
  addLinks(rng, record, issuers, index);
  generator.probes.flush(id);
  return record;
}
