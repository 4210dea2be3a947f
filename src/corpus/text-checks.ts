import { visit } from 'jsonc-parser';
import { LIMITS } from './limits.ts';
import type { ValueFinding } from './value-checks.ts';

/**
 * The whole-text reader's own way to find what JSON.parse lets pass (value-checks.ts says what
 * and why), in a text JSON.parse has accepted: a different walk from the stream's, so that the
 * readers check each other. Offsets are character offsets of the text.
 */

/**
 * The offset of the first `[` or `{` nested deeper than `LIMITS.depth`, or -1; in any text, JSON
 * or not (the syntax-error locator asks it too), counting every bracket outside strings.
 */
export function tooDeepAt(text: string): number {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '"') {
      // To the closing quote: one after an even number of backslashes.
      for (;;) {
        at = text.indexOf('"', at + 1);
        if (at < 0) return -1;
        let backslashes = 0;
        while (text[at - 1 - backslashes] === '\\') backslashes++;
        if (backslashes % 2 === 0) break;
      }
    } else if (char === '[' || char === '{') {
      if (++depth > LIMITS.depth) return at;
    } else if (char === ']' || char === '}') {
      depth--;
    }
  }
  return -1;
}

/**
 * Duplicate keys and numbers that overflow, in document order. The text must be nested no
 * deeper than `LIMITS.depth` (the parser's walk is recursive).
 */
export function textFindings(text: string): ValueFinding[] {
  const findings: ValueFinding[] = [];
  const objects: Map<string, number>[] = [];
  visit(text, {
    onObjectBegin: () => {
      objects.push(new Map());
    },
    onObjectEnd: () => {
      objects.pop();
    },
    onObjectProperty: (property, offset, _length, _line, _column, pathSupplier) => {
      const keys = objects.at(-1);
      const first = keys?.get(property);
      if (first === undefined) keys?.set(property, offset);
      else {
        findings.push({
          kind: 'duplicate-key',
          keys: [...pathSupplier(), property],
          first,
          again: offset,
        });
      }
    },
    onLiteralValue: (value: unknown, offset, length, _line, _column, pathSupplier) => {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        findings.push({
          kind: 'overflow',
          keys: pathSupplier(),
          literal: text.slice(offset, offset + length),
        });
      }
    },
  });
  return findings;
}
