import { JSDOM } from 'jsdom';

/**
 * What src/features/publication/sanitize-body.ts reads from the browser when it runs in the build
 * (docs/decisions/014-pages-as-files.md): `document` to build in, `window.location.origin` to tell
 * the site's own links and images from others'. Nothing else: the app must still see no browser
 * (no `navigator`). For a worker thread that does nothing else: the globals stay.
 */
export function provideBrowserGlobals(siteUrl: string | undefined) {
  const address = siteUrl ?? 'http://localhost/';
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { url: address });
  const define = (name: string, value: unknown) =>
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  define('window', { location: { origin: new URL(address).origin } });
  define('document', window.document);
  define('navigator', undefined);
}
