/**
 * Unsigned LEB128 integers ("varints"), the numbers of every binary data file
 * (docs/index-format.md): 7 bits a byte, low bits first, the high bit set on every byte but the
 * last. Numbers up to 2^53 − 1 (JavaScript's safe integers) are written and read exactly.
 */

/** Appends varints (and raw bytes) to a growable byte list. */
export class VarintWriter {
  private bytes: Uint8Array;
  length = 0;

  constructor(initialSize = 1024) {
    this.bytes = new Uint8Array(Math.max(1, initialSize));
  }

  private reserve(extra: number) {
    if (this.length + extra <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    bigger.set(this.bytes);
    this.bytes = bigger;
  }

  write(value: number) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`a varint must be a non-negative safe integer, not ${value}`);
    }
    let remaining = value;
    do {
      this.reserve(1);
      let byte = remaining % 128;
      remaining = Math.floor(remaining / 128);
      if (remaining > 0) byte |= 0x80;
      this.bytes[this.length++] = byte;
    } while (remaining > 0);
  }

  /** Appends bytes as they are. */
  writeBytes(bytes: Uint8Array) {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  /** What was written so far, without copying (valid until the next write). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/**
 * Reads varints from `bytes`, starting at `position`. A read that runs past the end of the bytes
 * throws: a file cut short or misread fails where it goes wrong, instead of yielding zeros.
 */
export class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    public position: number,
  ) {}

  /** Whether every byte has been read. */
  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  read(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.position >= this.bytes.length) {
        throw new RangeError(`varint past the end of ${this.bytes.length} bytes`);
      }
      const byte = this.bytes[this.position++] as number;
      value += (byte & 0x7f) * scale;
      if (!(byte & 0x80)) break;
      scale *= 128;
      if (scale > 2 ** 53) throw new RangeError('varint longer than a safe integer');
    }
    return value;
  }

  /** The next `length` bytes as they are (a view, not a copy). */
  readBytes(length: number): Uint8Array {
    if (this.position + length > this.bytes.length) {
      throw new RangeError(`${length} bytes past the end of ${this.bytes.length} bytes`);
    }
    const bytes = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return bytes;
  }
}
