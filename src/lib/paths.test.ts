import { describe, expect, it } from 'vitest';
import { paths } from './paths.ts';

describe('paths', () => {
  it('builds search and publication paths for the site and for embeds', () => {
    expect(paths.search('site')).toBe('/');
    expect(paths.search('site', { type: ['statement', 'report'], q: 'Вясна' })).toBe(
      '/?type=statement&type=report&q=%D0%92%D1%8F%D1%81%D0%BD%D0%B0',
    );
    expect(paths.search('embed', { org: 'viasna' })).toBe('/embed?org=viasna');
    expect(paths.publication('site', 'some-id')).toBe('/publications/some-id');
    expect(paths.publication('embed', 'some-id')).toBe('/embed/publications/some-id');
  });

  it('names the embed script and the feeds', () => {
    expect(paths.embedScript()).toBe('/embed.js');
    expect(paths.feed()).toBe('/feeds/all.atom');
    expect(paths.feed({ org: 'viasna' })).toBe('/feeds/org/viasna.atom');
    expect(paths.feed({ type: 'press-release' })).toBe('/feeds/type/press-release.atom');
  });
});
