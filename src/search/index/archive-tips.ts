import type { Corpus } from '../../corpus/schema.ts';
import { nameKey } from '../analysis/name-key.ts';
import { queryStemLanguages, stem } from '../analysis/stem.ts';
import { STOP_WORDS, foldText, words } from '../analysis/text.ts';
import { hasCyrillic } from '../analysis/transliterate.ts';
import type { SearchCore } from '../core/search-core.ts';
import { DEFAULT_REQUEST, type ArchiveTips } from '../protocol.ts';

/**
 * The search tips' examples, drawn from the archive itself (issue 16, item 7): a word found in
 * another form, a name found in another spelling or alphabet, a misspelt name, an organization by
 * an alias, a phrase, a word to leave out. Candidates come from titles and summaries (the words
 * readers see); each is kept only if a search for it, run here over the built index, finds what
 * the tip promises. A tip with no example that works here is left out.
 */

type Counted = { text: string; count: number };

const LETTERS = /^\p{L}+$/u;
const MIN_NAME = 5;
const MIN_WORD = 5;

function mostFrequent(counts: Map<string, Counted>, keep: (entry: Counted) => boolean): Counted[] {
  return [...counts.values()]
    .filter(keep)
    .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1));
}

function bump(counts: Map<string, Counted>, key: string, text: string) {
  const known = counts.get(key);
  if (known) known.count++;
  else counts.set(key, { text, count: 1 });
}

/**
 * What titles and summaries say often: names (capitalised mid-sentence, and never written in
 * lower case: English titles capitalise every word), words, word pairs.
 */
function vocabulary(corpus: Corpus) {
  const capitalised = new Map<string, Counted>();
  const lower = new Set<string>();
  const plain = new Map<string, Counted>();
  const pairs = new Map<string, Counted>();
  for (const publication of corpus.publications) {
    for (const text of [publication.title, publication.summary ?? '']) {
      const found = words(text);
      found.forEach((word, index) => {
        const raw = text.slice(word.start, word.end);
        if (!LETTERS.test(raw) || STOP_WORDS.has(word.term)) return;
        if (!word.capital) lower.add(word.term);
        if (word.capital && index > 0 && raw.length >= MIN_NAME && raw !== raw.toUpperCase()) {
          bump(capitalised, word.term, raw);
        } else if (!word.capital && raw.length >= MIN_WORD) {
          bump(plain, word.term, raw);
        }
        const next = found[index + 1];
        if (next && !word.capital && !next.capital && !STOP_WORDS.has(next.term)) {
          const between = text.slice(word.end, next.start);
          if (/^\s+$/.test(between)) {
            bump(pairs, `${word.term} ${next.term}`, `${raw} ${text.slice(next.start, next.end)}`);
          }
        }
      });
    }
  }
  const names = new Map([...capitalised].filter(([term]) => !lower.has(term)));
  return { names, plain, pairs };
}

/** A letter from the middle of a word dropped: a typo readers make. */
function dropLetter(word: string): string {
  const at = Math.floor(word.length / 2);
  return word.slice(0, at) + word.slice(at + 1);
}

export async function archiveTips(corpus: Corpus, core: SearchCore): Promise<ArchiveTips> {
  const tips: ArchiveTips = {};
  const search = (query: string) =>
    core.search({ ...DEFAULT_REQUEST, query, sort: 'relevance', limit: 10 });
  const titlesOf = async (query: string) =>
    (await search(query)).hits
      .filter((hit) => !hit.partial)
      .map((hit) => `${hit.title} ${hit.summary}`);
  const { names, plain, pairs } = vocabulary(corpus);
  const frequentNames = mostFrequent(names, (entry) => entry.count >= 2).slice(0, 12);

  // A misspelt name: the most frequent name with a letter dropped.
  for (const name of frequentNames) {
    if (name.text.length < 7) continue;
    const typed = dropLetter(name.text);
    if (names.has(foldText(typed)) || plain.has(foldText(typed))) continue;
    const found = await titlesOf(typed);
    if (found.some((text) => text.includes(name.text))) {
      tips.typo = { typed, finds: name.text };
      break;
    }
  }

  // A name in another alphabet: two frequent names with one key, in Cyrillic and in Latin.
  const byKey = new Map<string, Counted[]>();
  for (const name of mostFrequent(names, () => true).slice(0, 200)) {
    const lower = name.text.toLowerCase();
    const key = nameKey(lower);
    if (!key) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), name]);
  }
  for (const spellings of byKey.values()) {
    const cyrillic = spellings.find((name) => hasCyrillic(name.text));
    const latin = spellings.find((name) => !hasCyrillic(name.text));
    if (!cyrillic || !latin) continue;
    const found = await titlesOf(cyrillic.text);
    if (found.some((text) => text.includes(latin.text))) {
      tips.name = { typed: cyrillic.text, finds: latin.text };
      break;
    }
  }

  // Another form of a word: two frequent words with one stem.
  const byStem = new Map<string, Counted[]>();
  for (const word of mostFrequent(plain, (entry) => entry.count >= 2).slice(0, 400)) {
    const lower = word.text.toLowerCase();
    for (const language of queryStemLanguages(lower)) {
      const key = `${language}:${foldText(stem(lower, language))}`;
      byStem.set(key, [...(byStem.get(key) ?? []), word]);
    }
  }
  for (const forms of byStem.values()) {
    const [first, second] = forms;
    if (!first || !second || first.text.toLowerCase() === second.text.toLowerCase()) continue;
    const found = await titlesOf(second.text.toLowerCase());
    if (found.some((text) => text.includes(first.text))) {
      tips.form = { typed: second.text.toLowerCase(), finds: first.text };
      break;
    }
  }

  // An organization by an alias: the one with most publications, by an alias in the other
  // alphabet from its name where it has one.
  const counts = (await search('')).facets.organizations;
  const organizations = corpus.organizations
    .map((org, index) => ({ org, count: counts[index] ?? 0 }))
    .filter(({ org, count }) => count > 0 && (org.aliases?.length ?? 0) > 0)
    .sort((a, b) => b.count - a.count);
  const otherAlphabet = (org: Corpus['organizations'][number], alias: string) =>
    hasCyrillic(alias) !== hasCyrillic(org.name);
  // Those with an alias in the other alphabet first.
  organizations.sort(
    (a, b) =>
      Number((b.org.aliases ?? []).some((alias) => otherAlphabet(b.org, alias))) -
      Number((a.org.aliases ?? []).some((alias) => otherAlphabet(a.org, alias))),
  );
  for (const { org } of organizations) {
    const aliases = [...(org.aliases ?? [])].sort(
      (a, b) => Number(otherAlphabet(org, b)) - Number(otherAlphabet(org, a)),
    );
    const alias = aliases.find((text) => words(text).length > 0 && text.length <= 30);
    if (!alias) continue;
    if ((await search(alias)).total > 0) {
      tips.alias = { typed: alias, finds: org.name };
      break;
    }
  }

  // A phrase: the most frequent pair of words standing together.
  const phrase = mostFrequent(pairs, (entry) => entry.count >= 2)[0];
  if (phrase) tips.phrase = phrase.text.toLowerCase();

  // A word to leave out: a frequent name, or else word.
  const excluded = frequentNames[0] ?? mostFrequent(plain, () => true)[0];
  if (excluded) tips.exclude = excluded.text;
  return tips;
}
