// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { retrying } from './retrying.ts';

describe('retrying', () => {
  it('makes the promise once while it holds', async () => {
    let calls = 0;
    const load = retrying(async () => ++calls);
    expect(await Promise.all([load(), load()])).toEqual([1, 1]);
    expect(await load()).toBe(1);
    expect(calls).toBe(1);
  });

  it('makes it again after it failed', async () => {
    let calls = 0;
    const load = retrying(async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return calls;
    });
    await expect(load()).rejects.toThrow('offline');
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
  });
});
