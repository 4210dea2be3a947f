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

/**
 * An embed's fixed parameters (locked filters with their values, `lock`, `theme`): every search
 * link inside the embed carries them, so no link leads out of the scope its host set.
 */
export const EmbedParametersContext = createContext<URLSearchParams | null>(null);

const LOCKABLE = ['type', 'org', 'lang', 'from', 'to'];

/** The parameters of an embed's URL that must survive every link inside it. */
export function embedParameters(search: string): URLSearchParams {
  const params = new URLSearchParams(search);
  const fixed = new URLSearchParams();
  const locked = new Set((params.get('lock') ?? '').split(',').map((name) => name.trim()));
  for (const facet of LOCKABLE) {
    if (!locked.has(facet)) continue;
    for (const value of params.getAll(facet)) fixed.append(facet, value);
  }
  for (const key of ['lock', 'theme']) {
    const value = params.get(key);
    if (value) fixed.set(key, value);
  }
  return fixed;
}

function withFixed(query: Query | undefined, fixed: URLSearchParams | null): Query | undefined {
  if (!fixed || [...fixed.keys()].length === 0) return query;
  const params = new URLSearchParams(queryString(query));
  for (const key of new Set(fixed.keys())) params.delete(key);
  fixed.forEach((value, key) => params.append(key, value));
  return params;
}

/** The path builders for the subtree the current page is in, so links stay inside `/embed`. */
export function usePaths() {
  const scope = useContext(LinkScopeContext);
  const fixed = useContext(EmbedParametersContext);
  return {
    scope,
    search: (query?: Query) =>
      paths.search(scope, scope === 'embed' ? withFixed(query, fixed) : query),
    publication: (id: string) => paths.publication(scope, id),
  };
}

/** The address of a router path on this site, for links that leave the page (share, embed). */
export function absoluteUrl(path: string): string {
  return new URL(href(path), window.location.origin).href;
}

/** What an embed shows: the `data-*` attributes of docs/embedding.md. */
export type EmbedScope = {
  q?: string;
  types?: readonly string[];
  orgs?: readonly string[];
  langs?: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
  lock?: readonly string[];
  publication?: string;
};

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The HTML a site pastes to embed this view (docs/embedding.md). */
export function embedSnippet(scope: EmbedScope): string {
  const attributes: [string, string][] = [];
  const add = (name: string, value: string | readonly string[] | undefined) => {
    const text = typeof value === 'string' ? value.trim() : (value ?? []).join(',');
    if (text) attributes.push([name, text]);
  };
  add('data-publication', scope.publication);
  add('data-q', scope.q);
  add('data-type', scope.types);
  add('data-org', scope.orgs);
  add('data-lang', scope.langs);
  add('data-from', scope.from);
  add('data-to', scope.to);
  add('data-lock', scope.lock);
  const div = `<div data-statement-explorer${attributes
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('')}></div>`;
  return `${div}\n<script src="${absoluteUrl('/embed.js')}" async></script>`;
}
