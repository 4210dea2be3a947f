import { Fragment } from 'react';

/**
 * The text with the words the query matched in `<mark>`: built from text nodes, never from
 * HTML. The search worker says which words matched (`marks`: [start, end) ranges), reading them
 * as its index does, so typos, other forms and other scripts are marked as what they matched.
 */
export function Highlight({ text, marks }: { text: string; marks: readonly [number, number][] }) {
  if (marks.length === 0) return text;
  const parts: { text: string; marked: boolean }[] = [];
  let cursor = 0;
  for (const [start, end] of marks) {
    if (start < cursor || end > text.length || end <= start) continue;
    if (start > cursor) parts.push({ text: text.slice(cursor, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    cursor = end;
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
