import { describe, expect, it } from 'vitest';
import { corpusFixture } from '../testing/corpus-fixture.ts';
import { FEED_SIZE, atomFeeds } from './atom-feeds.ts';
import type { Corpus } from './schema.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

/** Parses with the XML parser a feed reader would use; a malformed feed fails here. */
function parse(text: string): Document {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  return document;
}

function children(element: Element, name: string): Element[] {
  return [...element.children].filter(
    (child) => child.localName === name && child.namespaceURI === ATOM,
  );
}

describe('atomFeeds', () => {
  const feeds = atomFeeds(corpusFixture, { siteUrl: 'https://archive.example/archive', base: '/' });

  it('writes the whole archive, every type and every organization', () => {
    expect([...feeds.keys()].sort()).toEqual(
      [
        'feeds/all.atom',
        ...corpusFixture.types.map((type) => `feeds/type/${type.id}.atom`),
        ...corpusFixture.organizations.map((org) => `feeds/org/${org.id}.atom`),
      ].sort(),
    );
  });

  it('is Atom: the required elements, newest first, absolute links', () => {
    const feed = parse(feeds.get('feeds/org/viasna.atom') ?? '').documentElement;
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe(ATOM);
    for (const name of ['title', 'id', 'updated']) expect(children(feed, name)).toHaveLength(1);
    const entries = children(feed, 'entry');
    const viasna = corpusFixture.publications.filter((p) => p.organizations.includes('viasna'));
    expect(entries).toHaveLength(viasna.length);
    for (const entry of entries) {
      for (const name of ['title', 'id', 'updated']) expect(children(entry, name)).toHaveLength(1);
      expect(children(entry, 'author').length).toBeGreaterThan(0);
      expect(children(entry, 'link')[0]?.getAttribute('href')).toMatch(
        /^https:\/\/archive\.example\/archive\/publications\/[a-z0-9-]+$/,
      );
    }
    const updated = entries.map((entry) => children(entry, 'updated')[0]?.textContent ?? '');
    expect(updated).toEqual([...updated].sort().reverse());
    expect(updated[0]).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
  });

  it('keeps the latest fifty, and escapes what the corpus writes', () => {
    const many: Corpus = {
      ...corpusFixture,
      publications: Array.from({ length: 60 }, (_, index) => ({
        id: `p-${index}`,
        title: `<script>alert(${index})</script> & "quotes"`,
        type: 'statement',
        organizations: [],
        date: `2020-01-${String((index % 28) + 1).padStart(2, '0')}`,
      })),
    };
    const feed = parse(atomFeeds(many, { base: '/' }).get('feeds/all.atom') ?? '').documentElement;
    const entries = children(feed, 'entry');
    expect(entries).toHaveLength(FEED_SIZE);
    expect(children(entries[0] as Element, 'title')[0]?.textContent).toMatch(/^<script>alert/);
    expect(feed.getElementsByTagName('script')).toHaveLength(0);
    // Without a site URL, links are relative to the base path and ids are URNs.
    expect(children(entries[0] as Element, 'id')[0]?.textContent).toMatch(/^urn:/);
    expect(children(entries[0] as Element, 'link')[0]?.getAttribute('href')).toMatch(
      /^\/publications\//,
    );
  });
});
