import { words as wordsOf } from '../analysis/text.ts';
import type { ParsedQuery } from '../analysis/query-syntax.ts';
import type { IndexReader } from './index-reader.ts';
import type { QueryMatch } from './match.ts';
import type { Correction } from './word-matches.ts';

/**
 * "Did you mean" (issue 16): the query with its likeliest spelling, offered when a word is found
 * nowhere as typed (read as a typo of a word the archive has), or when the query finds few
 * publications and one of its words is rare beside a far more frequent near spelling
 * ("Bialatski" in one text, "Bialiatski" in three hundred). It reads the vocabulary's fuzzy lists
 * only in that case, a few small files, never the whole vocabulary.
 */

/** A query finding this many or fewer is "few". */
const FEW = 5;
/** A word found in this many publications or fewer is "rare". */
const RARE = 3;
/** A near spelling this many times more frequent is what the reader more likely meant. */
const MORE_FREQUENT = 10;
const MIN_LENGTH = 5;

/** The near spelling written the way the reader wrote the word: capital first letter kept. */
function shaped(raw: string, written: string): string {
  const first = raw.charAt(0);
  return first !== first.toLowerCase()
    ? written.charAt(0).toUpperCase() + written.slice(1)
    : written;
}

export async function suggestQuery(
  reader: IndexReader,
  text: string,
  query: ParsedQuery,
  match: QueryMatch,
  total: number,
): Promise<string | undefined> {
  // Quotes and exclusions: the reader knows what they typed.
  if (query.phrases.length > 0 || query.excludedWords.length > 0) return undefined;
  if (query.excludedPhrases.length > 0) return undefined;
  const tokens = wordsOf(text);
  if (tokens.length !== match.words.length) return undefined;
  const corrections = await Promise.all(
    match.words.map(async (entry, index): Promise<Correction | undefined> => {
      if (entry.correction) return entry.correction;
      const typing = query.typing && index === match.words.length - 1;
      if (total > FEW || entry.optional || typing) return undefined;
      if (entry.frequency > RARE || entry.word.term.length < MIN_LENGTH) return undefined;
      const best = (await reader.typos(entry.word.term))[0];
      if (!best || best.count < MORE_FREQUENT * Math.max(1, entry.frequency)) return undefined;
      return { written: best.written ?? best.term, count: best.count };
    }),
  );
  let suggested = text;
  let changed = false;
  // From the end, so that earlier positions stay right.
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index];
    const correction = corrections[index];
    if (!token || !correction) continue;
    const raw = text.slice(token.start, token.end);
    if (raw.toLowerCase() === correction.written.toLowerCase()) continue;
    suggested =
      suggested.slice(0, token.start) +
      shaped(raw, correction.written) +
      suggested.slice(token.end);
    changed = true;
  }
  return changed ? suggested.trim() : undefined;
}
