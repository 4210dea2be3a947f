import { dateKey } from './dates.ts';
import type { Corpus, Publication } from './schema.ts';

/**
 * Atom feeds (RFC 4287) of the latest publications, written by the build: the whole archive, each
 * type, each organization. Journalists follow an organization in their feed reader.
 */

export const FEED_SIZE = 50;

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// Characters XML 1.0 does not allow at all: control characters but tab, newline and return.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML: what XML cannot hold dropped, the rest escaped. */
function xml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** A partial date as RFC 3339: the first day of its period, at midnight UTC. */
function timestamp(date: string): string {
  const key = dateKey(date) ?? 19700101;
  const text = String(key);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T00:00:00Z`;
}

export type FeedOptions = {
  /** Where the site is published, like https://archive.example.org/archive/ (SITE_URL). */
  siteUrl?: string | undefined;
  /** The base path, like /archive/ (BASE_PATH), for relative links when there is no site URL. */
  base: string;
};

type Feed = { path: string; title: string; searchQuery: string; publications: Publication[] };

function newestFirst(a: Publication, b: Publication): number {
  return (dateKey(b.date) ?? 0) - (dateKey(a.date) ?? 0) || (a.id < b.id ? -1 : 1);
}

export function atomFeeds(corpus: Corpus, options: FeedOptions): Map<string, string> {
  const root = options.siteUrl ? options.siteUrl.replace(/\/?$/, '/') : options.base;
  const address = (path: string) => `${root}${path.replace(/^\//, '')}`;
  const typeLabel = new Map(corpus.types.map((type) => [type.id, type.label]));
  const orgName = new Map(corpus.organizations.map((org) => [org.id, org.name]));
  const sorted = [...corpus.publications].sort(newestFirst);

  const feeds: Feed[] = [
    { path: 'feeds/all.atom', title: corpus.name, searchQuery: '', publications: sorted },
    ...corpus.types.map((type) => ({
      path: `feeds/type/${type.id}.atom`,
      title: `${type.label} — ${corpus.name}`,
      searchQuery: `?type=${encodeURIComponent(type.id)}`,
      publications: sorted.filter((publication) => publication.type === type.id),
    })),
    ...corpus.organizations.map((org) => ({
      path: `feeds/org/${org.id}.atom`,
      title: `${org.name} — ${corpus.name}`,
      searchQuery: `?org=${encodeURIComponent(org.id)}`,
      publications: sorted.filter((publication) => publication.organizations.includes(org.id)),
    })),
  ];

  const files = new Map<string, string>();
  for (const feed of feeds) {
    const entries = feed.publications.slice(0, FEED_SIZE);
    const updated = entries[0] ? timestamp(entries[0].date) : '1970-01-01T00:00:00Z';
    const feedId = options.siteUrl ? address(feed.path) : `urn:statement-explorer:${feed.path}`;
    const lines = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `  <title>${xml(feed.title)}</title>`,
      `  <id>${xml(feedId)}</id>`,
      `  <updated>${updated}</updated>`,
      `  <link rel="self" type="application/atom+xml" href="${xml(address(feed.path))}"/>`,
      `  <link rel="alternate" type="text/html" href="${xml(address(feed.searchQuery || '/'))}"/>`,
      '  <generator>Statement Explorer</generator>',
    ];
    for (const publication of entries) {
      const permalink = address(`publications/${encodeURIComponent(publication.id)}`);
      const entryId = options.siteUrl
        ? permalink
        : `urn:statement-explorer:publication:${publication.id}`;
      const authors = publication.organizations.map((id) => orgName.get(id) ?? id);
      lines.push(
        '  <entry>',
        `    <title>${xml(publication.title)}</title>`,
        `    <id>${xml(entryId)}</id>`,
        `    <link rel="alternate" type="text/html" href="${xml(permalink)}"/>`,
        ...(publication.url
          ? [`    <link rel="related" type="text/html" href="${xml(publication.url)}"/>`]
          : []),
        `    <updated>${timestamp(publication.date)}</updated>`,
        ...(authors.length > 0 ? authors : [corpus.name]).map(
          (name) => `    <author><name>${xml(name)}</name></author>`,
        ),
        `    <category term="${xml(publication.type)}" label="${xml(typeLabel.get(publication.type) ?? publication.type)}"/>`,
        ...(publication.summary ? [`    <summary>${xml(publication.summary)}</summary>`] : []),
        '  </entry>',
      );
    }
    lines.push('</feed>', '');
    files.set(feed.path, lines.join('\n'));
  }
  return files;
}
