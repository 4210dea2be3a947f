import { words, type Word } from './text.ts';

/**
 * The search box's small syntax (the "Search tips" popover documents it):
 *   "exact phrase"     the words, in this order, exactly
 *   -word              publications with the word are left out
 *   -"a phrase"        publications with the phrase are left out
 * Everything else is searched for loosely (typos, prefixes, other scripts). Syntax typed wrong
 * degrades to plain words: an unclosed quote is just text, a lone "-" means nothing.
 */
export type ParsedQuery = {
  /** Looked for loosely; every one that is not a stop word must match. */
  words: Word[];
  /** Each must appear as it is, word after word. */
  phrases: Word[][];
  excludedWords: Word[];
  excludedPhrases: Word[][];
  /** The last loose word ends the text: the reader may still be typing it (it matches as a prefix). */
  typing: boolean;
};

const QUOTES = /["“”„«»]/;

export function parseQuery(text: string): ParsedQuery {
  const parsed: ParsedQuery = {
    words: [],
    phrases: [],
    excludedWords: [],
    excludedPhrases: [],
    typing: false,
  };
  let index = 0;
  let plain = '';
  const flushPlain = () => {
    const found = words(plain);
    parsed.words.push(...found);
    // Typing goes on where the text ends in a loose word's last letter.
    parsed.typing = found.length > 0 && (found.at(-1)?.end ?? 0) === plain.length;
    plain = '';
  };
  while (index < text.length) {
    const char = text.charAt(index);
    const atWordStart = index === 0 || /\s/.test(text.charAt(index - 1));
    const negated = char === '-' && atWordStart;
    const quoteAt = negated ? index + 1 : index;
    if (QUOTES.test(text.charAt(quoteAt)) && (negated || atWordStart || char !== '-')) {
      const close = text.slice(quoteAt + 1).search(QUOTES);
      if (close >= 0) {
        flushPlain();
        parsed.typing = false;
        const phrase = words(text.slice(quoteAt + 1, quoteAt + 1 + close));
        if (phrase.length > 0) (negated ? parsed.excludedPhrases : parsed.phrases).push(phrase);
        index = quoteAt + close + 2;
        continue;
      }
      // An unclosed quote: the rest is plain text.
      plain += text.slice(index).replace(QUOTES, ' ');
      break;
    }
    if (negated) {
      const rest = /^-([^\s"“”„«»]+)/.exec(text.slice(index));
      if (rest?.[1]) {
        flushPlain();
        parsed.typing = false;
        parsed.excludedWords.push(...words(rest[1]));
        index += rest[0].length;
        continue;
      }
    }
    plain += char;
    index += 1;
  }
  flushPlain();
  return parsed;
}

/** Whether the query asks for anything at all (exclusions alone ask for "everything but"). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return (
    query.words.length === 0 &&
    query.phrases.length === 0 &&
    query.excludedWords.length === 0 &&
    query.excludedPhrases.length === 0
  );
}
