import { describe, expect, it } from 'vitest';
import { embedParameters, embedSnippet, paths } from './paths.ts';

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

  it('keeps an embed’s locked values, its lock and its theme, and nothing else', () => {
    const fixed = embedParameters('?org=viasna&type=news&lock=org&theme=dark&q=x');
    expect(fixed.toString()).toBe('org=viasna&lock=org&theme=dark');
    expect(embedParameters('?org=viasna').toString()).toBe('');
  });

  it('writes an embed snippet with escaped attributes and the script from this site', () => {
    const snippet = embedSnippet({
      q: 'say "no" <b>',
      orgs: ['viasna', 'bhc'],
      types: [],
      from: '2020',
      lock: ['org'],
    });
    expect(snippet).toBe(
      '<div data-statement-explorer data-q="say &quot;no&quot; &lt;b>" data-org="viasna,bhc" data-from="2020" data-lock="org"></div>\n' +
        `<script src="${window.location.origin}/embed.js" async></script>`,
    );
  });
});
