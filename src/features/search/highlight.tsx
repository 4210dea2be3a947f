import { Fragment } from 'react';
import { RecentCache } from '../../search/core/recent-cache.ts';
import { words, type Word } from '../../search/analysis/text.ts';

/**
 * The words of texts on screen, remembered: each keystroke marks the same titles and summaries
 * again with other terms, and cutting them into words was most of that work.
 */
const wordsOf = new RecentCache<string, Word[]>(400);

function cachedWords(text: string): Word[] {
  let found = wordsOf.get(text);
  if (!found) {
    found = words(text);
    wordsOf.set(text, found);
  }
  return found;
}

/**
 * The text with the words the query matched in `<mark>`: built from text nodes, never from
 * HTML. A word is marked when it, or one of its Latin spellings, is among `terms` (the indexed
 * words the search matched, typos and other scripts included).
 */
export function Highlight({ text, terms }: { text: string; terms: ReadonlySet<string> }) {
  if (terms.size === 0) return text;
  const parts: { text: string; marked: boolean }[] = [];
  let cursor = 0;
  for (const word of cachedWords(text)) {
    const marked = terms.has(word.term) || word.latin.some((spelling) => terms.has(spelling));
    if (!marked || word.start < cursor) continue;
    if (word.start > cursor) parts.push({ text: text.slice(cursor, word.start), marked: false });
    parts.push({ text: text.slice(word.start, word.end), marked: true });
    cursor = word.end;
  }
  if (parts.length === 0) return text;
  if (cursor < text.length) parts.push({ text: text.slice(cursor), marked: false });
  return (
    <>
      {parts.map((part, index) =>
        part.marked ? (
          <mark key={index}>{part.text}</mark>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
