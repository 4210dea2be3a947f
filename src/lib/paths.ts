/**
 * Every internal link is built here, for the full site and for the embed subtree, so nothing
 * concatenates URLs by hand. Paths are relative to the router's basename (BASE_PATH); `href`
 * adds it, for the few links that are plain anchors. Pure: features, the embed and the app all
 * link through it (React's side of it is in link-scope.tsx).
 */

export type LinkScope = 'site' | 'embed';

const EMBED_PREFIX = '/embed';

export type Query = URLSearchParams | Record<string, string | readonly string[]>;

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  if (query instanceof URLSearchParams) {
    query.forEach((value, key) => params.append(key, value));
  } else {
    for (const [key, value] of Object.entries(query)) {
      for (const item of typeof value === 'string' ? [value] : value) params.append(key, item);
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const paths = {
  search: (scope: LinkScope, query?: Query) =>
    `${scope === 'embed' ? EMBED_PREFIX : '/'}${queryString(query)}`,
  /** With `hl`, the page in that interface language (the canonical link has none). */
  publication: (scope: LinkScope, id: string, hl?: string) =>
    `${scope === 'embed' ? EMBED_PREFIX : ''}/publications/${encodeURIComponent(id)}${hl ? `?hl=${hl}` : ''}`,
  /** The script host pages include to embed the app (docs/embedding.md). */
  embedScript: () => '/embed.js',
  /** An Atom feed of the latest publications (all, or of one type or organization). */
  feed: (filter?: { type: string } | { org: string }) => {
    if (!filter) return '/feeds/all.atom';
    return 'type' in filter
      ? `/feeds/type/${encodeURIComponent(filter.type)}.atom`
      : `/feeds/org/${encodeURIComponent(filter.org)}.atom`;
  },
};

const BASENAME = import.meta.env.BASE_URL.replace(/\/$/, '');

/** A router path as an address the browser can load: with the base path in front. */
export function href(path: string): string {
  return `${BASENAME}${path}`;
}

export function scopeOf(pathname: string): LinkScope {
  return pathname === EMBED_PREFIX || pathname.startsWith(`${EMBED_PREFIX}/`) ? 'embed' : 'site';
}

/**
 * The address of a router path on this site, for links that leave the page (share, embed). The
 * build's pre-render knows the site's origin only from SITE_URL; without it ("null") the path.
 */
export function absoluteUrl(path: string): string {
  const origin = window.location.origin;
  if (!origin || origin === 'null') return href(path);
  return new URL(href(path), origin).href;
}
