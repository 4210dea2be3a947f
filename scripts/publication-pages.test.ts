import { describe, expect, it } from 'vitest';
import {
  archiveNameIn,
  pageLanguage,
  publicationAddress,
  publicationHeadTags,
  publicationPageHtml,
  startHeadTags,
} from './publication-pages.ts';

const head = {
  id: 'a-1',
  title: 'Title <b>"x"</b>',
  summary: 'A summary & more.',
  date: '2024-05',
  language: 'en',
  archiveName: 'Archive',
  translations: [{ id: 'a-1-be', language: 'be' }],
};

describe('publication pages', () => {
  it('are in the corpus language where the app has it, else English', () => {
    expect(pageLanguage('be')).toBe('be');
    expect(pageLanguage('ru-RU')).toBe('ru');
    expect(pageLanguage('uk')).toBe('en');
    expect(pageLanguage(undefined)).toBe('en');
  });

  it("name the archive in the page's language where the corpus does", () => {
    const start = { name: 'Archive', names: { be: 'Архіў', ru: '' } };
    expect(archiveNameIn(start, 'be')).toBe('Архіў');
    expect(archiveNameIn(start, 'ru')).toBe('Archive');
    expect(archiveNameIn(start, 'en')).toBe('Archive');
    expect(archiveNameIn({ name: 'Archive' }, 'be')).toBe('Archive');
  });

  it('are addressed under the base path, or absolutely under SITE_URL', () => {
    expect(publicationAddress('a-1', { base: '/archive/' })).toBe('/archive/publications/a-1');
    expect(publicationAddress('a-1', { base: '/', siteUrl: 'https://x.org/archive' })).toBe(
      'https://x.org/archive/publications/a-1',
    );
  });

  it('carry a description, canonical link, Open Graph and hreflang, escaped', () => {
    const tags = publicationHeadTags(head, { base: '/' });
    expect(tags).toContain('<meta name="description" content="A summary &amp; more." />');
    expect(tags).toContain('<link rel="canonical" href="/publications/a-1" />');
    expect(tags).toContain(
      '<meta property="og:title" content="Title &lt;b&gt;&quot;x&quot;&lt;/b&gt;" />',
    );
    expect(tags).toContain('<meta property="article:published_time" content="2024-05" />');
    expect(tags).toContain('<link rel="alternate" hreflang="be" href="/publications/a-1-be" />');
    expect(tags).toContain('<link rel="alternate" hreflang="en" href="/publications/a-1" />');
    expect(tags).not.toContain('og:url');
    expect(publicationHeadTags(head, { base: '/', siteUrl: 'https://x.org/' })).toContain(
      '<meta property="og:url" content="https://x.org/publications/a-1" />',
    );
  });

  it('are the built index.html with the page in it and without the start data', () => {
    const template = `<html lang="en"><head><meta name="description" content="site" /><title>Site</title></head><body><script type="application/json" id="start">{"a":1}</script><div id="root"></div></body></html>`;
    const html = publicationPageHtml(template, {
      language: 'be',
      title: 'T $& x',
      headTags: '<meta name="description" content="d" />',
      root: '<h1>$1</h1>',
      bootTag: '<script src="/boot.js"></script>',
    });
    expect(html).toContain('<html lang="be" data-hl="be">');
    expect(html).toContain('<title>T $&amp; x</title>');
    expect(html.match(/name="description"/g)).toHaveLength(1);
    expect(html).not.toContain('application/json');
    expect(html).toContain('<div id="root"><h1>$1</h1></div>');
  });

  it('give the start page a preview of the archive, escaped, with og:url under SITE_URL', () => {
    const start = { archiveName: 'Архіў "A"', description: 'Пошук & больш' };
    const tags = startHeadTags(start, { base: '/' });
    expect(tags).toContain('<meta property="og:type" content="website" />');
    expect(tags).toContain('<meta property="og:title" content="Архіў &quot;A&quot;" />');
    expect(tags).toContain('<meta name="description" content="Пошук &amp; больш" />');
    expect(tags).not.toContain('og:url');
    expect(startHeadTags(start, { base: '/', siteUrl: 'https://x.org/archive' })).toContain(
      '<meta property="og:url" content="https://x.org/archive/" />',
    );
  });
});
