/**
 * UTF-8 as the corpus format reads it: what `TextDecoder` (WHATWG) and Node's `isUtf8` accept. No
 * overlong forms, no encoded surrogates, nothing above U+10FFFF, no character cut short. Platform
 * neutral: the stream reads bytes from a file, the whole-text reader from memory.
 */

/** How many bytes the character that starts with `lead` takes, or 0 if no character starts so. */
export function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead < 0xc2) return 0; // a continuation byte, or the start of an overlong form
  if (lead < 0xe0) return 2;
  if (lead < 0xf0) return 3;
  if (lead < 0xf5) return 4;
  return 0;
}

/** The end of the valid character that starts at `at`, or -1 if none does (or it ends after `end`). */
function characterEnd(bytes: Uint8Array, at: number, end: number): number {
  const lead = bytes[at] ?? 0;
  const length = sequenceLength(lead);
  if (length === 0 || at + length > end) return -1;
  if (length === 1) return at + 1;
  // The second byte's range rules out overlong forms (E0, F0), surrogates (ED) and code points
  // above U+10FFFF (F4).
  const second = bytes[at + 1] ?? 0;
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return -1;
  for (let index = at + 2; index < at + length; index++) {
    if (((bytes[index] ?? 0) & 0xc0) !== 0x80) return -1;
  }
  return at + length;
}

/**
 * The offset of the first byte in `bytes[from, to)` that does not begin a valid character (a
 * character cut short at `to` counts as invalid), or -1 when they are all valid UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let at = from;
  while (at < to) {
    if ((bytes[at] ?? 0) < 0x80) {
      at++;
      continue;
    }
    const end = characterEnd(bytes, at, to);
    if (end < 0) return at;
    at = end;
  }
  return -1;
}

/**
 * Where the last character that `bytes[from, to)` holds whole ends: before a trailing lead byte
 * whose continuation bytes are not there yet (the next piece of a file may bring them).
 */
export function wholeCharactersEnd(bytes: Uint8Array, from: number, to: number): number {
  for (let at = to - 1; at >= Math.max(from, to - 3); at--) {
    const byte = bytes[at] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const length = sequenceLength(byte);
    return length > 1 && at + length > to ? at : to;
  }
  return to;
}

/**
 * How many UTF-16 code units (JavaScript string length) valid UTF-8 bytes decode to: one for
 * each byte that starts a character, two for a four-byte one. Counts the same when the bytes come
 * in pieces cut anywhere.
 */
export function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let at = from; at < to; at++) {
    const byte = bytes[at] ?? 0;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** How many bytes a string takes in UTF-8 (a lone surrogate as the three of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit < 0xe000;

/** How many characters (code points) a string has: a surrogate pair counts once. */
export function codePointLength(text: string): number {
  let pairs = 0;
  for (let index = 0; index < text.length - 1; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit < 0xdc00 && isLowSurrogate(text.charCodeAt(index + 1))) {
      pairs++;
      index++;
    }
  }
  return text.length - pairs;
}

/**
 * Checks UTF-8 given in pieces, as a file is read: `firstInvalid` is the file offset of the first
 * byte that does not begin a valid character (what `firstInvalidUtf8` gives for the whole file).
 */
export class Utf8Check {
  firstInvalid = -1;
  /** Where the bytes checked so far end, and the start of a character cut at the last piece's end. */
  checkedTo: number;
  #carry: number[] = [];

  /** `isValid` says whether bytes are all UTF-8, faster than `firstInvalidUtf8` if it can. */
  constructor(
    start: number,
    readonly isValid = (bytes: Uint8Array) => firstInvalidUtf8(bytes) < 0,
  ) {
    this.checkedTo = start;
  }

  /** Checks `bytes`, the file's bytes from `checkedTo` on; `last` when they reach its end. */
  feed(bytes: Uint8Array, last: boolean): void {
    if (this.firstInvalid >= 0 || bytes.length === 0) return;
    const offset = this.checkedTo;
    let from = 0;
    if (this.#carry.length > 0) {
      const carryStart = offset - this.#carry.length;
      const length = sequenceLength(this.#carry[0] ?? 0);
      const take = Math.min(length - this.#carry.length, bytes.length);
      const character = Uint8Array.from([...this.#carry, ...bytes.subarray(0, take)]);
      this.checkedTo += take;
      from = take;
      if (character.length < length && !last) {
        this.#carry = [...character];
        return;
      }
      this.#carry = [];
      if (firstInvalidUtf8(character) >= 0) {
        this.firstInvalid = carryStart;
        return;
      }
    }
    const end = last ? bytes.length : wholeCharactersEnd(bytes, from, bytes.length);
    const piece = bytes.subarray(from, end);
    if (!this.isValid(piece)) {
      this.firstInvalid = offset + firstInvalidUtf8(bytes, from, end);
      return;
    }
    this.#carry = [...bytes.subarray(end)];
    this.checkedTo = offset + bytes.length;
  }
}
