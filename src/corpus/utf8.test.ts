// @vitest-environment node
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { random } from '../testing/random.ts';
import {
  Utf8Check,
  codePointLength,
  firstInvalidUtf8,
  utf16Length,
  utf8Length,
  wholeCharactersEnd,
} from './utf8.ts';

/** Byte sequences that are not UTF-8, each after "ab": where the first bad byte is (2). */
const INVALID: [string, number[]][] = [
  ['a lone continuation byte', [0x80]],
  ['an overlong two-byte form', [0xc0, 0xaf]],
  ['an overlong two-byte form of ASCII', [0xc1, 0xbf]],
  ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
  ['an overlong four-byte form', [0xf0, 0x80, 0x80, 0xaf]],
  ['an encoded high surrogate', [0xed, 0xa0, 0x80]],
  ['an encoded low surrogate', [0xed, 0xbf, 0xbf]],
  ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['a byte that never occurs (F5)', [0xf5, 0x80, 0x80, 0x80]],
  ['a byte that never occurs (FF)', [0xff]],
  ['a byte that never occurs (FE)', [0xfe]],
  ['a three-byte character cut short by ASCII', [0xe2, 0x82, 0x41]],
  ['a four-byte character cut short at the end', [0xf0, 0x9f, 0x98]],
  ['a two-byte lead at the end', [0xc3]],
];

const bytesOf = (tail: number[]) => Uint8Array.from([0x61, 0x62, ...tail]);

describe('firstInvalidUtf8', () => {
  it('accepts UTF-8 of every length, and finds nothing in ASCII', () => {
    const text = 'a é € 😀 Вясна \u2028 \uFEFF';
    expect(firstInvalidUtf8(Buffer.from(text))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from('plain'))).toBe(-1);
  });

  it.each(INVALID)('finds %s at its first byte', (_, tail) => {
    const bytes = bytesOf(tail);
    expect(firstInvalidUtf8(bytes)).toBe(2);
    expect(isUtf8(bytes)).toBe(false);
  });

  it('agrees with Node on random bytes', () => {
    const next = random(11);
    for (let n = 0; n < 2000; n++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
        next() < 0.5 ? 0x80 + Math.floor(next() * 0x80) : Math.floor(next() * 0x100),
      );
      expect(firstInvalidUtf8(bytes) === -1, Buffer.from(bytes).toString('hex')).toBe(
        isUtf8(bytes),
      );
    }
  });

  it('looks only between from and to', () => {
    const bytes = bytesOf([0xff]);
    expect(firstInvalidUtf8(bytes, 0, 2)).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from('é'), 0, 1)).toBe(0);
  });
});

describe('Utf8Check', () => {
  const next = random(5);
  const texts = [
    Buffer.from('Праваабаронцы 😀 “Вясны” a'),
    ...INVALID.map(([, tail]) => bytesOf(tail)),
  ];

  it.each([1, 2, 3, 5])('finds what firstInvalidUtf8 finds, fed in pieces of %i', (size) => {
    for (const bytes of texts) {
      const check = new Utf8Check(0);
      for (let at = 0; at < bytes.length; at += size) {
        check.feed(bytes.subarray(at, at + size), at + size >= bytes.length);
      }
      expect(check.firstInvalid).toBe(firstInvalidUtf8(bytes));
    }
  });

  it('finds it in pieces cut at random, with a faster check given', () => {
    for (let n = 0; n < 300; n++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(next() * 12) }, () =>
        next() < 0.3 ? 0x80 + Math.floor(next() * 0x80) : 0x61,
      );
      const check = new Utf8Check(100, isUtf8);
      for (let at = 0; at < bytes.length;) {
        const size = 1 + Math.floor(next() * 4);
        check.feed(bytes.subarray(at, at + size), at + size >= bytes.length);
        at += size;
      }
      const expected = firstInvalidUtf8(bytes);
      expect(check.firstInvalid).toBe(expected < 0 ? -1 : 100 + expected);
    }
  });
});

describe('sizes', () => {
  it('ends pieces before a character cut short', () => {
    const bytes = Buffer.from('aé😀');
    expect(wholeCharactersEnd(bytes, 0, 2)).toBe(1);
    expect(wholeCharactersEnd(bytes, 0, 3)).toBe(3);
    expect(wholeCharactersEnd(bytes, 0, 6)).toBe(3);
    expect(wholeCharactersEnd(bytes, 0, 7)).toBe(7);
  });

  it('counts UTF-16 units from bytes, UTF-8 bytes and code points from text', () => {
    const text = 'aé€😀\u2028';
    expect(utf16Length(Buffer.from(text), 0, Buffer.byteLength(text))).toBe(text.length);
    expect(utf8Length(text)).toBe(Buffer.byteLength(text));
    expect(utf8Length('\uD800x')).toBe(Buffer.byteLength('\uD800x'));
    expect(codePointLength(text)).toBe([...text].length);
    expect(codePointLength('\uDE00\uD83D')).toBe(2);
  });
});
