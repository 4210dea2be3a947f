import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-bytes.ts';
import { LIMITS } from './limits.ts';
import type { PathKeys } from './problems.ts';

/**
 * What JSON.parse lets pass without a word, found in the bytes of a JSON value it has just read
 * (so known to be valid): a key its object has already (JSON.parse keeps the later value), a
 * number beyond ±1.8e308 (read as Infinity, written as null), and arrays and objects nested
 * deeper than `LIMITS.depth` (the build's JSON.stringify overflows the stack some thousands deep).
 * The stream reader checks each value it parses with it; offsets are offsets in the file.
 */
export type ValueFinding =
  | { kind: 'duplicate-key'; keys: PathKeys; first: number; again: number }
  | { kind: 'overflow'; keys: PathKeys; literal: string }
  | { kind: 'too-deep'; at: number };

/** What a byte of valid JSON outside strings is to the walk (0: whitespace, colon: nothing). */
const STRING = 1;
const OPEN = 2;
const CLOSE = 3;
const NEXT = 4;
const PRIMITIVE = 5;
const BYTE_CLASS = new Uint8Array(256);
for (const char of '0123456789-+.eEtruefalsn') BYTE_CLASS[char.charCodeAt(0)] = PRIMITIVE;
BYTE_CLASS[QUOTE] = STRING;
BYTE_CLASS[OPEN_BRACE] = OPEN;
BYTE_CLASS[OPEN_BRACKET] = OPEN;
BYTE_CLASS[CLOSE_BRACE] = CLOSE;
BYTE_CLASS[CLOSE_BRACKET] = CLOSE;
BYTE_CLASS[COMMA] = NEXT;

/** The end of the string whose opening quote is at `at` (the value is valid: it has one). */
function stringEnd(bytes: Uint8Array, at: number): number {
  let quote = at;
  for (;;) {
    quote = bytes.indexOf(QUOTE, quote + 1);
    let backslash = quote - 1;
    while (bytes[backslash] === BACKSLASH) backslash--;
    if ((quote - 1 - backslash) % 2 === 0) return quote + 1;
  }
}

const ascii = new TextDecoder('latin1');
const utf8 = new TextDecoder();

/** The text of the key whose quotes are at `start` and `end - 1`. */
function keyText(bytes: Uint8Array, start: number, end: number): string {
  // Keys are short and mostly ASCII: built a character at a time, faster than a decoder.
  let key = '';
  for (let at = start + 1; at < end - 1; at++) {
    const byte = bytes[at] ?? 0;
    if (byte === BACKSLASH || byte >= 0x80) {
      return JSON.parse(utf8.decode(bytes.subarray(start, end))) as string;
    }
    key += String.fromCharCode(byte);
  }
  return key;
}

/** Whether the number `bytes[start, end)` is beyond ±1.8e308 (JSON.parse reads it as Infinity). */
function overflows(bytes: Uint8Array, start: number, end: number): boolean {
  // 15 digits without an exponent always fit.
  if (end - start <= 15 && !bytes.subarray(start, end).some((byte) => (byte | 0x20) === 0x65)) {
    return false;
  }
  return !Number.isFinite(Number(ascii.decode(bytes.subarray(start, end))));
}

const isNumberStart = (byte: number) => byte === 0x2d || (byte >= 0x30 && byte <= 0x39);

/**
 * Checks the valid JSON value in `bytes[start, end)`, found at path `keys` inside `depth` arrays
 * and objects, `bytes[0]` being byte `fileOffset` of the file. Reports what it finds in document
 * order; stops at the first container nested too deep.
 */
export function checkValue(
  bytes: Uint8Array,
  start: number,
  end: number,
  value: { keys: PathKeys; depth: number; fileOffset: number },
  report: (finding: ValueFinding) => void,
): void {
  // The open containers, innermost last: the path to each value in them, and for an object its
  // keys so far (an array's entry is undefined) and whether a key comes next.
  const path: (string | number)[] = [...value.keys];
  const objectKeys: (Map<string, number> | undefined)[] = [];
  let keyNext = false;
  for (let at = start; at < end;) {
    const byte = bytes[at] ?? 0;
    const kind = BYTE_CLASS[byte];
    if (kind === 0) {
      at++;
    } else if (kind === STRING) {
      const after = stringEnd(bytes, at);
      const keys = keyNext ? objectKeys[objectKeys.length - 1] : undefined;
      if (keys) {
        const key = keyText(bytes, at, after);
        path[path.length - 1] = key;
        keyNext = false;
        const first = keys.get(key);
        if (first === undefined) keys.set(key, value.fileOffset + at);
        else
          report({ kind: 'duplicate-key', keys: [...path], first, again: value.fileOffset + at });
      }
      at = after;
    } else if (kind === OPEN) {
      if (value.depth + objectKeys.length + 1 > LIMITS.depth) {
        report({ kind: 'too-deep', at: value.fileOffset + at });
        return;
      }
      keyNext = byte === OPEN_BRACE;
      objectKeys.push(keyNext ? new Map() : undefined);
      path.push(0);
      at++;
    } else if (kind === CLOSE) {
      objectKeys.pop();
      path.pop();
      keyNext = false;
      at++;
    } else if (kind === NEXT) {
      if (objectKeys[objectKeys.length - 1]) keyNext = true;
      else path[path.length - 1] = (path[path.length - 1] as number) + 1;
      at++;
    } else {
      let after = at + 1;
      while (after < end && BYTE_CLASS[bytes[after] ?? 0] === PRIMITIVE) after++;
      if (isNumberStart(byte) && overflows(bytes, at, after)) {
        report({
          kind: 'overflow',
          keys: [...path],
          literal: ascii.decode(bytes.subarray(at, after)),
        });
      }
      at = after;
    }
  }
}
