import { LIMITS } from './limits.ts';

/**
 * Finds a publication's `body` in its bytes, so that the stream reader can parse the publication
 * without decoding the body (most of a corpus's bytes). These helpers look into one value already
 * in a buffer (indexes into `bytes`, `end` exclusive); they give up (-1, undefined) where the text
 * is not what they expect, and the value is then parsed as it is: JSON.parse has the last word.
 */

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The bytes that end a number, `true`, `false` or `null`. */
const ENDS_PRIMITIVE = new Uint8Array(256);
for (const byte of [SPACE, TAB, LINE_FEED, CARRIAGE_RETURN, COMMA, CLOSE_BRACE, CLOSE_BRACKET]) {
  ENDS_PRIMITIVE[byte] = 1;
}

const isWhitespace = (byte: number) =>
  byte === SPACE || byte === LINE_FEED || byte === CARRIAGE_RETURN || byte === TAB;

const BODY_KEY = Buffer.from('"body"');

function skipWhitespaceIn(bytes: Buffer, at: number, end: number): number {
  let index = at;
  while (index < end && isWhitespace(bytes[index] ?? 0)) index++;
  return index;
}

/** The end of the string whose opening quote is at `at`, its escapes not checked. */
function stringEndIn(bytes: Buffer, at: number, end: number): number {
  let from = at + 1;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, from);
    if (quote === -1 || quote >= end) return -1;
    let backslash = quote - 1;
    while (bytes[backslash] === BACKSLASH) backslash--;
    if ((quote - 1 - backslash) % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/**
 * Whether the bytes of a JSON string (quotes included) are valid: read as Latin-1, one character a
 * byte, they are valid exactly when their UTF-8 text is (bytes from 0x80 on are characters in
 * both; bad UTF-8 is found apart), and Latin-1 is several times faster to decode.
 */
function isValidString(bytes: Buffer, start: number, end: number): boolean {
  try {
    JSON.parse(bytes.toString('latin1', start, end));
    return true;
  } catch {
    return false;
  }
}

/** The end of the value at `at` (its brackets already known to match). */
function valueEndIn(bytes: Buffer, at: number, end: number): number {
  const first = at < end ? bytes[at] : undefined;
  if (first === QUOTE) return stringEndIn(bytes, at, end);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let index = at;
    while (index < end && ENDS_PRIMITIVE[bytes[index] ?? 0] === 0) index++;
    return index;
  }
  let depth = 0;
  for (let index = at; index < end; index++) {
    const byte = bytes[index];
    if (byte === QUOTE) {
      index = stringEndIn(bytes, index, end) - 1;
      if (index < 0) return -1;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++;
    } else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && --depth === 0) {
      return index + 1;
    }
  }
  return -1;
}

/**
 * Where the string value of the `body` member of the object at `at` is, if it has one, it is
 * valid JSON and it cannot be over its limit (its UTF-8 text is never longer than its JSON).
 * Replaced by "" it keeps the object valid (or not) and spares decoding the body.
 */
export function bodyIn(
  bytes: Buffer,
  at: number,
  end: number,
): { start: number; end: number } | undefined {
  const byteAt = (index: number) => (index < end ? bytes[index] : undefined);
  let index = skipWhitespaceIn(bytes, at + 1, end);
  while (byteAt(index) === QUOTE) {
    const keyEnd = stringEndIn(bytes, index, end);
    if (keyEnd < 0) return undefined;
    const isBody =
      keyEnd - index === BODY_KEY.length &&
      bytes.compare(BODY_KEY, 0, BODY_KEY.length, index, keyEnd) === 0;
    index = skipWhitespaceIn(bytes, keyEnd, end);
    if (byteAt(index) !== COLON) return undefined;
    index = skipWhitespaceIn(bytes, index + 1, end);
    if (isBody && byteAt(index) === QUOTE) {
      const valueEnd = stringEndIn(bytes, index, end);
      const valid =
        valueEnd > 0 &&
        valueEnd - index - 2 <= LIMITS.bodyBytes &&
        isValidString(bytes, index, valueEnd);
      return valid ? { start: index, end: valueEnd } : undefined;
    }
    const valueEnd = valueEndIn(bytes, index, end);
    if (valueEnd < 0) return undefined;
    index = skipWhitespaceIn(bytes, valueEnd, end);
    if (byteAt(index) !== COMMA) return undefined;
    index = skipWhitespaceIn(bytes, index + 1, end);
  }
  return undefined;
}
