import { closeSync, openSync, writeSync } from 'node:fs';
import type { OpenedCorpus } from '../../src/corpus/corpus-reader.ts';
import { dateKey } from '../../src/corpus/dates.ts';
import type { Publication } from '../../src/corpus/schema.ts';
import type { Change } from './growth.ts';

/**
 * The three changes of issue 19's bench, each applied to a copy of a corpus:
 *
 * - **add** one publication, dated the day after the newest (the daily case): the newest
 *   publication's fields with a new id, the new date, and a few words of its title, summary and
 *   body replaced by words of an older publication (real words of the corpus, so that the index
 *   meets both known and rarer words, as with a real new text);
 * - **edit** one publication's body: a sentence (the first words of another publication in the
 *   same language) appended as a paragraph, to the publication a third of the way through the
 *   dates (oldest first);
 * - **remove** one publication, from the middle of the dates, one no translation points to (the
 *   corpus would be invalid without it).
 *
 * `none` is the control: the same publications, written again by the same code — its build must
 * equal the clean build, or the figures measure something else than the change.
 */

export type ChangePlan = {
  change: Change;
  /** What was done, for the report. */
  description: string;
  /** publications[index] is replaced by `replacement` (edit), or left out (remove). */
  index?: number;
  replacement?: Publication;
  /** Appended after the last publication (add). */
  added?: Publication;
};

/** The first words of a text (HTML tags and entities left out), Unicode letters only. */
export function words(html: string): string[] {
  return [...html.replace(/<[^>]*>|&[#\w]+;/g, ' ').matchAll(/\p{L}+/gu)].map((match) => match[0]);
}

/**
 * `text` (plain or HTML) with `count` of its words, evenly spread, replaced by `donor`'s words in
 * turn (skipping a donor word equal to the one it replaces). Tags and entities stay as they are.
 */
export function replaceWords(text: string, donor: readonly string[], count: number): string {
  const parts = text.split(/(<[^>]*>|&[#\w]+;)/);
  const total = parts.reduce(
    (sum, part, index) => sum + (index % 2 === 0 ? (part.match(/\p{L}+/gu)?.length ?? 0) : 0),
    0,
  );
  const targets = new Set(
    Array.from({ length: Math.min(count, total) }, (_, k) =>
      Math.floor(((k + 1) * total) / (Math.min(count, total) + 1)),
    ),
  );
  let seen = 0;
  let next = 0;
  return parts
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(/\p{L}+/gu, (word) => {
            const position = seen++;
            if (!targets.has(position) || donor.length === 0) return word;
            for (let tries = 0; tries < donor.length; tries++) {
              const candidate = donor[next++ % donor.length] ?? word;
              if (candidate !== word) return candidate;
            }
            return word;
          }),
    )
    .join('');
}

/** `YYYY-MM-DD` of the day after the first day of `date` (a partial date counts as its first day). */
export function dayAfter(date: string): string {
  const key = dateKey(date);
  if (key === null) throw new Error(`"${date}" is not a date`);
  const day = new Date(0);
  day.setUTCFullYear(Math.floor(key / 10000), (Math.floor(key / 100) % 100) - 1, (key % 100) + 1);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1, 2)}-${pad(day.getUTCDate(), 2)}`;
}

/** The publications' indexes in the build's order: oldest first, of one date the later id first. */
export function dateOrder(publications: readonly Publication[]): number[] {
  const keys = publications.map((publication) => dateKey(publication.date) ?? 0);
  return publications
    .map((_, index) => index)
    .sort((a, b) => {
      const byDate = (keys[a] ?? 0) - (keys[b] ?? 0);
      if (byDate) return byDate;
      const [idA, idB] = [publications[a]?.id ?? '', publications[b]?.id ?? ''];
      return idA < idB ? 1 : idA > idB ? -1 : 0;
    });
}

const WORDS_CHANGED = { title: 1, summary: 2, body: 5 };
const SENTENCE_WORDS = 14;

/**
 * The changes to make to a corpus. `publications` may lack their bodies (as the corpus reader
 * keeps them); `read(index)` gives one whole.
 */
export function planChanges(
  publications: readonly Publication[],
  read: (index: number) => Publication,
): ChangePlan[] {
  const order = dateOrder(publications);
  const newestIndex = order[order.length - 1];
  if (newestIndex === undefined || order.length < 4)
    throw new Error('a corpus of four publications or more');
  const ids = new Set(publications.map((publication) => publication.id));
  const translated = new Set(
    publications.flatMap((publication) => Object.values(publication.translations ?? {})),
  );
  const withBody = (from: number, language: string | undefined, not: Set<number>) => {
    for (let step = 0; step < order.length; step++) {
      const index = order[(from + step) % order.length] ?? 0;
      if (not.has(index)) continue;
      const whole = read(index);
      if (whole.body && (language === undefined || whole.language === language)) return whole;
    }
    return undefined;
  };

  // Add: the newest publication's fields, a new id and date, a few words of an older one.
  const newest = read(newestIndex);
  const donor = withBody(Math.floor(order.length / 4), undefined, new Set([newestIndex]));
  const donorWords = words(`${donor?.title ?? ''} ${donor?.body ?? ''}`).filter(
    (word) => word.length > 3,
  );
  const stem = newest.id.slice(0, 190);
  let suffix = 2;
  while (ids.has(`${stem}-${suffix}`)) suffix++;
  const id = `${stem}-${suffix}`;
  const added: Publication = {
    ...newest,
    id,
    date: dayAfter(newest.date),
    title: replaceWords(newest.title, donorWords, WORDS_CHANGED.title),
    ...(newest.summary !== undefined && {
      summary: replaceWords(newest.summary, donorWords.slice(1), WORDS_CHANGED.summary),
    }),
    ...(newest.body !== undefined && {
      body: replaceWords(newest.body, donorWords.slice(3), WORDS_CHANGED.body),
    }),
    ...(newest.url !== undefined && { url: newest.url.split(newest.id).join(id) }),
  };
  // A new publication has no translation yet.
  delete added.translations;

  // Edit: a sentence of another publication in its language, appended to its body.
  const editIndex = order.find(
    (index, position) => position >= Math.floor(order.length / 3) && read(index).body,
  );
  if (editIndex === undefined) throw new Error('no publication with a body to edit');
  const edited = read(editIndex);
  const source = withBody(
    Math.floor((order.length * 2) / 3),
    edited.language,
    new Set([editIndex]),
  );
  const sentence = words(source?.body ?? edited.title).slice(0, SENTENCE_WORDS);
  const text = `${sentence.join(' ')}.`;
  const replacement: Publication = {
    ...edited,
    body: `${edited.body ?? ''}<p>${text.charAt(0).toUpperCase()}${text.slice(1)}</p>`,
  };

  // Remove: from the middle of the dates, one no translation points to.
  const removeIndex = order
    .slice(Math.floor(order.length / 2))
    .find((index) => index !== editIndex && !translated.has(publications[index]?.id ?? ''));
  if (removeIndex === undefined) throw new Error('no publication that can be removed');
  const removed = publications[removeIndex];

  return [
    {
      change: 'add',
      description: `added "${id}", dated ${added.date} (the newest was ${newest.date}), a copy of "${newest.id}" with ${WORDS_CHANGED.title + WORDS_CHANGED.summary + WORDS_CHANGED.body} words replaced`,
      added,
    },
    {
      change: 'edit',
      description: `edited "${edited.id}" (${edited.date}): a sentence of ${sentence.length} words appended to its body`,
      index: editIndex,
      replacement,
    },
    {
      change: 'remove',
      description: `removed "${removed?.id}" (${removed?.date})`,
      index: removeIndex,
    },
  ];
}

export const NO_CHANGE: ChangePlan = {
  change: 'none',
  description: 'the same publications written again (control: the build must not change)',
};

/**
 * Writes the opened corpus, changed as `plan` says, to `out`, one publication at a time (a
 * 50,000-publication corpus is ~0.5 GB: more than one string may hold).
 */
export function writeChangedCorpus(opened: OpenedCorpus, plan: ChangePlan, out: string): void {
  const { publications, ...top } = opened.corpus;
  const file = openSync(out, 'w');
  try {
    writeSync(file, `${JSON.stringify(top).slice(0, -1)},"publications":[\n`);
    let first = true;
    const put = (publication: Publication) => {
      writeSync(file, `${first ? '' : ',\n'}${JSON.stringify(publication)}`);
      first = false;
    };
    for (let index = 0; index < publications.length; index++) {
      if (index !== plan.index) put(opened.publication(index));
      else if (plan.replacement) put(plan.replacement);
    }
    if (plan.added) put(plan.added);
    writeSync(file, '\n]}\n');
  } finally {
    closeSync(file);
  }
}
