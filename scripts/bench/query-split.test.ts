import { describe, expect, it } from 'vitest';
import { splitOf, splitTable, type Span } from './query-split.ts';

describe('the split of a cold query', () => {
  // Asked at 1000, settled at 1400; the worker's spans in between.
  const spans: Span[] = [
    ['wait:directory', 1010, 1060],
    ['wait:block', 1060, 1160],
    // A second block side by side with the first: the wait counts once.
    ['wait:block', 1080, 1150],
    ['decode', 1160, 1170],
    ['score', 1200, 1300],
    // Before the question (the page's own load): left out.
    ['wait:columns', 500, 700],
  ];
  const split = splitOf(spans, 1000, 1400);

  it('counts overlapping spans of a phase once', () => {
    expect(split.waits).toBe(150);
    expect(split.byKind).toEqual({ directory: 50, block: 100 });
  });

  it('puts the time before and after the worker on either side', () => {
    expect(split.toWorker).toBe(10);
    expect(split.toScreen).toBe(100);
    expect(split.decode).toBe(10);
    expect(split.score).toBe(100);
    // 1170–1200 in no span.
    expect(split.between).toBe(30);
    expect(split.total).toBe(400);
  });

  it('gives the whole time to the page when the worker left no span', () => {
    expect(splitOf([], 0, 250)).toMatchObject({ toScreen: 250, waits: 0, total: 250 });
  });

  it('prints each phase and each kind of file', () => {
    const text = splitTable([split, splitOf(spans, 1000, 1500)]);
    expect(text).toMatch(/… block\s+100 ms/);
    expect(text).toMatch(/total\s+400 ms\s+500 ms/);
  });
});
