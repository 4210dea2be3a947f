import type { en } from './catalogs/en.ts';
import type { InterfaceLanguage } from './languages.ts';

/**
 * A language's catalog: the English one's shape (docs/decisions/012-interface-languages.md).
 * Only the active language's catalog is loaded: each is a chunk of its own, fetched before the
 * first render and before a navigation to another language commits (the root route's loader).
 */
export type Catalog = typeof en;

const loaders: Record<InterfaceLanguage, () => Promise<Catalog>> = {
  en: () => import('./catalogs/en.ts').then((module) => module.en),
  be: () => import('./catalogs/be.ts').then((module) => module.be),
  ru: () => import('./catalogs/ru.ts').then((module) => module.ru),
};

const loaded = new Map<InterfaceLanguage, Catalog>();
const loading = new Map<InterfaceLanguage, Promise<Catalog>>();

/** Makes a catalog available at once (the pre-render and tests import theirs). */
export function provideCatalog(language: InterfaceLanguage, catalog: Catalog): void {
  loaded.set(language, catalog);
}

export function loadCatalog(language: InterfaceLanguage): Promise<Catalog> {
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  let promise = loading.get(language);
  if (!promise) {
    promise = loaders[language]().then(
      (catalog) => {
        loaded.set(language, catalog);
        return catalog;
      },
      (error: unknown) => {
        // A failed download (a flaky network) may be tried again.
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, promise);
  }
  return promise;
}

/** The catalog if loaded; else any loaded one, so a page is never without text. */
export function loadedCatalog(language: InterfaceLanguage): Catalog | undefined {
  return loaded.get(language) ?? loaded.values().next().value;
}
