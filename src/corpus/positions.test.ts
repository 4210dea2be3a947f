// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { random } from '../testing/random.ts';
import { filePositions, textPositions } from './positions.ts';

/** A file in memory, as `filePositions` reads it. */
const reader = (bytes: Uint8Array) => (buffer: Uint8Array, length: number, position: number) => {
  buffer.set(bytes.subarray(position, position + length));
};

describe('positions', () => {
  it('counts lines at line feeds and columns in UTF-16 units, from 1', () => {
    const text = 'ab\nВя😀x\r\n\ny';
    const positionOf = textPositions(text);
    expect(positionOf(0)).toEqual({ line: 1, column: 1 });
    expect(positionOf(2)).toEqual({ line: 1, column: 3 });
    expect(positionOf(3)).toEqual({ line: 2, column: 1 });
    expect(positionOf(text.indexOf('x'))).toEqual({ line: 2, column: 5 });
    expect(positionOf(text.length - 1)).toEqual({ line: 4, column: 1 });
  });

  it('gives the same for byte offsets of a file, after a byte order mark', () => {
    const next = random(3);
    const pieces = ['a', '\n', 'Ж', '😀', '\r', ' ', '€'];
    for (let n = 0; n < 50; n++) {
      const text = Array.from({ length: 40 }, () => pieces[Math.floor(next() * 7)]).join('');
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
      const offsets: number[] = [];
      const expected = new Map<number, unknown>();
      const positionOf = textPositions(text);
      for (let at = 0, byte = 3; at <= text.length;) {
        if (next() < 0.3) {
          offsets.push(byte);
          expected.set(byte, positionOf(at));
        }
        const code = text.codePointAt(at);
        if (code === undefined) break;
        const char = String.fromCodePoint(code);
        at += char.length;
        byte += Buffer.byteLength(char);
      }
      expect(filePositions(reader(bytes), 3, offsets)).toEqual(expected);
    }
  });
});
