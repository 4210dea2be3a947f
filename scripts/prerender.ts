import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/**
 * Renders the search page's first view into dist/index.html (docs/decisions/007-data-at-scale.md).
 * A small server-side build of src/app/prerender.tsx, with the client build's base and data
 * version, renders the same components the browser will hydrate.
 */

/**
 * Runs before the page is parsed. On any URL but the default view, the pre-rendered page is the
 * wrong one: the attribute hides it (see styles.css) until the app renders the right one.
 */
export const BOOT_SCRIPT = `(function () {
  var base = document.currentScript.getAttribute('data-base') || '/';
  var path = location.pathname;
  if ((path !== base && path + '/' !== base) || location.search) {
    document.documentElement.setAttribute('data-stale-snapshot', '');
  }
})();
`;

export async function prerenderIndex(options: {
  root: string;
  outDir: string;
  base: string;
  version: string;
  startJson: string;
  bootScript: string;
}) {
  const ssrDir = path.join(options.root, 'node_modules', '.cache', 'statement-explorer-prerender');
  await build({
    configFile: false,
    root: options.root,
    base: options.base,
    logLevel: 'warn',
    plugins: [react()],
    define: { __DATA_VERSION__: JSON.stringify(options.version) },
    build: {
      ssr: 'src/app/prerender.tsx',
      outDir: ssrDir,
      emptyOutDir: true,
      rollupOptions: { output: { entryFileNames: 'prerender.mjs' } },
    },
  });
  const module: unknown = await import(
    `${pathToFileURL(path.join(ssrDir, 'prerender.mjs')).href}?${Date.now()}`
  );
  if (
    typeof module !== 'object' ||
    module === null ||
    !('renderStartPage' in module) ||
    typeof module.renderStartPage !== 'function'
  ) {
    throw new Error('src/app/prerender.tsx must export renderStartPage');
  }
  const html: unknown = module.renderStartPage(JSON.parse(options.startJson));
  if (typeof html !== 'string') throw new Error('renderStartPage must return HTML');

  const indexFile = path.join(options.outDir, 'index.html');
  const index = readFileSync(indexFile, 'utf8');
  if (!index.includes('<div id="root"></div>')) throw new Error(`${indexFile} has no empty #root`);
  const boot = `<script src="${options.base}${options.bootScript}" data-base="${options.base}"></script>`;
  writeFileSync(
    indexFile,
    index
      .replace('<div id="root"></div>', `<div id="root">${html}</div>`)
      .replace('</title>', `</title>\n    ${boot}`),
  );
}
