import type { MatchedForms } from './marks.ts';
import { marksOf } from './marks.ts';
import type { Passage } from '../protocol.ts';

/** Characters of text either side of the first word matched. */
const SNIPPET_RADIUS = 90;

/**
 * The passage of a body (as plain text) around the first word a query matched, with the words
 * marked: what a result found only in its body shows ("In the text: …"). Null when no word of it
 * stands there.
 */
export function passageOf(
  id: string,
  plain: string,
  language: string,
  forms: MatchedForms,
): Passage | null {
  const first = marksOf(plain, language, forms)[0];
  if (!first) return null;
  let start = Math.max(0, first[0] - SNIPPET_RADIUS);
  let end = Math.min(plain.length, first[1] + SNIPPET_RADIUS);
  if (start > 0) start = plain.indexOf(' ', start) + 1 || start;
  if (end < plain.length) {
    end = plain.lastIndexOf(' ', end) > first[1] ? plain.lastIndexOf(' ', end) : end;
  }
  const lead = start > 0 ? '…' : '';
  const snippet = `${lead}${plain.slice(start, end).trim()}${end < plain.length ? '…' : ''}`;
  return { id, snippet, marks: marksOf(snippet, language, forms) };
}
