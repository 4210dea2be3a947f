import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { build, type Plugin } from 'vite';
import { publicationFileSchema } from '../src/search/index/data-schemas.ts';
import {
  escapeHtml,
  pageLanguage,
  publicationHeadTags,
  publicationPageHtml,
} from './publication-pages.ts';

/**
 * Renders pages with the app's own components at build time (docs/decisions/007-data-at-scale.md,
 * 014-pages-as-files.md): the search page's first view into dist/index.html, and each
 * publication's page into dist/publications/<id>/index.html. A small server-side build of
 * src/app/prerender.tsx, with the client build's base and data version, renders the same
 * components the browser will hydrate.
 */

const SSR_DOMPURIFY = path.resolve('scripts/ssr-dompurify.ts');

/** `dompurify` imported by the app becomes DOMPurify on a jsdom window (scripts/ssr-dompurify.ts). */
function domPurifyOnJsdom(): Plugin {
  return {
    name: 'statement-explorer:ssr-dompurify',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'dompurify' || !importer || importer === SSR_DOMPURIFY) return null;
      return SSR_DOMPURIFY;
    },
  };
}

type PrerenderModule = {
  renderStartPage(start: unknown): string;
  renderPublicationPage(start: unknown, file: unknown): Promise<string>;
};

function isPrerenderModule(module: unknown): module is PrerenderModule {
  return (
    typeof module === 'object' &&
    module !== null &&
    'renderStartPage' in module &&
    typeof module.renderStartPage === 'function' &&
    'renderPublicationPage' in module &&
    typeof module.renderPublicationPage === 'function'
  );
}

async function loadPrerender(options: { root: string; base: string; version: string }) {
  const ssrDir = path.join(options.root, 'node_modules', '.cache', 'statement-explorer-prerender');
  await build({
    configFile: false,
    root: options.root,
    base: options.base,
    logLevel: 'warn',
    plugins: [domPurifyOnJsdom(), react()],
    define: { __DATA_VERSION__: JSON.stringify(options.version) },
    build: {
      ssr: 'src/app/prerender.tsx',
      outDir: ssrDir,
      emptyOutDir: true,
      // One file: a lazy route's chunk would import the entry without the query string that
      // makes each build's import fresh, and get a second copy of every module (and context).
      rollupOptions: { output: { entryFileNames: 'prerender.mjs', codeSplitting: false } },
    },
  });
  const module: unknown = await import(
    `${pathToFileURL(path.join(ssrDir, 'prerender.mjs')).href}?${Date.now()}`
  );
  if (!isPrerenderModule(module)) {
    throw new Error('src/app/prerender.tsx must export renderStartPage and renderPublicationPage');
  }
  return module;
}

/**
 * What src/features/publication/sanitize-body.ts reads from the browser, while publication pages
 * render: `document` to build in, `window.location.origin` to tell the site's own links and
 * images from others'. Nothing else: the app must still see no browser (no `navigator`).
 */
function withBrowserGlobals<T>(origin: string, run: () => Promise<T>): Promise<T> {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { url: origin });
  const globals = globalThis as Record<string, unknown>;
  const saved = ['window', 'document', 'navigator'].map(
    (name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const,
  );
  const define = (name: string, value: unknown) =>
    Object.defineProperty(globals, name, { value, configurable: true, writable: true });
  define('window', { location: { origin: new URL(origin).origin } });
  define('document', window.document);
  define('navigator', undefined);
  return run().finally(() => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globals, name, descriptor);
      else Reflect.deleteProperty(globals, name);
    }
  });
}

/** Which page the boot script is on (scripts/boot-script.ts). */
function bootTag(base: string, bootScript: string, page: 'start' | 'publication') {
  return `<script src="${base}${bootScript}" data-base="${base}" data-page="${page}"></script>`;
}

/** What a reader without scripts is told on the search page, in the page's language. */
const NOSCRIPT_NOTES: Record<string, (href: string) => string> = {
  en: (href) =>
    `Search needs JavaScript, which is off in this browser. <a href="${href}">The list of publications</a> and every publication open without it.`,
  be: (href) =>
    `Для пошуку патрэбны JavaScript, а ў гэтым браўзеры ён выключаны. <a href="${href}">Спіс публікацый</a> і кожная публікацыя адкрываюцца і без яго.`,
  ru: (href) =>
    `Для поиска нужен JavaScript, а в этом браузере он выключен. <a href="${href}">Список публикаций</a> и каждая публикация открываются и без него.`,
};

export function noscriptNote(language: string, base: string): string {
  const note = NOSCRIPT_NOTES[language] ?? NOSCRIPT_NOTES.en;
  // Not <noscript>: shown unless the boot script ran (boot.css), whatever disabled scripts.
  return `<p class="noscript-note">${note?.(base) ?? ''}</p>`;
}

type StartInfo = { name?: unknown; language?: unknown };

async function writePublicationPages(
  module: PrerenderModule,
  options: { outDir: string; base: string; version: string; template: string; bootScript: string },
  start: unknown,
  info: StartInfo,
) {
  const dataDir = path.join(options.outDir, 'data', options.version, 'publications');
  let names: string[] = [];
  try {
    names = readdirSync(dataDir).filter((name) => name.endsWith('.json'));
  } catch {
    return;
  }
  const language = pageLanguage(typeof info.language === 'string' ? info.language : undefined);
  const archiveName = typeof info.name === 'string' ? info.name : 'Statement Explorer';
  const corpusLanguage = typeof info.language === 'string' ? info.language : language;
  const siteUrl = process.env.SITE_URL || undefined;
  const site = { base: options.base, siteUrl };
  const template = options.template.replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '');
  const boot = bootTag(options.base, options.bootScript, 'publication');
  const started = performance.now();
  await withBrowserGlobals(siteUrl ?? 'http://localhost/', async () => {
    for (const name of names) {
      const file = v.parse(
        publicationFileSchema,
        JSON.parse(readFileSync(path.join(dataDir, name), 'utf8')),
      );
      const { publication } = file;
      const root = await module.renderPublicationPage(start, file);
      const html = publicationPageHtml(template, {
        language,
        title: `${publication.title} — ${archiveName}`,
        headTags: publicationHeadTags(
          {
            id: publication.id,
            title: publication.title,
            summary: publication.summary,
            date: publication.date,
            language: publication.language ?? corpusLanguage,
            archiveName,
            translations: file.translations,
          },
          site,
        ),
        root,
        bootTag: boot,
      });
      const folder = path.join(options.outDir, 'publications', publication.id);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'index.html'), html);
    }
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (names.length >= 5000)
    console.log(`${names.length} publication pages written in ${seconds} s`);
}

export async function prerenderPages(options: {
  root: string;
  outDir: string;
  base: string;
  version: string;
  startJson: string;
  bootScript: string;
}) {
  const module = await loadPrerender(options);
  const start: unknown = JSON.parse(options.startJson);
  const info: StartInfo = typeof start === 'object' && start !== null ? start : {};
  const html = module.renderStartPage(start);
  if (typeof html !== 'string') throw new Error('renderStartPage must return HTML');

  const indexFile = path.join(options.outDir, 'index.html');
  const template = readFileSync(indexFile, 'utf8');
  if (!template.includes('<div id="root"></div>')) {
    throw new Error(`${indexFile} has no empty #root`);
  }
  const language = pageLanguage(typeof info.language === 'string' ? info.language : undefined);
  writeFileSync(
    indexFile,
    template
      .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(language)}"`)
      .replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '')
      .replace('<div id="root"></div>', () => {
        // After the page, not before: a skip link must be the page's first link (axe, and
        // keyboard readers); boot.css keeps the note in view at the bottom of the screen.
        return `<div id="root">${html}</div>\n    ${noscriptNote(language, options.base)}`;
      })
      .replace('</title>', `</title>\n    ${bootTag(options.base, options.bootScript, 'start')}`),
  );
  await writePublicationPages(module, { ...options, template }, start, info);
}
