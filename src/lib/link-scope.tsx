import { createContext, useContext } from 'react';
import { paths, queryString, type LinkScope, type Query } from './paths.ts';

/** Which subtree the page is in; layouts provide it, so links need not watch the location. */
export const LinkScopeContext = createContext<LinkScope>('site');

/**
 * An embed's fixed parameters (locked filters with their values, `lock`, `theme`): every search
 * link inside the embed carries them, so no link leads out of the scope its host set.
 */
export const EmbedParametersContext = createContext<URLSearchParams | null>(null);

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
