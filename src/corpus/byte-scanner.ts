import { isUtf8 } from 'node:buffer';
import { fstatSync, readFileSync, readSync } from 'node:fs';
import {
  BACKSLASH,
  CARRIAGE_RETURN,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  LINE_FEED,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  SPACE,
  TAB,
} from './json-bytes.ts';
import { filePositions } from './positions.ts';
import type { Position } from './problems.ts';
import { MAX_VALUE_BYTES, type StreamedFile } from './syntax-errors.ts';
import { bodyIn } from './skip-body.ts';
import { Utf8Check } from './utf8.ts';

/**
 * Reads a corpus file forward in chunks (Node only) and finds where its JSON values end without
 * parsing them: strings, escapes and brackets, byte by byte outside strings and with `indexOf`
 * inside. It keeps the bytes of the value being read, so that the value can then be parsed alone,
 * and checks that every byte it reads is UTF-8. A syntax error it meets is thrown as
 * `MalformedJson`, to be described by the locator (syntax-errors.ts).
 */

/** What a byte outside strings is, inside an object or array (0: a syntax error). */
const PLAIN = 1;
const STRING = 2;
const OPEN = 3;
const CLOSE = 4;
const BYTE_CLASS = new Uint8Array(256);
for (const char of ' \t\n\r,:0123456789-+.eEtruefalsn') BYTE_CLASS[char.charCodeAt(0)] = PLAIN;
BYTE_CLASS[QUOTE] = STRING;
BYTE_CLASS[OPEN_BRACE] = OPEN;
BYTE_CLASS[OPEN_BRACKET] = OPEN;
BYTE_CLASS[CLOSE_BRACE] = CLOSE;
BYTE_CLASS[CLOSE_BRACKET] = CLOSE;

/** The bytes that end a number, `true`, `false` or `null`. */
const ENDS_PRIMITIVE = new Uint8Array(256);
for (const byte of [SPACE, TAB, LINE_FEED, CARRIAGE_RETURN, COMMA, CLOSE_BRACE, CLOSE_BRACKET]) {
  ENDS_PRIMITIVE[byte] = 1;
}

const isWhitespace = (byte: number) =>
  byte === SPACE || byte === LINE_FEED || byte === CARRIAGE_RETURN || byte === TAB;

/** Files up to this size are read whole in the rare case that only the whole text can tell. */
const WHOLE_TEXT_LIMIT = 256 * 1024 * 1024;

/** A syntax error somewhere before `at` (a file offset), found while scanning. */
export class MalformedJson extends Error {
  constructor(readonly at: number) {
    super(`malformed JSON before byte ${at}`);
  }
}

export function readFully(fd: number, buffer: Uint8Array, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) throw new Error('the corpus file changed while it was read');
    done += read;
  }
}

/** Reads a file forward in chunks, keeping the bytes of the value being read. */
export class Scanner implements StreamedFile {
  readonly size: number;
  /** Where the JSON text starts: after a UTF-8 byte order mark, if there is one. */
  readonly start: number;
  buffer: Buffer;
  /** The file offset of `buffer[0]`. */
  bufferStart = 0;
  /** The file offset just after the last byte read into `buffer`. */
  bufferEnd = 0;
  /** The bytes read, `buffer` up to `bufferEnd`. */
  view: Buffer;
  /** The first file offset that must stay in `buffer`: the start of the value being read. */
  keep = 0;
  readonly utf8: Utf8Check;

  constructor(
    readonly file: string,
    readonly fd: number,
    readonly chunkSize: number,
  ) {
    this.size = fstatSync(fd).size;
    this.buffer = Buffer.allocUnsafe(chunkSize);
    this.view = this.buffer.subarray(0, 0);
    const bom = Buffer.alloc(3);
    const read = this.size >= 3 ? readSync(fd, bom, 0, 3, 0) : 0;
    this.start = read === 3 && bom[0] === 0xef && bom[1] === 0xbb && bom[2] === 0xbf ? 3 : 0;
    this.bufferStart = this.bufferEnd = this.keep = this.start;
    this.utf8 = new Utf8Check(this.start, isUtf8);
  }

  /** Makes the byte at `position` readable; false at the end of the file. */
  fill(position: number): boolean {
    if (position < this.bufferEnd) return true;
    if (position >= this.size) return false;
    const keep = Math.min(this.keep, position);
    const kept = this.bufferEnd - keep;
    if (position - keep + 1 > MAX_VALUE_BYTES) {
      throw new Error(`a single JSON value in the corpus is more than ${MAX_VALUE_BYTES} bytes`);
    }
    let target = this.buffer;
    // Room for at least one more chunk, or half the buffer, whichever is less.
    if (target.length - kept < Math.min(this.chunkSize, target.length / 2)) {
      target = Buffer.allocUnsafe(Math.max(target.length * 2, kept + this.chunkSize));
    }
    this.buffer.copy(target, 0, keep - this.bufferStart, this.bufferEnd - this.bufferStart);
    this.buffer = target;
    this.bufferStart = keep;
    this.bufferEnd = keep + kept;
    while (this.bufferEnd <= position) {
      const used = this.bufferEnd - this.bufferStart;
      const wanted = Math.min(this.buffer.length - used, this.size - this.bufferEnd);
      const read = readSync(this.fd, this.buffer, used, wanted, this.bufferEnd);
      if (read === 0) throw new Error('the corpus file changed while it was read');
      this.utf8.feed(this.buffer.subarray(used, used + read), this.bufferEnd + read === this.size);
      this.bufferEnd += read;
    }
    this.view = this.buffer.subarray(0, this.bufferEnd - this.bufferStart);
    return true;
  }

  /** Checks the UTF-8 of the rest of the file, past what has been read. */
  checkRest(): void {
    const chunk = Buffer.allocUnsafe(Math.min(this.size, Math.max(this.chunkSize, 1024 * 1024)));
    for (let at = this.utf8.checkedTo; at < this.size && this.utf8.firstInvalid < 0;) {
      const length = Math.min(chunk.length, this.size - at);
      readFully(this.fd, chunk, length, at);
      this.utf8.feed(chunk.subarray(0, length), at + length === this.size);
      at += length;
    }
  }

  /** The byte at `position`, or -1 at the end of the file. */
  byteAt(position: number): number {
    if (!this.fill(position)) return -1;
    return this.buffer[position - this.bufferStart] ?? -1;
  }

  /** The first position from `position` on that is not whitespace (the file's size at its end). */
  skipWhitespace(position: number): number {
    let at = position;
    for (;;) {
      if (!this.fill(at)) return at;
      const { buffer, bufferStart } = this;
      const end = this.bufferEnd - bufferStart;
      let index = at - bufferStart;
      while (index < end && isWhitespace(buffer[index] ?? 0)) index++;
      at = bufferStart + index;
      if (index < end) return at;
    }
  }

  /** The end of the JSON value that starts at `start` (not whitespace), found without parsing. */
  valueEnd(start: number): number {
    this.keep = start;
    const first = this.byteAt(start);
    if (first === QUOTE) return this.stringEnd(start + 1);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) return this.containerEnd(start);
    return this.primitiveEnd(start);
  }

  /** The end of a string whose first character (after the quote) is at `start`. */
  stringEnd(start: number): number {
    let at = start;
    for (;;) {
      if (!this.fill(at)) throw new MalformedJson(this.size);
      const { buffer, bufferStart } = this;
      const quote = this.view.indexOf(QUOTE, at - bufferStart);
      if (quote === -1) {
        at = this.bufferEnd;
        continue;
      }
      let backslash = quote - 1;
      while (buffer[backslash] === BACKSLASH) backslash--;
      // An even number of backslashes before the quote escape each other, not the quote.
      if ((quote - 1 - backslash) % 2 === 0) return bufferStart + quote + 1;
      at = bufferStart + quote + 1;
    }
  }

  /** The end of the object or array that starts at `start`, its brackets matched. */
  containerEnd(start: number): number {
    const closers: number[] = [];
    let at = start;
    for (;;) {
      if (!this.fill(at)) throw new MalformedJson(this.size);
      const { buffer, bufferStart } = this;
      const end = this.bufferEnd - bufferStart;
      let index = at - bufferStart;
      let inString = false;
      for (; index < end; index++) {
        const byte = buffer[index] ?? 0;
        const kind = BYTE_CLASS[byte];
        if (kind === PLAIN) continue;
        if (kind === STRING) {
          inString = true;
          break;
        }
        if (kind === OPEN) {
          closers.push(byte === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
        } else if (kind === CLOSE) {
          if (closers.pop() !== byte) throw new MalformedJson(bufferStart + index);
          if (closers.length === 0) return bufferStart + index + 1;
        } else {
          throw new MalformedJson(bufferStart + index);
        }
      }
      at = bufferStart + index;
      if (inString) at = this.stringEnd(at + 1);
    }
  }

  /** The end of a number, `true`, `false` or `null` (or of what stands where one should be). */
  primitiveEnd(start: number): number {
    let at = start;
    for (;;) {
      if (!this.fill(at)) return at;
      const { buffer, bufferStart } = this;
      const end = this.bufferEnd - bufferStart;
      let index = at - bufferStart;
      while (index < end && ENDS_PRIMITIVE[buffer[index] ?? 0] === 0) index++;
      at = bufferStart + index;
      if (index < end) return at;
    }
  }

  /** The JSON value between two file offsets that the scanner has just passed. */
  parse(start: number, end: number): unknown {
    if (end <= start) throw new MalformedJson(end);
    const { buffer, bufferStart } = this;
    return this.parseText(buffer.toString('utf8', start - bufferStart, end - bufferStart), end);
  }

  /**
   * Like `parse`, for an object whose `body` is not needed: a valid string `body` is read as ""
   * (most of a publication's bytes are its body; decoding them would be most of the work).
   */
  parseWithoutBody(start: number, end: number): unknown {
    const { buffer, bufferStart } = this;
    const from = start - bufferStart;
    const to = end - bufferStart;
    const body = buffer[from] === OPEN_BRACE ? bodyIn(buffer, from, to) : undefined;
    if (!body) return this.parse(start, end);
    const before = buffer.toString('utf8', from, body.start);
    return this.parseText(`${before}""${buffer.toString('utf8', body.end, to)}`, end);
  }

  parseText(text: string, end: number): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      if (error instanceof SyntaxError) throw new MalformedJson(end);
      throw error;
    }
  }

  /** The bytes between two file offsets that the scanner has just passed. */
  bytes(start: number, end: number): Buffer {
    return this.buffer.subarray(start - this.bufferStart, end - this.bufferStart);
  }

  /** The byte at a file offset, read from the file. */
  readByte(offset: number): number {
    const byte = Buffer.alloc(1);
    readFully(this.fd, byte, 1, offset);
    return byte[0] ?? 0;
  }

  /** Reads the bytes between two file offsets as text. */
  decode(start: number, end: number): string {
    const bytes = Buffer.allocUnsafe(end - start);
    readFully(this.fd, bytes, end - start, start);
    return bytes.toString('utf8');
  }

  positionOf(offset: number): Position {
    return this.positionsOf([offset]).get(offset) ?? { line: 1, column: 1 };
  }

  /** The positions of byte offsets, in one pass over the file. */
  positionsOf(offsets: Iterable<number>): Map<number, Position> {
    const read = (buffer: Uint8Array, length: number, position: number) =>
      readFully(this.fd, buffer, length, position);
    return filePositions(read, this.start, offsets);
  }

  wholeText(): string | undefined {
    if (this.size > WHOLE_TEXT_LIMIT) return undefined;
    return readFileSync(this.file, 'utf8').replace(/^\uFEFF/, '');
  }
}
