import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { loadAverage, onBuiltSite } from './demo-site.ts';
import { serveFolder } from './network.ts';
import { against, median, ms, table } from './stats.ts';

/**
 * The first seconds of a shared link on a phone (issue 17), per interface language: a reader
 * whose browser speaks English, Belarusian or Russian opens a publication's link and the home
 * page, on a phone as the issue measures it — 360×740, touch, the main thread 4x slower,
 * 1.6 Mbit/s down, 150 ms round trips — with the build served gzipped from localhost.
 *
 * For each, from navigation start, the frame in which:
 * - a publication's title (h1) and its first paragraph are visible (not hidden, in the viewport);
 * - the interface around it is in the reader's language (`<html lang>` says so, the chrome shows);
 * - the home page's first result is visible.
 *
 * It runs in the page, on every frame from the first, so it sees what the reader sees: a page
 * hidden behind "Loading…" is not readable however early its HTML arrived. Medians of several
 * runs, after a warm-up; CPU throttling applies to the page's main thread, which is where all of
 * this happens (docs/benchmarking.md).
 *
 *   npx tsx scripts/bench/first-seconds.ts [--dist DIR] [--runs 5] [--publication ID]
 *
 * Without --dist it builds the working tree on the demo corpus into a temporary folder.
 */

export const PHONE_PROFILE = {
  viewport: { width: 360, height: 740 },
  cpuSlowdown: 4,
  /** Bytes per second: 1.6 Mbit/s down, 750 kbit/s up; 150 ms round trips. */
  download: 1_600_000 / 8,
  upload: 750_000 / 8,
  latencyMs: 150,
};

/** Issue 17's budget: a shared publication's title and first paragraph, for every language. */
export const FIRST_SECONDS_BUDGET_MS = 1500;

const READERS = [
  { language: 'en', locale: 'en-US' },
  { language: 'be', locale: 'be-BY' },
  { language: 'ru', locale: 'ru-RU' },
] as const;

export type FirstSecondsRow = {
  language: string;
  /** Title and first paragraph of the publication visible. */
  publicationMs: number;
  /** The same page with its interface in the reader's language. */
  publicationInLanguageMs: number;
  /** The home page's first result visible. */
  homeMs: number;
  runs: number;
};

/** Watches every frame from the first and records when each thing a reader needs is visible. */
const PROBE = `
  window.__seen = {};
  const visible = (element) => {
    if (!element || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
      return false;
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.width > 0 && box.top < innerHeight && box.bottom > 0;
  };
  const note = (name, ok) => {
    if (ok && window.__seen[name] === undefined) window.__seen[name] = performance.now();
  };
  const frame = () => {
    const title = document.querySelector('h1');
    const paragraph = document.querySelector(
      '.publication__summary, .publication__body p',
    );
    const text = visible(title) && visible(paragraph);
    note('publication', text);
    note(
      'publicationInLanguage',
      text && document.documentElement.lang === window.__readerLanguage &&
        visible(document.querySelector('.publication__back a')),
    );
    note('home', visible(document.querySelector('.results li a')));
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

async function visit(
  browser: Browser,
  url: string,
  reader: (typeof READERS)[number],
  wanted: 'publication' | 'home',
): Promise<{ publication?: number; publicationInLanguage?: number; home?: number }> {
  const context = await browser.newContext({
    viewport: PHONE_PROFILE.viewport,
    isMobile: true,
    hasTouch: true,
    locale: reader.locale,
    // A first visit: nothing cached, no service worker yet.
    serviceWorkers: 'block',
  });
  await context.addInitScript(`window.__readerLanguage = ${JSON.stringify(reader.language)};`);
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_PROFILE.cpuSlowdown });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE_PROFILE.latencyMs,
    downloadThroughput: PHONE_PROFILE.download,
    uploadThroughput: PHONE_PROFILE.upload,
  });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    // Functions, not strings: the pages' Content-Security-Policy allows no eval.
    await page.waitForFunction(
      (home) => {
        const seen = Reflect.get(window, '__seen') as Record<string, number> | undefined;
        if (!seen) return false;
        return home
          ? seen.home !== undefined
          : seen.publication !== undefined && seen.publicationInLanguage !== undefined;
      },
      wanted === 'home',
      { timeout: 60_000, polling: 100 },
    );
    return (await page.evaluate(() => Reflect.get(window, '__seen'))) as Record<string, number>;
  } finally {
    await context.close();
  }
}

/** The first publication page of a build with a body (a paragraph to wait for). */
export function somePublication(dist: string): string {
  const ids = readdirSync(path.join(dist, 'publications')).sort();
  const id = ids[Math.floor(ids.length / 2)];
  if (!id) throw new Error(`${dist} has no publication pages`);
  return id;
}

export async function measureFirstSeconds(options: {
  dist: string;
  runs: number;
  publication?: string | undefined;
  onRun?: (line: string) => void;
}): Promise<FirstSecondsRow[]> {
  const { server, origin } = await serveFolder(options.dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const publication = options.publication ?? somePublication(options.dist);
  const publicationUrl = `${origin}/publications/${encodeURIComponent(publication)}`;
  try {
    // Warm-up: the server's gzip cache, Chromium's start.
    await visit(browser, publicationUrl, READERS[0], 'publication');
    await visit(browser, `${origin}/`, READERS[0], 'home');
    const rows: FirstSecondsRow[] = [];
    for (const reader of READERS) {
      const text: number[] = [];
      const inLanguage: number[] = [];
      const home: number[] = [];
      for (let run = 0; run < options.runs; run++) {
        const seen = await visit(browser, publicationUrl, reader, 'publication');
        text.push(seen.publication ?? Number.NaN);
        inLanguage.push(seen.publicationInLanguage ?? Number.NaN);
        home.push((await visit(browser, `${origin}/`, reader, 'home')).home ?? Number.NaN);
        options.onRun?.(
          `  ${reader.language}: publication ${ms(text.at(-1) ?? Number.NaN)}, in ${reader.language} ${ms(inLanguage.at(-1) ?? Number.NaN)}, home ${ms(home.at(-1) ?? Number.NaN)}`,
        );
      }
      rows.push({
        language: reader.language,
        publicationMs: median(text),
        publicationInLanguageMs: median(inLanguage),
        homeMs: median(home),
        runs: options.runs,
      });
    }
    return rows;
  } finally {
    await browser.close();
    server.close();
  }
}

/** The report's table: one row per reader's language, against the budget. */
export function firstSecondsTable(rows: readonly FirstSecondsRow[]): string {
  const { width, height } = PHONE_PROFILE.viewport;
  return [
    `First seconds of a shared link, phone (${width}×${height}, CPU ${PHONE_PROFILE.cpuSlowdown}x, 1.6 Mbit/s, ${PHONE_PROFILE.latencyMs} ms), medians of ${rows[0]?.runs ?? 0} runs:`,
    table([
      [
        'reader',
        'publication: title + first paragraph',
        'interface in the language',
        'home page: first result',
      ],
      ...rows.map((row) => [
        row.language,
        `${ms(row.publicationMs)} ${against(row.publicationMs, FIRST_SECONDS_BUDGET_MS, ms)}`,
        ms(row.publicationInLanguageMs),
        ms(row.homeMs),
      ]),
    ]),
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      dist: { type: 'string' },
      publication: { type: 'string' },
    },
  });
  const rows = await onBuiltSite(values.dist, 'first-seconds', async (dist) => {
    console.log(
      `First seconds, ${values.runs} runs a language (load average before: ${loadAverage()})…`,
    );
    const rows = await measureFirstSeconds({
      dist,
      runs: Number(values.runs),
      publication: values.publication,
      onRun: (line) => console.log(line),
    });
    console.log(`Load average after: ${loadAverage()}`);
    return rows;
  });
  console.log(firstSecondsTable(rows));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
