import { createContext, useContext } from 'react';

/**
 * Every internal link is built here, for the full site and for the embed subtree, so nothing
 * concatenates URLs by hand. Paths are relative to the router's basename (BASE_PATH); `href`
 * adds it, for the few links that are plain anchors.
 */

export type LinkScope = 'site' | 'embed';

const EMBED_PREFIX = '/embed';

type Query = URLSearchParams | Record<string, string | readonly string[]>;

function queryString(query: Query | undefined): string {
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
  publication: (scope: LinkScope, id: string) =>
    `${scope === 'embed' ? EMBED_PREFIX : ''}/publications/${encodeURIComponent(id)}`,
};

const BASENAME = import.meta.env.BASE_URL.replace(/\/$/, '');

/** A router path as an address the browser can load: with the base path in front. */
export function href(path: string): string {
  return `${BASENAME}${path}`;
}

export function scopeOf(pathname: string): LinkScope {
  return pathname === EMBED_PREFIX || pathname.startsWith(`${EMBED_PREFIX}/`) ? 'embed' : 'site';
}

/** Which subtree the page is in; layouts provide it, so links need not watch the location. */
export const LinkScopeContext = createContext<LinkScope>('site');

/** The path builders for the subtree the current page is in, so links stay inside `/embed`. */
export function usePaths() {
  const scope = useContext(LinkScopeContext);
  return {
    scope,
    search: (query?: Query) => paths.search(scope, query),
    publication: (id: string) => paths.publication(scope, id),
  };
}
