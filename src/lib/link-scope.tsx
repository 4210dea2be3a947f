import { createContext, useContext } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
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

/** `query` with the interface language as `hl`, last: every link keeps the reader's language. */
export function withLanguage(query: Query | undefined, language: string): URLSearchParams {
  const params = new URLSearchParams(queryString(query));
  params.delete('hl');
  params.set('hl', language);
  return params;
}

/**
 * The path builders for the subtree the current page is in, so links stay inside `/embed`, and
 * in the interface language: every link carries an explicit `hl`.
 */
export function usePaths() {
  const scope = useContext(LinkScopeContext);
  const fixed = useContext(EmbedParametersContext);
  const { language } = useI18n();
  return {
    scope,
    search: (query?: Query) =>
      paths.search(
        scope,
        withLanguage(scope === 'embed' ? withFixed(query, fixed) : query, language),
      ),
    publication: (id: string) => paths.publication(scope, id, language),
  };
}
