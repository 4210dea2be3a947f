import type { Position } from './problems.ts';
import { utf16Length } from './utf8.ts';

/**
 * Lines and columns, as reports give them: lines split at line feeds, columns in UTF-16 code
 * units from 1 (what an editor shows for the text), both counted from the start of the JSON text
 * (after a byte order mark).
 */

/** The position of a character offset of `text`: the lines are found once, then searched. */
export function textPositions(text: string): (offset: number) => Position {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
        lineStarts.push(at + 1);
      }
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}

/** Fills `buffer[0, length)` with the file's bytes from `position`. */
export type ReadAt = (buffer: Uint8Array, length: number, position: number) => void;

const LINE_FEED = 0x0a;
const CHUNK = 1024 * 1024;

/**
 * The positions of byte offsets of a file whose text (valid UTF-8) starts at byte `start`: one
 * pass over the file up to the last of them, so that a report with many positions stays linear.
 */
export function filePositions(
  read: ReadAt,
  start: number,
  offsets: Iterable<number>,
): Map<number, Position> {
  const targets = [...new Set(offsets)].sort((a, b) => a - b);
  const positions = new Map<number, Position>();
  const last = targets.at(-1) ?? start;
  const chunk = new Uint8Array(Math.max(1, Math.min(CHUNK, last - start)));
  let line = 1;
  let column = 1;
  let position = start;
  for (const target of targets) {
    while (position < target) {
      const length = Math.min(chunk.length, target - position);
      read(chunk, length, position);
      let lastLineFeed = -1;
      for (let at = chunk.indexOf(LINE_FEED); at !== -1 && at < length;) {
        line++;
        lastLineFeed = at;
        at = chunk.indexOf(LINE_FEED, at + 1);
      }
      column =
        lastLineFeed >= 0
          ? 1 + utf16Length(chunk, lastLineFeed + 1, length)
          : column + utf16Length(chunk, 0, length);
      position += length;
    }
    positions.set(target, { line, column });
  }
  return positions;
}
