import { describe, expect, it } from 'vitest';
import { sanitizeBody } from './sanitize-body.ts';

const origin = 'https://explorer.example.org';

function sanitized(html: string, sourceUrl?: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = sanitizeBody(html, { sourceUrl, origin });
  return container;
}

describe('sanitizeBody', () => {
  it('keeps the structure of a publication', () => {
    const body = sanitized(
      '<h2>Verdict</h2><p>On <em>3 March</em> the <strong>court</strong>…</p>' +
        '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>quote</blockquote>' +
        '<table><thead><tr><th scope="col">Name</th></tr></thead><tbody><tr><td>Ales</td></tr></tbody></table>',
    );
    for (const selector of [
      'h3',
      'p em',
      'p strong',
      'ul li',
      'ol li',
      'blockquote',
      'table th',
      'table td',
    ]) {
      expect(body.querySelector(selector), selector).not.toBeNull();
    }
  });

  it('drops scripts, handlers, iframes, forms and styles', () => {
    const body = sanitized(
      '<p onclick="alert(1)" style="color:red">text</p><script>alert(1)</script>' +
        '<iframe src="https://evil.example"></iframe><form action="/x"><input name="a"><button>Go</button></form>' +
        '<style>body{display:none}</style><svg><script>alert(2)</script></svg><object data="x"></object>',
    );
    expect(body.innerHTML).toBe('<p>text</p>');
  });

  it('removes javascript: and other non-web links but keeps the text', () => {
    const body = sanitized(
      '<a href="javascript:alert(1)">one</a><a href="JaVaScRiPt:alert(1)">two</a><a href="data:text/html,x">three</a>',
    );
    expect(body.querySelectorAll('a[href]')).toHaveLength(0);
    expect(body.textContent).toBe('onetwothree');
  });

  it('opens external links in a new tab without passing the referrer', () => {
    const link = sanitized('<a href="https://spring96.org/en/news/1">Viasna</a>').querySelector(
      'a',
    );
    expect(link?.getAttribute('href')).toBe('https://spring96.org/en/news/1');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('resolves relative links against the source page', () => {
    const link = sanitized(
      '<a href="/en/news/2">more</a>',
      'https://spring96.org/en/news/1',
    ).querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://spring96.org/en/news/2');
  });

  it('turns images from other sites into links, so nothing is requested from them', () => {
    const body = sanitized(
      '<p><img src="https://tracker.example/pixel.gif" alt="Protest in Minsk"></p>',
    );
    expect(body.querySelector('img')).toBeNull();
    const link = body.querySelector('a');
    expect(link?.textContent).toBe('Image: Protest in Minsk (on tracker.example)');
    expect(link?.getAttribute('href')).toBe('https://tracker.example/pixel.gif');
  });

  it('keeps images from the app’s own origin', () => {
    const image = sanitized('<img src="/images/chart.png" alt="Chart">').querySelector('img');
    expect(image?.getAttribute('src')).toBe('/images/chart.png');
    expect(image?.getAttribute('alt')).toBe('Chart');
  });

  it('keeps absolute images of the app’s own origin, and none where that is not known', () => {
    const html =
      '<img src="https://explorer.example.org/a.png" alt="A"><img src="http://localhost/b.png" alt="B"><img src="c.png" alt="C">';
    const here = sanitized(html);
    expect([...here.querySelectorAll('img')].map((image) => image.getAttribute('alt'))).toEqual([
      'A',
      'C',
    ]);
    // The build without SITE_URL knows no origin of its own ("null"): http://localhost is
    // someone else's, as it is for every reader.
    const container = document.createElement('div');
    container.innerHTML = sanitizeBody(html, { origin: 'null' });
    expect(
      [...container.querySelectorAll('img')].map((image) => image.getAttribute('alt')),
    ).toEqual(['C']);
    expect(container.querySelector('a.external-image')?.getAttribute('href')).toBe(
      'https://explorer.example.org/a.png',
    );
    expect(container.textContent).toContain('Image: B (on localhost)');
  });

  it('demotes headings so the page keeps one h1', () => {
    const body = sanitized('<h1>Title again</h1><h2>Part</h2><h6>Small</h6>');
    expect(body.querySelector('h1')).toBeNull();
    expect(body.querySelector('h2')?.textContent).toBe('Title again');
    expect(body.querySelector('h3')?.textContent).toBe('Part');
    expect(body.querySelector('h6')?.textContent).toBe('Small');
  });
});
