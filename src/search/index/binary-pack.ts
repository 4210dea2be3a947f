/**
 * A small container for typed arrays: the search index and the filter columns travel as binary,
 * which is several times smaller than JSON numbers and needs no parsing, only views on the bytes.
 *
 * Layout: "SEX1", a little-endian u32 with the length of a UTF-8 JSON header, the header
 * (`{ meta, sections: { name: [type, byteOffset, length] } }`), then each section aligned to 4.
 */

const MAGIC = 'SEX1';

type SectionType = 'u8' | 'u16' | 'u32';
export type Section = Uint8Array | Uint16Array | Uint32Array;

const CONSTRUCTORS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array } as const;

function typeOf(array: Section): SectionType {
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint16Array) return 'u16';
  return 'u32';
}

const align4 = (value: number) => (value + 3) & ~3;

export function pack(meta: unknown, sections: Record<string, Section>): Uint8Array {
  const layout: Record<string, [SectionType, number, number]> = {};
  let offset = 0;
  for (const [name, array] of Object.entries(sections)) {
    layout[name] = [typeOf(array), offset, array.length];
    offset = align4(offset + array.byteLength);
  }
  const header = new TextEncoder().encode(JSON.stringify({ meta, sections: layout }));
  const dataStart = align4(8 + header.length);
  const bytes = new Uint8Array(dataStart + offset);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, header.length, true);
  bytes.set(header, 8);
  for (const [name, array] of Object.entries(sections)) {
    const [, sectionOffset] = layout[name] ?? ['u8', 0, 0];
    bytes.set(
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
      dataStart + sectionOffset,
    );
  }
  return bytes;
}

export type Unpacked = { meta: unknown; sections: Map<string, Section> };

export class PackError extends Error {}

function isLayout(value: unknown): value is [SectionType, number, number] {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    (value[0] === 'u8' || value[0] === 'u16' || value[0] === 'u32') &&
    Number.isInteger(value[1]) &&
    Number.isInteger(value[2])
  );
}

export function unpack(buffer: ArrayBuffer): Unpacked {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) {
    throw new PackError('not a packed data file');
  }
  const headerLength = new DataView(buffer).getUint32(4, true);
  const header: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  if (typeof header !== 'object' || header === null || !('sections' in header)) {
    throw new PackError('packed data file without sections');
  }
  const dataStart = align4(8 + headerLength);
  const sections = new Map<string, Section>();
  const layout = header.sections;
  if (typeof layout !== 'object' || layout === null) throw new PackError('bad section table');
  for (const [name, entry] of Object.entries(layout)) {
    if (!isLayout(entry)) throw new PackError(`bad section ${name}`);
    const [type, offset, length] = entry;
    const Constructor = CONSTRUCTORS[type];
    const start = dataStart + offset;
    if (start + length * Constructor.BYTES_PER_ELEMENT > buffer.byteLength) {
      throw new PackError(`section ${name} runs past the end of the file`);
    }
    sections.set(name, new Constructor(buffer, start, length));
  }
  return { meta: 'meta' in header ? header.meta : undefined, sections };
}

/** Reads a named section of the expected type, or says which is missing. */
export function section<T extends SectionType>(
  unpacked: Unpacked,
  name: string,
  type: T,
): InstanceType<(typeof CONSTRUCTORS)[T]> {
  const found = unpacked.sections.get(name);
  if (!(found instanceof CONSTRUCTORS[type]))
    throw new PackError(`missing ${type} section ${name}`);
  return found as InstanceType<(typeof CONSTRUCTORS)[T]>;
}

/** Unsigned LEB128 integers, appended to a growable byte list. */
export class VarintWriter {
  private bytes: Uint8Array;
  length = 0;

  constructor(initialSize = 1024) {
    this.bytes = new Uint8Array(initialSize);
  }

  write(value: number) {
    let remaining = value;
    do {
      if (this.length === this.bytes.length) {
        const bigger = new Uint8Array(this.bytes.length * 2);
        bigger.set(this.bytes);
        this.bytes = bigger;
      }
      let byte = remaining & 0x7f;
      remaining = Math.floor(remaining / 128);
      if (remaining > 0) byte |= 0x80;
      this.bytes[this.length++] = byte;
    } while (remaining > 0);
  }

  /** Appends bytes as they are. */
  writeBytes(bytes: Uint8Array) {
    if (this.length + bytes.length > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + bytes.length));
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
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

/** Reads unsigned LEB128 integers from `bytes`, starting at `position`. */
export class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    public position: number,
  ) {}

  read(): number {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = this.bytes[this.position++] ?? 0;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  }

  /** The next `length` bytes as they are (a view, not a copy). */
  readBytes(length: number): Uint8Array {
    const bytes = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return bytes;
  }
}
