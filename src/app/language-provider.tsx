import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { createBrowserRouter } from 'react-router';
import { loadedCatalog } from '../i18n/catalog.ts';
import { I18nContext } from '../i18n/i18n-context.tsx';
import { createI18n } from '../i18n/i18n.ts';
import {
  interfaceLanguageOf,
  languageForSearch,
  type InterfaceLanguage,
} from '../i18n/languages.ts';
import { startQuery } from '../lib/queries.ts';

type Router = Pick<ReturnType<typeof createBrowserRouter>, 'subscribe' | 'state'>;

/** The interface language for the router's location (`hl`, the browser, the corpus, English). */
export function routerLanguage(router: Router, queryClient: QueryClient): InterfaceLanguage {
  const corpus = queryClient.getQueryData(startQuery().queryKey)?.language;
  return languageForSearch(router.state.location.search, corpus);
}

/**
 * Gives every page the interface language of the current URL. Its catalog is loaded before a
 * page in it shows: before the first render (start.tsx) and by the root route's loader before a
 * navigation to another language commits. `<html lang>` follows.
 */
export function LanguageProvider({
  router,
  queryClient,
  language: fixed,
  children,
}: {
  router: Router;
  queryClient: QueryClient;
  /** The build's pre-render renders each page in every language, whatever its URL says. */
  language?: InterfaceLanguage | undefined;
  children: ReactNode;
}) {
  const chosen = useSyncExternalStore(
    (listener) => router.subscribe(listener),
    () => routerLanguage(router, queryClient),
    () => routerLanguage(router, queryClient),
  );
  const language = fixed ?? chosen;
  const catalog = loadedCatalog(language);
  if (!catalog) throw new Error(`The ${language} catalog was not loaded before the first render`);
  const i18n = useMemo(
    () => createI18n(interfaceLanguageOf(catalog.locale) ?? 'en', catalog),
    [catalog],
  );
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}
