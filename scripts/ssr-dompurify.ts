import createDOMPurify from 'dompurify';
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

// eslint-disable-next-line no-restricted-syntax -- it stands in for dompurify, whose export is the default
export default purify;
