import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { describeSyntaxError, malformedJson, readCorpusText } from './corpus-file.ts';
import {
  CorpusValidator,
  validateCorpus,
  type Corpus,
  type Problem,
  type Publication,
  type ValidationResult,
} from './schema.ts';

/**
 * Reads a corpus file of any size (Node only: it uses node:fs; the browser app never imports it).
 *
 * `readCorpusText` needs the whole file as one string, and a corpus of 200,000 publications is
 * ~2 GB: more than a V8 string can hold. This reads the file in chunks instead. A byte scanner
 * follows the top-level object and the `publications` array (strings, escapes, nesting); every
 * other top-level member is parsed on its own, in whatever order the members come, and so is each
 * publication, which is then validated (`CorpusValidator`), kept without its body, and remembered
 * by its place in the file so that `publication(index)` can read it again whole.
 *
 * The result is the one `readCorpusText` gives for the same file: the same problems (paths,
 * messages, order), including the single "line L, column C: malformed JSON: …" for a syntax error
 * anywhere, and on a valid file the same corpus but for the publications, which lack `body` and
 * any field the format does not define (also in attachments).
 */

export type OpenedCorpus = {
  /** The validated corpus, every publication WITHOUT its `body` (and without unknown fields), in file order. */
  corpus: Corpus;
  /** Reads publications[index] from the file again, whole (body and unknown fields included). */
  publication(index: number): Publication;
  close(): void;
};

export type OpenCorpusResult =
  { ok: true; opened: OpenedCorpus } | { ok: false; problems: Problem[] };

export type OpenCorpusOptions = {
  /** How many bytes to read at a time (8 MiB unless told); tests use tiny chunks. */
  chunkSize?: number;
};

const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;
/** The most bytes of one value (a publication, a top-level member) that can be decoded at once. */
const MAX_VALUE_BYTES = 512 * 1024 * 1024 - 64;
/** A syntax error is described from a window of the file this big at first, then doubled. */
const FIRST_WINDOW = 64 * 1024;
/** How far before a window's end an error must be to be the same in the whole file. */
const MARGIN = 64;
/** Files up to this size are read whole in the rare case that only the whole text can tell. */
const WHOLE_TEXT_LIMIT = 256 * 1024 * 1024;

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

const BODY_KEY = Buffer.from('"body"');

/*
 * Helpers that look into one value already in a buffer (indexes into `bytes`, `end` exclusive).
 * They return -1 where the text is not what they expect; the value is then parsed as it is, and
 * JSON.parse has the last word.
 */

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
 * both; bad UTF-8 decodes to U+FFFD), and Latin-1 is several times faster to decode.
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
 * Where the string value of the `body` member of the object at `at` is, if it has one and it is
 * valid JSON. Replaced by "" it keeps the object valid (or not) and spares decoding the body.
 */
function bodyIn(
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
      const valid = valueEnd > 0 && isValidString(bytes, index, valueEnd);
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

/** A syntax error somewhere before `at` (a file offset), found while scanning. */
class MalformedJson extends Error {
  constructor(readonly at: number) {
    super(`malformed JSON before byte ${at}`);
  }
}

/**
 * A complete JSON value of the same kind as one that starts with `byte`: in its place, the text
 * after it is read the same way.
 */
function placeholder(byte: number): string {
  if (byte === OPEN_BRACE) return '{}';
  if (byte === OPEN_BRACKET) return '[]';
  if (byte === QUOTE) return '""';
  return '0';
}

/** The publication as the corpus keeps it: the fields of the format but `body`. */
function withoutBody(publication: Publication): Publication {
  const { id, title, type, organizations, date } = publication;
  const kept: Publication = { id, title, type, organizations, date };
  if (publication.language !== undefined) kept.language = publication.language;
  if (publication.summary !== undefined) kept.summary = publication.summary;
  if (publication.url !== undefined) kept.url = publication.url;
  if (publication.tags !== undefined) kept.tags = publication.tags;
  if (publication.attachments !== undefined) {
    kept.attachments = publication.attachments.map(({ title, url }) => ({ title, url }));
  }
  if (publication.translations !== undefined) kept.translations = publication.translations;
  return kept;
}

function readFully(fd: number, buffer: Buffer, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) throw new Error('the corpus file changed while it was read');
    done += read;
  }
}

/** Reads a file forward in chunks, keeping the bytes of the value being read. */
class Scanner {
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
  /**
   * Where the part of the file being read started, and a JSON text that leaves a parser in the
   * same state as the file up to there: a syntax error is described from them (`describe`).
   */
  unitStart = 0;
  unitPrefix = '';

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
    this.bufferStart = this.bufferEnd = this.keep = this.unitStart = this.start;
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
      this.bufferEnd += read;
    }
    this.view = this.buffer.subarray(0, this.bufferEnd - this.bufferStart);
    return true;
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

  /** Starts a part of the file that a syntax error is described from. */
  setUnit(start: number, prefix: string): void {
    this.unitStart = start;
    this.unitPrefix = prefix;
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

  /** Reads the bytes between two file offsets as text. */
  decode(start: number, end: number): string {
    const bytes = Buffer.allocUnsafe(end - start);
    readFully(this.fd, bytes, end - start, start);
    return bytes.toString('utf8');
  }

  /**
   * The problem `readCorpusText` reports for the file's syntax error, found before `at`: described
   * from a window of the text since `unitStart`, behind `unitPrefix`, that grows until the error
   * it shows cannot depend on where the window ends.
   */
  describe(at: number): Problem {
    const start = this.unitStart;
    const prefix = this.unitPrefix;
    let window = Math.max(4 * MARGIN, Math.min(this.chunkSize, FIRST_WINDOW));
    for (;;) {
      const end = Math.min(this.size, start + window);
      const whole = end === this.size;
      const verbatim = this.decode(start, end);
      const text = prefix + verbatim;
      let error: SyntaxError | undefined;
      try {
        JSON.parse(text);
      } catch (caught) {
        if (!(caught instanceof SyntaxError)) throw caught;
        error = caught;
      }
      if (error === undefined && whole) {
        throw new Error(`the corpus scanner found an error at byte ${at} that JSON.parse does not`);
      }
      if (error !== undefined) {
        const report = describeSyntaxError(text, error);
        if (whole && report.parserError === undefined && this.size <= WHOLE_TEXT_LIMIT) {
          // Only V8 saw the error, and its message quotes the text around it: quote the file's.
          const result = readCorpusText(readFileSync(this.file, 'utf8'));
          if (!result.ok && result.problems.length === 1) return result.problems[0] as Problem;
        }
        const settled =
          report.parserError !== undefined &&
          report.parserError.offset + report.parserError.length + MARGIN <= text.length &&
          (report.position === undefined
            ? !error.message.startsWith('Unexpected end of JSON input')
            : report.position + MARGIN <= text.length);
        if (whole || settled || window >= MAX_VALUE_BYTES) {
          const offset = Math.min(Math.max(report.offset - prefix.length, 0), verbatim.length);
          return this.problemAt(start, verbatim, offset, report.reason);
        }
      }
      window *= 2;
    }
  }

  /** The problem for a character `offset` into `verbatim`, the text of the file from `start`. */
  problemAt(start: number, verbatim: string, offset: number, reason: string): Problem {
    let newlines = 0;
    for (let index = verbatim.indexOf('\n'); index !== -1 && index < offset;) {
      newlines++;
      index = verbatim.indexOf('\n', index + 1);
    }
    const lastNewline = offset > 0 ? verbatim.lastIndexOf('\n', offset - 1) : -1;
    const before = this.linesBefore(start);
    const line = before.newlines + newlines + 1;
    const column =
      lastNewline >= 0
        ? offset - lastNewline
        : this.charactersBetween(before.lineStart, start) + offset + 1;
    return malformedJson(line, column, reason);
  }

  /** How many line feeds the text has before `end`, and where the line with `end` starts. */
  linesBefore(end: number): { newlines: number; lineStart: number } {
    const chunk = Buffer.allocUnsafe(Math.min(DEFAULT_CHUNK_SIZE, Math.max(end - this.start, 1)));
    let newlines = 0;
    let lineStart = this.start;
    for (let position = this.start; position < end; position += chunk.length) {
      const length = Math.min(chunk.length, end - position);
      readFully(this.fd, chunk, length, position);
      const bytes = chunk.subarray(0, length);
      for (let index = bytes.indexOf(LINE_FEED); index !== -1;) {
        newlines++;
        lineStart = position + index + 1;
        index = bytes.indexOf(LINE_FEED, index + 1);
      }
    }
    return { newlines, lineStart };
  }

  /** How many UTF-16 characters the bytes between two offsets decode to. */
  charactersBetween(start: number, end: number): number {
    const chunk = Buffer.allocUnsafe(Math.min(DEFAULT_CHUNK_SIZE, Math.max(end - start, 1)));
    let characters = 0;
    let position = start;
    while (position < end) {
      const length = Math.min(chunk.length, end - position);
      readFully(this.fd, chunk, length, position);
      // Cut before the last byte that starts a character, so that none is cut in two.
      let cut = length;
      if (position + length < end) {
        cut = length - 1;
        while (cut > 0 && ((chunk[cut] ?? 0) & 0xc0) === 0x80) cut--;
        if (cut === 0) cut = length;
      }
      characters += chunk.toString('utf8', 0, cut).length;
      position += cut;
    }
    return characters;
  }
}

/** Follows the top-level JSON value of the file, handing the corpus's parts to the validator. */
class CorpusReader {
  readonly validator = new CorpusValidator();
  /** The publications as the corpus keeps them, while none has a problem. */
  publications: Publication[] = [];
  /** Where each publication is in the file: offset and length in bytes. */
  offsets: number[] = [];
  lengths: number[] = [];

  constructor(readonly scanner: Scanner) {}

  /** Reads the file; the result is `validateCorpus`'s for its value. */
  read(): ValidationResult {
    const scanner = this.scanner;
    scanner.setUnit(scanner.start, '');
    const start = scanner.skipWhitespace(scanner.start);
    const first = scanner.byteAt(start);
    let end: number;
    let root: unknown = [];
    if (first === OPEN_BRACE) end = this.object(start);
    else if (first === OPEN_BRACKET)
      end = this.array(start, '[', (from, to) => scanner.parse(from, to));
    else {
      end = scanner.valueEnd(start);
      root = scanner.parse(start, end);
    }
    scanner.setUnit(end, placeholder(first));
    const after = scanner.skipWhitespace(end);
    if (after < scanner.size) throw new MalformedJson(after);
    if (first !== OPEN_BRACE) return validateCorpus(root);
    return this.validator.finish(this.publications);
  }

  /** Reads the top-level object that starts at `start` and returns its end. */
  object(start: number): number {
    const scanner = this.scanner;
    scanner.setUnit(start + 1, '{');
    let at = scanner.skipWhitespace(start + 1);
    if (scanner.byteAt(at) === CLOSE_BRACE) return at + 1;
    for (;;) {
      if (scanner.byteAt(at) !== QUOTE) throw new MalformedJson(at);
      scanner.keep = at;
      const keyEnd = scanner.stringEnd(at + 1);
      const key = scanner.parse(at, keyEnd);
      if (typeof key !== 'string') throw new MalformedJson(keyEnd);
      at = scanner.skipWhitespace(keyEnd);
      if (scanner.byteAt(at) !== COLON) throw new MalformedJson(at);
      at = scanner.skipWhitespace(at + 1);
      const first = scanner.byteAt(at);
      if (first === -1) throw new MalformedJson(at);
      if (key === 'publications' && first === OPEN_BRACKET) {
        this.validator.beginPublications();
        this.publications = [];
        this.offsets = [];
        this.lengths = [];
        at = this.array(at, '{"":[', (elementStart, elementEnd) =>
          this.publication(elementStart, elementEnd),
        );
      } else {
        const end = scanner.valueEnd(at);
        this.validator.member(key, scanner.parse(at, end));
        if (key === 'publications') {
          this.publications = [];
          this.offsets = [];
          this.lengths = [];
        }
        at = end;
      }
      scanner.setUnit(at, `{"":${placeholder(first)}`);
      at = scanner.skipWhitespace(at);
      const next = scanner.byteAt(at);
      if (next === CLOSE_BRACE) return at + 1;
      if (next !== COMMA) throw new MalformedJson(at);
      at = scanner.skipWhitespace(at + 1);
    }
  }

  /** Reads an array that starts at `start`, handing each item to `onItem`, and returns its end. */
  array(start: number, prefix: string, onItem: (start: number, end: number) => void): number {
    const scanner = this.scanner;
    scanner.setUnit(start + 1, prefix);
    let at = scanner.skipWhitespace(start + 1);
    if (scanner.byteAt(at) === CLOSE_BRACKET) return at + 1;
    for (;;) {
      const first = scanner.byteAt(at);
      if (first === -1) throw new MalformedJson(at);
      const end = scanner.valueEnd(at);
      onItem(at, end);
      scanner.setUnit(end, prefix + placeholder(first));
      at = scanner.skipWhitespace(end);
      const next = scanner.byteAt(at);
      if (next === CLOSE_BRACKET) return at + 1;
      if (next !== COMMA) throw new MalformedJson(at);
      at = scanner.skipWhitespace(at + 1);
    }
  }

  publication(start: number, end: number): void {
    const value = this.scanner.parseWithoutBody(start, end);
    const publication = this.validator.publication(value);
    this.offsets.push(start);
    this.lengths.push(end - start);
    // Once the corpus is known to be invalid, its publications are not needed.
    if (this.validator.hasProblems) this.publications.length = 0;
    else if (publication) this.publications.push(withoutBody(publication));
  }
}

function openedCorpus(
  fd: number,
  corpus: Corpus,
  offsets: readonly number[],
  lengths: readonly number[],
): OpenedCorpus {
  let open = true;
  return {
    corpus,
    publication(index) {
      if (!open) throw new Error('the corpus file is closed');
      const offset = offsets[index];
      const length = lengths[index];
      if (offset === undefined || length === undefined) {
        throw new RangeError(`there is no publications[${index}]`);
      }
      const bytes = Buffer.allocUnsafe(length);
      readFully(fd, bytes, length, offset);
      return JSON.parse(bytes.toString('utf8')) as Publication;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/**
 * Opens a corpus file, reads it as a stream and validates it. On success the file stays open for
 * `publication(index)` until `close()`.
 */
export async function openCorpus(
  file: string,
  options: OpenCorpusOptions = {},
): Promise<OpenCorpusResult> {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const fd = openSync(file, 'r');
  let keepOpen = false;
  try {
    const scanner = new Scanner(file, fd, chunkSize);
    const reader = new CorpusReader(scanner);
    let result: ValidationResult;
    try {
      result = reader.read();
    } catch (error) {
      if (error instanceof MalformedJson)
        return { ok: false, problems: [scanner.describe(error.at)] };
      throw error;
    }
    if (!result.ok) return result;
    keepOpen = true;
    return { ok: true, opened: openedCorpus(fd, result.corpus, reader.offsets, reader.lengths) };
  } finally {
    if (!keepOpen) closeSync(fd);
  }
}
