import { VarintReader } from './varint.ts';
import type { BytePool } from './byte-pool.ts';
import type { StateReader, StateWriter } from './builder-state.ts';
import { IN_BODY } from './format.ts';

/** The bit of a word's record that says it stands in the body (the others are FIELD bits). */
export const BODY_BIT = IN_BODY;

/** A growable typed array of unsigned 32-bit counts, one per word or stem. */
export class Counts {
  values = new Uint32Array(1024);

  save(state: StateWriter) {
    state.array(this.values);
  }

  restore(state: StateReader) {
    this.values = state.uint32();
  }

  ensure(size: number) {
    if (size <= this.values.length) return;
    const grown = new Uint32Array(Math.max(size, this.values.length * 2));
    grown.set(this.values);
    this.values = grown;
  }
}

/** A growable typed array of signed 32-bit numbers, filled with `fill`. */
export class Numbers {
  values: Int32Array;

  constructor(private readonly fill: number) {
    this.values = new Int32Array(1024).fill(fill);
  }

  save(state: StateWriter) {
    state.array(this.values);
  }

  restore(state: StateReader) {
    this.values = state.int32();
  }

  ensure(size: number) {
    if (size <= this.values.length) return;
    const grown = new Int32Array(Math.max(size, this.values.length * 2)).fill(this.fill);
    grown.set(this.values);
    this.values = grown;
  }
}

/** Postings decoded flat: per publication its bits, and where its positions are in the lists. */
export type Flat = {
  docs: number[];
  bits: number[];
  /** Per publication, how often the term stands in its body (0: not in the body). */
  bodyCounts: number[];
  /** Positions of publication `i` are `textPositions[textStarts[i] … textStarts[i + 1])`. */
  textStarts: number[];
  textPositions: number[];
  bodyStarts: number[];
  bodyPositions: number[];
};

function emptyFlat(): Flat {
  return {
    docs: [],
    bits: [],
    bodyCounts: [],
    textStarts: [0],
    textPositions: [],
    bodyStarts: [0],
    bodyPositions: [],
  };
}

/** Several words' postings as one: bits joined, positions merged, per publication. */
export function union(parts: readonly Flat[]): Flat {
  if (parts.length === 1) return parts[0] as Flat;
  const byDoc = new Map<
    number,
    { bits: number; bodyCount: number; text: Set<number>; body: Set<number> }
  >();
  for (const part of parts) {
    part.docs.forEach((doc, index) => {
      let known = byDoc.get(doc);
      if (!known) {
        byDoc.set(doc, (known = { bits: 0, bodyCount: 0, text: new Set(), body: new Set() }));
      }
      known.bits |= part.bits[index] ?? 0;
      known.bodyCount += part.bodyCounts[index] ?? 0;
      const text = part.textPositions.slice(part.textStarts[index], part.textStarts[index + 1]);
      const body = part.bodyPositions.slice(part.bodyStarts[index], part.bodyStarts[index + 1]);
      for (const position of text) known.text.add(position);
      for (const position of body) known.body.add(position);
    });
  }
  const flat = emptyFlat();
  for (const doc of [...byDoc.keys()].sort((a, b) => a - b)) {
    const known = byDoc.get(doc);
    if (!known) continue;
    flat.docs.push(doc);
    flat.bits.push(known.bits);
    flat.bodyCounts.push(known.bodyCount);
    flat.textPositions.push(...[...known.text].sort((a, b) => a - b));
    flat.bodyPositions.push(...[...known.body].sort((a, b) => a - b));
    flat.textStarts.push(flat.textPositions.length);
    flat.bodyStarts.push(flat.bodyPositions.length);
  }
  return flat;
}

/**
 * Terms (words, or stems) with one growing stream of postings each in the byte pool: a record a
 * publication, starting with its distance from the term's previous publication, then its bits.
 * With positions (words): for the text and then the body, where the bits say the term stands, the
 * count of positions and their gaps. Without (stems): the count of occurrences in the body, where
 * the bits say it stands there.
 */
export class TermStreams {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  private readonly streams = new Numbers(-1);
  private readonly last = new Numbers(-1);

  constructor(
    private readonly pool: BytePool,
    /** Whether records hold positions (words' do, stems' do not). */
    private readonly positions: boolean,
    /** Called with the number of terms as each new one comes, for the owner's own arrays. */
    private readonly added: (size: number) => void,
  ) {}

  /** The id of a term already added. */
  /** Writes the terms and their streams (builder-state.ts); the pool is saved on its own. */
  save(state: StateWriter) {
    state.value(this.terms);
    this.streams.save(state);
    this.last.save(state);
  }

  /** Restores what `save` wrote into streams made over the restored pool, still empty. */
  restore(state: StateReader) {
    if (this.terms.length > 0) throw new Error('terms restored into streams in use');
    for (const term of state.strings()) {
      this.ids.set(term, this.terms.length);
      this.terms.push(term);
    }
    this.streams.restore(state);
    this.last.restore(state);
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** The terms in index order (UTF-16 code units), as ids. */
  sortedIds(): number[] {
    return [...this.terms].sort().map((term) => this.ids.get(term) ?? -1);
  }

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.streams.ensure(id + 1);
      this.last.ensure(id + 1);
      this.streams.values[id] = this.pool.create();
      this.added(id + 1);
    }
    return id;
  }

  /** Starts a term's record for a publication; returns the stream to write the rest to. */
  begin(id: number, doc: number): number {
    const stream = this.streams.values[id] ?? 0;
    this.pool.writeVarint(stream, doc - (this.last.values[id] ?? -1) - 1);
    this.last.values[id] = doc;
    return stream;
  }

  /** A term's records, flat; with their positions if `keep` (phrases need them). */
  read(id: number, keep: boolean): Flat {
    const bytes = this.pool.read(this.streams.values[id] ?? 0);
    const reader = new VarintReader(bytes, 0);
    const flat = emptyFlat();
    let doc = -1;
    while (reader.position < bytes.length) {
      doc += reader.read() + 1;
      const bits = reader.read();
      flat.docs.push(doc);
      flat.bits.push(bits);
      let bodyCount = 0;
      if (!this.positions) {
        if (bits & BODY_BIT) bodyCount = reader.read();
      }
      for (const body of this.positions ? [false, true] : []) {
        if (!(bits & (body ? BODY_BIT : 7))) continue;
        const into = body ? flat.bodyPositions : flat.textPositions;
        const count = reader.read();
        if (body) bodyCount = count;
        let position = 0;
        for (let i = 0; i < count; i++) {
          position += reader.read();
          if (keep) into.push(position);
        }
      }
      flat.bodyCounts.push(bodyCount);
      flat.textStarts.push(flat.textPositions.length);
      flat.bodyStarts.push(flat.bodyPositions.length);
    }
    return flat;
  }
}
