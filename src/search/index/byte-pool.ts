import type { StateReader, StateWriter } from './builder-state.ts';
/**
 * Many growing byte streams in a few large pages, for the index build: one stream a term, a
 * million terms, hundreds of megabytes in all (docs/index-format.md). A stream is a chain of
 * slices, each larger than the one before; the last four bytes of a full slice hold the address
 * of the next. Only three numbers per stream live outside the pages, in typed arrays, so the build
 * makes no object per term for its postings (Lucene's ByteBlockPool works the same way).
 */

const PAGE_BITS = 20;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;
/** Slice sizes by level (the last four bytes of each are the link to the next slice). */
const SLICE_SIZES = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096];
const LINK = 4;
/** Every slice size is a multiple of this, so every slice starts at one. */
const ALIGN = 16;

export class BytePool {
  private readonly pages: Uint8Array[] = [];
  /** Where the next new slice starts. */
  private top = 0;
  private count = 0;
  /** Per stream: first byte, next byte to write, end of the current slice's payload, level. */
  private starts = new Float64Array(1024);
  private positions = new Float64Array(1024);
  private ends = new Float64Array(1024);
  private levels = new Uint8Array(1024);

  get streams(): number {
    return this.count;
  }

  /** Bytes the pages hold, for reports. */
  get bytes(): number {
    return this.top;
  }

  private allocate(size: number): number {
    let address = this.top;
    // A slice never crosses a page.
    if ((address & PAGE_MASK) + size > PAGE_SIZE) address = this.pages.length * PAGE_SIZE;
    while (this.pages.length * PAGE_SIZE < address + size)
      this.pages.push(new Uint8Array(PAGE_SIZE));
    this.top = address + size;
    return address;
  }

  private grow() {
    const size = this.starts.length * 2;
    const grown = (old: Float64Array) => {
      const next = new Float64Array(size);
      next.set(old);
      return next;
    };
    this.starts = grown(this.starts);
    this.positions = grown(this.positions);
    this.ends = grown(this.ends);
    const levels = new Uint8Array(size);
    levels.set(this.levels);
    this.levels = levels;
  }

  /** A new, empty stream; returns its number. */
  create(): number {
    if (this.count === this.starts.length) this.grow();
    const stream = this.count++;
    const size = SLICE_SIZES[0] ?? 16;
    const address = this.allocate(size);
    this.starts[stream] = address;
    this.positions[stream] = address;
    this.ends[stream] = address + size - LINK;
    this.levels[stream] = 0;
    return stream;
  }

  private setByte(address: number, value: number) {
    (this.pages[Math.floor(address / PAGE_SIZE)] as Uint8Array)[address & PAGE_MASK] = value;
  }

  private byteAt(address: number): number {
    return (this.pages[Math.floor(address / PAGE_SIZE)] as Uint8Array)[address & PAGE_MASK] ?? 0;
  }

  /** Appends one byte to a stream. */
  writeByte(stream: number, value: number) {
    let position = this.positions[stream] ?? 0;
    if (position === this.ends[stream]) {
      const level = Math.min((this.levels[stream] ?? 0) + 1, SLICE_SIZES.length - 1);
      const size = SLICE_SIZES[level] ?? 4096;
      const next = this.allocate(size);
      // The link: the next slice's address, in the four bytes after the payload, in units of 16
      // bytes (slices start at multiples of 16), so that 32 bits reach 64 GB.
      const unit = next / ALIGN;
      for (let i = 0; i < LINK; i++) this.setByte(position + i, (unit >>> (8 * i)) & 0xff);
      this.levels[stream] = level;
      this.ends[stream] = next + size - LINK;
      position = next;
    }
    this.setByte(position, value);
    this.positions[stream] = position + 1;
  }

  /** Appends an unsigned integer as a varint (7 bits a byte, low bits first). */
  writeVarint(stream: number, value: number) {
    let rest = value;
    while (rest >= 0x80) {
      this.writeByte(stream, (rest & 0x7f) | 0x80);
      rest = Math.floor(rest / 128);
    }
    this.writeByte(stream, rest);
  }

  /** Writes the pool as it is (builder-state.ts). */
  save(state: StateWriter) {
    state.value([this.pages.length, this.top, this.count]);
    for (const page of this.pages) state.array(page);
    state.array(this.starts);
    state.array(this.positions);
    state.array(this.ends);
    state.array(this.levels);
  }

  /** Restores what `save` wrote into this pool, still empty. */
  restore(state: StateReader) {
    if (this.count > 0) throw new Error('a byte pool restored over one in use');
    const header = state.value();
    if (!Array.isArray(header) || header.length !== 3) throw new Error('no byte pool here');
    const [pages, top, count] = header.map(Number) as [number, number, number];
    for (let page = 0; page < pages; page++) this.pages.push(state.uint8());
    this.top = top;
    this.count = count;
    this.starts = state.float64();
    this.positions = state.float64();
    this.ends = state.float64();
    this.levels = state.uint8();
  }

  /** A stream's bytes, in order, as one array. */
  read(stream: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    let length = 0;
    let address = this.starts[stream] ?? 0;
    let level = 0;
    const last = this.positions[stream] ?? 0;
    for (;;) {
      const size = SLICE_SIZES[level] ?? 4096;
      const payloadEnd = address + size - LINK;
      const end = last >= address && last <= payloadEnd ? last : payloadEnd;
      const page = this.pages[Math.floor(address / PAGE_SIZE)] as Uint8Array;
      const chunk = page.subarray(address & PAGE_MASK, (address & PAGE_MASK) + (end - address));
      chunks.push(chunk);
      length += chunk.length;
      if (end === last) break;
      let unit = 0;
      for (let i = LINK - 1; i >= 0; i--) unit = unit * 256 + this.byteAt(payloadEnd + i);
      address = unit * ALIGN;
      level = Math.min(level + 1, SLICE_SIZES.length - 1);
    }
    if (chunks.length === 1) return (chunks[0] as Uint8Array).slice();
    const out = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
