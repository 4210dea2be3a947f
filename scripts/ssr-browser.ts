import { JSDOM } from 'jsdom';

/**
 * What src/features/publication/sanitize-body.ts reads from the browser when it runs in the build
 * (docs/decisions/014-pages-as-files.md): `document` to build in, `window.location.origin` to tell
 * the site's own links and images from others' ("null" without SITE_URL: none are known). Nothing else: the app must still see no browser
 * (no `navigator`). For a worker thread that does nothing else: the globals stay.
 */
export function provideBrowserGlobals(siteUrl: string | undefined) {
  const address = siteUrl ?? 'http://localhost/';
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { url: address });
  const define = (name: string, value: unknown) =>
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  // Without SITE_URL the site's origin is unknown, not http://localhost: "null", as browsers
  // name an origin that is nobody's, so no absolute address in a body passes for the site's own.
  define('window', { location: { origin: siteUrl ? new URL(address).origin : 'null' } });
  define('document', window.document);
  define('navigator', undefined);
}
