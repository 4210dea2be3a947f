import createDOMPurify, { type Config } from 'dompurify';
import { JSDOM } from 'jsdom';

/**
 * DOMPurify on a jsdom window, for the build's pre-render of publication pages: Node has no DOM,
 * and DOMPurify without one would sanitize nothing. scripts/prerender.ts puts this module in the
 * place of `dompurify` in the server-side build, so that src/features/publication/sanitize-body.ts
 * sanitizes bodies at build time with the same allow-list as in the browser.
 */
const { window } = new JSDOM('<!doctype html><html><body></body></html>', {
  url: process.env.SITE_URL || 'http://localhost/',
});

const purify = createDOMPurify(window);
if (!purify.isSupported) throw new Error('DOMPurify cannot run on jsdom here');

/**
 * DOMPurify parses each body into a new document and returns the fragment there. In jsdom, the
 * first selector query on a document (sanitize-body.ts queries the fragment) gives it a selector
 * engine that adds listeners to the window and never removes them: every body's document stayed
 * alive and each query cost more than the last (10,000 pages took 12 minutes). Moved into the
 * window's own document, every fragment shares one engine; the nodes and their HTML are the same.
 */
const sanitize = purify.sanitize;
purify.sanitize = ((dirty: string | Node, config?: Config) => {
  const result: unknown = sanitize(dirty, config);
  return result instanceof window.DocumentFragment ? window.document.adoptNode(result) : result;
}) as typeof purify.sanitize;

// eslint-disable-next-line no-restricted-syntax -- it stands in for dompurify, whose export is the default
export default purify;
