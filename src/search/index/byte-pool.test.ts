// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BytePool } from './byte-pool.ts';
import { VarintReader } from './varint.ts';

describe('BytePool', () => {
  it('keeps many interleaved streams apart, each in the order written', () => {
    const pool = new BytePool();
    const streams = Array.from({ length: 3000 }, () => pool.create());
    const expected = streams.map(() => [] as number[]);
    // Streams grow at different rates, across slices and pages.
    for (let round = 0; round < 400; round++) {
      streams.forEach((stream, index) => {
        if (round % (1 + (index % 7)) !== 0) return;
        const value = (round * 7919 + index * 104729) % 1_000_000;
        pool.writeVarint(stream, value);
        expected[index]?.push(value);
      });
    }
    streams.forEach((stream, index) => {
      const bytes = pool.read(stream);
      const reader = new VarintReader(bytes, 0);
      const values: number[] = [];
      while (reader.position < bytes.length) values.push(reader.read());
      expect(values).toEqual(expected[index]);
    });
    expect(pool.bytes).toBeGreaterThan(1 << 20);
  });

  it('reads an empty stream as no bytes', () => {
    const pool = new BytePool();
    expect(pool.read(pool.create())).toEqual(new Uint8Array(0));
  });
});
