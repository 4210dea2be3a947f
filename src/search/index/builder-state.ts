/**
 * The index builder's state as bytes, for the incremental build (docs/decisions/017-growing-
 * archive.md, "The incremental build"): a build saves its builder after the last publication,
 * and the next build of a corpus that begins with the same publications restores it and adds
 * only the new ones. Values are written and read back in the same order: JSON for strings and
 * small values, typed arrays as their bytes (the cache is read on the machine that wrote it).
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Typed = Uint8Array | Int32Array | Uint32Array | Float64Array;

export class StateWriter {
  private readonly values: unknown[] = [];
  private readonly arrays: Typed[] = [];

  value(value: unknown) {
    this.values.push(value);
  }

  array(array: Typed) {
    this.arrays.push(array);
  }

  /** The state as parts to write one after the other (no copy of the large arrays). */
  finish(): Uint8Array[] {
    const header = encoder.encode(
      JSON.stringify({ values: this.values, arrays: this.arrays.map((a) => a.byteLength) }),
    );
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, header.length);
    return [
      length,
      header,
      ...this.arrays.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)),
    ];
  }
}

export class StateReader {
  private readonly values: unknown[];
  private readonly lengths: number[];
  private nextValue = 0;
  private nextArray = 0;
  private offset: number;

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 4) throw new Error('the index state is cut short');
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
    const header: unknown = JSON.parse(decoder.decode(bytes.subarray(4, 4 + headerLength)));
    if (
      typeof header !== 'object' ||
      header === null ||
      !('values' in header) ||
      !('arrays' in header) ||
      !Array.isArray(header.values) ||
      !Array.isArray(header.arrays)
    ) {
      throw new Error('the index state has no header');
    }
    this.values = header.values;
    this.lengths = header.arrays.map(Number);
    this.offset = 4 + headerLength;
  }

  value(): unknown {
    if (this.nextValue >= this.values.length) throw new Error('the index state is cut short');
    return this.values[this.nextValue++];
  }

  number(): number {
    const value = this.value();
    if (typeof value !== 'number') throw new Error('the index state is not what this code wrote');
    return value;
  }

  strings(): string[] {
    const value = this.value();
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw new Error('the index state is not what this code wrote');
    }
    return value;
  }

  private bytesOf(): ArrayBuffer {
    const length = this.lengths[this.nextArray++];
    if (length === undefined || this.offset + length > this.bytes.length) {
      throw new Error('the index state is cut short');
    }
    const start = this.bytes.byteOffset + this.offset;
    this.offset += length;
    // A copy: aligned for any typed array, and free of the file's buffer.
    return this.bytes.buffer.slice(start, start + length) as ArrayBuffer;
  }

  uint8(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.bytesOf());
  }

  int32(): Int32Array<ArrayBuffer> {
    return new Int32Array(this.bytesOf());
  }

  uint32(): Uint32Array<ArrayBuffer> {
    return new Uint32Array(this.bytesOf());
  }

  float64(): Float64Array<ArrayBuffer> {
    return new Float64Array(this.bytesOf());
  }

  /** Fails unless every value and array has been read. */
  end() {
    if (this.nextValue !== this.values.length || this.nextArray !== this.lengths.length) {
      throw new Error('the index state is not what this code wrote');
    }
  }
}
