import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { provideCatalog } from '../i18n/catalog.ts';
import { be } from '../i18n/catalogs/be.ts';
import { en } from '../i18n/catalogs/en.ts';
import { ru } from '../i18n/catalogs/ru.ts';

// Every catalog at once: tests render in any language without waiting for one to load.
provideCatalog('en', en);
provideCatalog('be', be);
provideCatalog('ru', ru);

// Pure tests run in Node; component tests in jsdom, which has no layout: scrolling is a no-op
// there rather than a "not implemented" error.
// The app's tests build their corpus's index first (src/testing/render-app.tsx): on a busy
// machine that can take longer than testing-library's default second.
configure({ asyncUtilTimeout: 15_000 });

if (typeof window !== 'undefined') {
  window.scrollTo = () => undefined;
  // jsdom has no media queries; tests see a wide screen unless they say otherwise.
  window.matchMedia ??= (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  });
  Element.prototype.scrollIntoView = () => undefined;
  afterEach(() => cleanup());
}
