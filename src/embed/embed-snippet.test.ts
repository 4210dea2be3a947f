import { describe, expect, it } from 'vitest';
import { embedSnippet } from './embed-snippet.ts';

describe('embed snippet', () => {
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
