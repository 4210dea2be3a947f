import { indexFiles, type FileSink } from './files.ts';
import { PACK_FILE_BYTES, type PackKind } from './format.ts';

/** A stream of pack files: bytes appended, cut into files of a fixed size as they fill. */
export class PackWriter {
  private buffer: Uint8Array;
  private used = 0;
  private written = 0;
  files = 0;

  constructor(
    private readonly kind: PackKind,
    private readonly write: FileSink,
  ) {
    this.buffer = new Uint8Array(PACK_FILE_BYTES[kind]);
  }

  /** Appends bytes; returns where they start in the stream. */
  append(bytes: Uint8Array): number {
    const offset = this.written * this.buffer.length + this.used;
    let from = 0;
    while (from < bytes.length) {
      const room = this.buffer.length - this.used;
      const part = Math.min(room, bytes.length - from);
      this.buffer.set(bytes.subarray(from, from + part), this.used);
      this.used += part;
      from += part;
      if (this.used === this.buffer.length) this.flush();
    }
    return offset;
  }

  private flush() {
    if (this.used === 0) return;
    this.write(indexFiles.pack(this.kind, this.written), this.buffer.slice(0, this.used));
    this.written += 1;
    this.files = this.written;
    this.used = 0;
  }

  close() {
    this.flush();
  }
}
