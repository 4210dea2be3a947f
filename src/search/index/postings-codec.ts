import { VarintReader, VarintWriter } from './varint.ts';

/**
 * Postings lists and word positions as bytes (docs/index-format.md, "Postings"): text lists with
 * the fields a term stands in, body lists with how often, positions in chunks.
 */

// Postings lists. A text list holds, per publication, (gap × 8 + FIELD bits); a body list starts
// with its form: gaps, or a bitmap from its first publication when that is smaller, and says how
// often the term stands in each body, in four steps (FREQUENCY_STEPS).
const BODY_FORM = { gaps: 0, bitmap: 1 } as const;

/** How often a term stands in a body, in four steps: once, twice, 3–4 times, 5 times or more. */
export function frequencyStep(count: number): number {
  return count >= 5 ? 3 : count >= 3 ? 2 : count >= 2 ? 1 : 0;
}

/** The count each step stands for when ranking (a typical one of its range). */
export const FREQUENCY_STEPS: readonly number[] = [1, 2, 3.5, 6];

export function encodeTextPostings(docs: ArrayLike<number>, fields: ArrayLike<number>): Uint8Array {
  const out = new VarintWriter(docs.length * 2 + 4);
  let previous = -1;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] ?? 0;
    out.write((doc - previous - 1) * 8 + (fields[i] ?? 0));
    previous = doc;
  }
  return out.finish();
}

/**
 * A body list: the publications holding the term and, per publication, how often it stands in its
 * body (`steps`, from `frequencyStep`). Gaps form: per publication `(gap × 4 + step)`. Bitmap form:
 * the first publication, the bitmap's length in bytes, the bitmap, then the steps, four a byte
 * (low bits first), in publication order.
 */
export function encodeBodyPostings(docs: ArrayLike<number>, steps: ArrayLike<number>): Uint8Array {
  const count = docs.length;
  if (count === 0) return new Uint8Array([BODY_FORM.gaps]);
  const first = docs[0] ?? 0;
  const last = docs[count - 1] ?? 0;
  const bitmapBytes = Math.ceil((last - first + 1) / 8);
  const stepBytes = Math.ceil(count / 4);
  const gaps = new VarintWriter(count * 2 + 4);
  gaps.write(BODY_FORM.gaps);
  let previous = -1;
  for (let i = 0; i < count; i++) {
    const doc = docs[i] ?? 0;
    gaps.write((doc - previous - 1) * 4 + (steps[i] ?? 0));
    previous = doc;
  }
  if (gaps.length <= bitmapBytes + stepBytes + 8) return gaps.finish();
  const head = new VarintWriter(16);
  head.write(BODY_FORM.bitmap);
  head.write(first);
  head.write(bitmapBytes);
  const out = new Uint8Array(head.length + bitmapBytes + stepBytes);
  out.set(head.view());
  const stepsAt = head.length + bitmapBytes;
  for (let i = 0; i < count; i++) {
    const bit = (docs[i] ?? 0) - first;
    const at = head.length + (bit >> 3);
    out[at] = (out[at] ?? 0) | (1 << (bit & 7));
    const stepAt = stepsAt + (i >> 2);
    out[stepAt] = (out[stepAt] ?? 0) | ((steps[i] ?? 0) << ((i & 3) * 2));
  }
  return out;
}

/**
 * A decoded list: the publications, and per publication either the FIELD bits it holds the term
 * in (text lists) or how often the term stands in its body, as a step (body lists).
 */
export type DecodedPostings = {
  docs: Uint32Array;
  fields: Uint8Array | null;
  steps: Uint8Array | null;
};

export function decodeTextPostings(bytes: Uint8Array): DecodedPostings {
  const docs: number[] = [];
  const fields: number[] = [];
  const reader = new VarintReader(bytes, 0);
  let previous = -1;
  while (reader.position < bytes.length) {
    const value = reader.read();
    previous += Math.floor(value / 8) + 1;
    docs.push(previous);
    fields.push(value & 7);
  }
  return { docs: Uint32Array.from(docs), fields: Uint8Array.from(fields), steps: null };
}

export function decodeBodyPostings(bytes: Uint8Array): DecodedPostings {
  const reader = new VarintReader(bytes, 0);
  const form = reader.read();
  const docs: number[] = [];
  const steps: number[] = [];
  if (form === BODY_FORM.bitmap) {
    const first = reader.read();
    const bitmapBytes = reader.read();
    const start = reader.position;
    const end = start + bitmapBytes;
    if (end > bytes.length) throw new RangeError('body postings: the bitmap runs past the end');
    for (let at = start; at < end; at++) {
      const byte = bytes[at] ?? 0;
      if (byte === 0) continue;
      for (let bit = 0; bit < 8; bit++) {
        if (byte & (1 << bit)) docs.push(first + (at - start) * 8 + bit);
      }
    }
    if (end + Math.ceil(docs.length / 4) > bytes.length) {
      throw new RangeError('body postings: the frequencies run past the end');
    }
    for (let i = 0; i < docs.length; i++) {
      steps.push(((bytes[end + (i >> 2)] ?? 0) >> ((i & 3) * 2)) & 3);
    }
  } else if (form === BODY_FORM.gaps) {
    let previous = -1;
    while (reader.position < bytes.length) {
      const value = reader.read();
      previous += Math.floor(value / 4) + 1;
      docs.push(previous);
      steps.push(value & 3);
    }
  } else {
    throw new RangeError(`body postings: unknown form ${form}`);
  }
  return { docs: Uint32Array.from(docs), fields: null, steps: Uint8Array.from(steps) };
}

/**
 * Positions of one posting, appended to a chunk: a count, then the gaps between them
 * (`positions[from … to)`). A chunk holds consecutive postings of a list.
 */
export function writePositions(
  out: VarintWriter,
  positions: readonly number[],
  from: number,
  to: number,
) {
  out.write(to - from);
  let previous = 0;
  for (let p = from; p < to; p++) {
    const position = positions[p] ?? 0;
    out.write(position - previous);
    previous = position;
  }
}

export function decodePositions(bytes: Uint8Array): number[][] {
  const reader = new VarintReader(bytes, 0);
  const lists: number[][] = [];
  while (reader.position < bytes.length) {
    const count = reader.read();
    const positions: number[] = [];
    let previous = 0;
    for (let i = 0; i < count; i++) {
      previous += reader.read();
      positions.push(previous);
    }
    lists.push(positions);
  }
  return lists;
}
