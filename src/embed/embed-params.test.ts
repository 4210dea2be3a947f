import { describe, expect, it } from 'vitest';
import { embedParameters, parseLock } from './embed-params.ts';

describe('embed parameters', () => {
  it('keeps an embed’s locked values, its lock and its theme, and nothing else', () => {
    const fixed = embedParameters('?org=viasna&type=news&lock=org&theme=dark&q=x');
    expect(fixed.toString()).toBe('org=viasna&lock=org&theme=dark');
    expect(embedParameters('?org=viasna').toString()).toBe('');
  });

  it('reads lock as a list of known facets in canonical order', () => {
    expect(parseLock(['to,org', ' type ', 'nonsense'])).toEqual(['type', 'org', 'to']);
  });
});
