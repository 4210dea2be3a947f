import { closeSync, openSync } from 'node:fs';
import { MalformedJson, Scanner, readFully } from './byte-scanner.ts';
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-bytes.ts';
import { CorpusValidator, validateCorpus, type ValidationResult } from './corpus-validator.ts';
import {
  invalidUtf8,
  nestedTooDeep,
  readingReport,
  type PathKeys,
  type Problem,
} from './problems.ts';
import type { Corpus, Publication } from './schema.ts';
import { locateSyntaxError } from './syntax-errors.ts';
import { checkValue, type ValueFinding } from './value-checks.ts';

/**
 * Reads a corpus file of any size (Node only: it uses node:fs; the browser app never imports it).
 *
 * `readCorpusText` needs the whole file as one string, and a corpus of 200,000 publications is
 * ~2 GB: more than a V8 string can hold. This reads the file in chunks instead. The byte scanner
 * (byte-scanner.ts) follows the top-level object and the `publications` array; every other
 * top-level member is parsed on its own, in whatever order the members come, and so is each
 * publication, which is then checked for what JSON.parse lets pass (value-checks.ts), validated
 * (`CorpusValidator`), kept without its body, and remembered by its place in the file so that
 * `publication(index)` can read it again whole.
 *
 * The result is the one `readCorpusBytes` gives for the same file: the same problems (paths,
 * messages, order), including the single problem of a file that is not UTF-8, not JSON or nested
 * too deep, and on a valid file the same corpus but for the publications, which lack `body` and
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
const START = { line: 1, column: 1 };

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

/** Follows the top-level JSON value of the file, handing the corpus's parts to the validator. */
class CorpusReader {
  readonly validator = new CorpusValidator();
  /** The publications as the corpus keeps them, while none has a problem. */
  publications: Publication[] = [];
  /** Where each publication is in the file: offset and length in bytes. */
  offsets: number[] = [];
  lengths: number[] = [];
  /** What the values' checks found, in document order. */
  readonly findings: ValueFinding[] = [];
  /** The top-level value when it is not an object (then it is validated whole). */
  root: unknown = [];
  rootIsObject = false;
  /**
   * Where the part of the file being read started, and a JSON text that leaves a parser in the
   * same state as the file up to there: a syntax error is described from them.
   */
  unitStart: number;
  unitPrefix = '';

  constructor(readonly scanner: Scanner) {
    this.unitStart = scanner.start;
  }

  /** Reads the file: throws `MalformedJson` at a syntax error. */
  read(): void {
    const scanner = this.scanner;
    this.setUnit(scanner.start, '');
    const start = scanner.skipWhitespace(scanner.start);
    const first = scanner.byteAt(start);
    let end: number;
    this.rootIsObject = first === OPEN_BRACE;
    if (first === OPEN_BRACE) end = this.object(start);
    else if (first === OPEN_BRACKET) {
      end = this.array(start, '[', (from, to, index) => {
        scanner.parse(from, to);
        this.check(from, to, [index], 1);
      });
    } else {
      end = scanner.valueEnd(start);
      this.root = scanner.parse(start, end);
      this.check(start, end, [], 0);
    }
    this.setUnit(end, placeholder(first));
    const after = scanner.skipWhitespace(end);
    if (after < scanner.size) throw new MalformedJson(after);
  }

  setUnit(start: number, prefix: string): void {
    this.unitStart = start;
    this.unitPrefix = prefix;
  }

  /** Checks the value just parsed between two offsets, at path `keys` inside `depth` containers. */
  check(start: number, end: number, keys: PathKeys, depth: number): void {
    const bytes = this.scanner.bytes(start, end);
    checkValue(bytes, 0, bytes.length, { keys, depth, fileOffset: start }, (finding) =>
      this.findings.push(finding),
    );
  }

  /** Reads the top-level object that starts at `start` and returns its end. */
  object(start: number): number {
    const scanner = this.scanner;
    const keys = new Map<string, number>();
    this.setUnit(start + 1, '{');
    let at = scanner.skipWhitespace(start + 1);
    if (scanner.byteAt(at) === CLOSE_BRACE) return at + 1;
    for (;;) {
      if (scanner.byteAt(at) !== QUOTE) throw new MalformedJson(at);
      scanner.keep = at;
      const keyEnd = scanner.stringEnd(at + 1);
      const key = scanner.parse(at, keyEnd);
      if (typeof key !== 'string') throw new MalformedJson(keyEnd);
      const first = keys.get(key);
      if (first === undefined) keys.set(key, at);
      else this.findings.push({ kind: 'duplicate-key', keys: [key], first, again: at });
      at = scanner.skipWhitespace(keyEnd);
      if (scanner.byteAt(at) !== COLON) throw new MalformedJson(at);
      at = scanner.skipWhitespace(at + 1);
      const value = scanner.byteAt(at);
      if (value === -1) throw new MalformedJson(at);
      if (key === 'publications' && value === OPEN_BRACKET) {
        this.validator.beginPublications();
        this.publications = [];
        this.offsets = [];
        this.lengths = [];
        at = this.array(at, '{"":[', (from, to, index) => this.publication(from, to, index));
      } else {
        const end = scanner.valueEnd(at);
        this.validator.member(key, scanner.parse(at, end));
        this.check(at, end, [key], 1);
        if (key === 'publications') {
          this.publications = [];
          this.offsets = [];
          this.lengths = [];
        }
        at = end;
      }
      this.setUnit(at, `{"":${placeholder(value)}`);
      at = scanner.skipWhitespace(at);
      const next = scanner.byteAt(at);
      if (next === CLOSE_BRACE) return at + 1;
      if (next !== COMMA) throw new MalformedJson(at);
      at = scanner.skipWhitespace(at + 1);
    }
  }

  /** Reads an array that starts at `start`, handing each item to `onItem`, and returns its end. */
  array(
    start: number,
    prefix: string,
    onItem: (start: number, end: number, index: number) => void,
  ): number {
    const scanner = this.scanner;
    this.setUnit(start + 1, prefix);
    let at = scanner.skipWhitespace(start + 1);
    if (scanner.byteAt(at) === CLOSE_BRACKET) return at + 1;
    for (let index = 0; ; index++) {
      const first = scanner.byteAt(at);
      if (first === -1) throw new MalformedJson(at);
      const end = scanner.valueEnd(at);
      onItem(at, end, index);
      this.setUnit(end, prefix + placeholder(first));
      at = scanner.skipWhitespace(end);
      const next = scanner.byteAt(at);
      if (next === CLOSE_BRACKET) return at + 1;
      if (next !== COMMA) throw new MalformedJson(at);
      at = scanner.skipWhitespace(at + 1);
    }
  }

  publication(start: number, end: number, index: number): void {
    const value = this.scanner.parseWithoutBody(start, end);
    this.check(start, end, ['publications', index], 2);
    const publication = this.validator.publication(value);
    this.offsets.push(start);
    this.lengths.push(end - start);
    // Once the corpus is known to be invalid, its publications are not needed.
    if (this.validator.hasProblems) this.publications.length = 0;
    else if (publication) this.publications.push(withoutBody(publication));
  }

  /**
   * The result, once `read` has returned or thrown (`syntaxError`): what stops reading comes
   * first (bytes that are not UTF-8, then the first of nesting too deep and a syntax error), then
   * every problem of the values.
   */
  result(syntaxError: boolean): ValidationResult {
    const scanner = this.scanner;
    if (syntaxError) scanner.checkRest();
    const badByte = scanner.utf8.firstInvalid;
    if (badByte >= 0) {
      return {
        ok: false,
        problems: [invalidUtf8(scanner.positionOf(badByte), scanner.readByte(badByte))],
      };
    }
    // Values nested too deep were read before any syntax error.
    const tooDeep = this.findings.find((finding) => finding.kind === 'too-deep');
    if (tooDeep) return { ok: false, problems: [nestedTooDeep(scanner.positionOf(tooDeep.at))] };
    if (syntaxError) {
      return { ok: false, problems: [locateSyntaxError(scanner, this.unitStart, this.unitPrefix)] };
    }
    const offsets: number[] = [];
    for (const finding of this.findings) {
      if (finding.kind === 'duplicate-key') offsets.push(finding.first, finding.again);
    }
    const positions = offsets.length > 0 ? scanner.positionsOf(offsets) : new Map();
    const reading = readingReport(this.findings, (offset) => positions.get(offset) ?? START);
    if (!this.rootIsObject) return validateCorpus(this.root, reading);
    return this.validator.finish(this.publications, reading);
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
    const reader = new CorpusReader(new Scanner(file, fd, chunkSize));
    let syntaxError = false;
    try {
      reader.read();
    } catch (error) {
      if (!(error instanceof MalformedJson)) throw error;
      syntaxError = true;
    }
    const result = reader.result(syntaxError);
    if (!result.ok) return result;
    keepOpen = true;
    return { ok: true, opened: openedCorpus(fd, result.corpus, reader.offsets, reader.lengths) };
  } finally {
    if (!keepOpen) closeSync(fd);
  }
}
