// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { VarintReader, VarintWriter } from './varint.ts';

describe('varints', () => {
  it('are written as LEB128, low bits first', () => {
    const out = new VarintWriter(1);
    for (const value of [0, 1, 127, 128, 300, 16_384]) out.write(value);
    expect([...out.finish()]).toEqual([0, 1, 127, 0x80, 0x01, 0xac, 0x02, 0x80, 0x80, 0x01]);
  });

  it('read back what was written, up to the largest safe integer', () => {
    const values = [0, 5, 127, 128, 2 ** 21, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER];
    const out = new VarintWriter();
    for (const value of values) out.write(value);
    const reader = new VarintReader(out.finish(), 0);
    expect(values.map(() => reader.read())).toEqual(values);
    expect(reader.done).toBe(true);
  });

  it('refuse to write what is not a non-negative safe integer', () => {
    const out = new VarintWriter();
    for (const value of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => out.write(value)).toThrow();
  });

  it('throw when a read runs past the end, instead of reading zeros', () => {
    expect(() => new VarintReader(new Uint8Array([]), 0).read()).toThrow(RangeError);
    // A continuation bit on the last byte: the number is cut short.
    expect(() => new VarintReader(new Uint8Array([0x80]), 0).read()).toThrow(RangeError);
    expect(() => new VarintReader(new Uint8Array([1, 2]), 0).readBytes(3)).toThrow(RangeError);
  });

  it('throw on a number longer than a safe integer', () => {
    const bytes = new Uint8Array([...new Array<number>(9).fill(0xff), 0x01]);
    expect(() => new VarintReader(bytes, 0).read()).toThrow(RangeError);
  });
});
