import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { createStaticHandler } from '../serve.ts';
import { median, percentile } from './stats.ts';

/**
 * The built app in Chromium, served gzipped from localhost. Chromium throttles only the page's
 * main thread, never its worker, so the phone estimate of anything the worker does is 4 × the
 * unthrottled time; the 4x throttle is used for what happens on the main thread.
 */

export type BrowserQuery = { query: string; total: number };

export type BrowserFigures = {
  firstResults1xMs: number;
  firstResults4xMs: number;
  bytesBeforeFirstResults: number;
  requestsBeforeFirstResults: number;
  /** Query → updated results, per query, unthrottled (the worker runs at full speed either way). */
  queryMs: { query: string; firstMs: number; medianMs: number; p95Ms: number }[];
  queryAllMedianMs: number;
  queryAllP95Ms: number;
  /** The same with the main thread throttled 4x: what rendering adds on a slow phone. */
  query4xMedianMs: number;
  /** Median of five runs of the longest task while typing "bialiatski", CPU 4x slower. */
  longestTaskWhileTypingMs: number;
  /** The longest task in each run, shortest first: a maximum swings from run to run. */
  longestTaskPerRunMs: number[];
  longTasksWhileTyping: number;
  /** Median of the same runs' total blocking time: the sum of each long task's time past 50 ms. */
  blockingWhileTypingMs: number;
  /** Keystroke → next paint while typing a 30-letter query, main thread 4x slower. */
  typing: TypingFigures;
};

/** The query typed letter by letter: 30 characters, every word in the demo corpus. */
export const TYPED_QUERY = 'political prisoners in belarus';

export type TypingFigures = {
  query: string;
  /** Per run (in the order run): each keystroke's time from `keydown` to the next paint. */
  runs: { keystrokesMs: number[]; longTasks: number }[];
  /** Medians over the runs of each run's median, p90 and slowest keystroke. */
  medianMs: number;
  p90Ms: number;
  maxMs: number;
  longTasks: number;
};

async function serve(dist: string): Promise<{ server: Server; origin: string }> {
  const server = createServer(createStaticHandler({ dir: dist, base: '/' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Records in the page when the first result appears, and every long task. */
const PAGE_PROBE = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  // When the first result is on screen: the first contentful paint if the result was in the
  // document by then (the pre-rendered page), else the frame after it arrived.
  let resultsInDocument = null;
  let firstPaint = null;
  const settle = (at) => {
    if (window.__firstResults !== undefined) return;
    window.__firstResults = at;
    window.__firstResultsAt?.();
  };
  const decide = () => {
    if (resultsInDocument === null || firstPaint === null) return;
    if (resultsInDocument <= firstPaint) settle(firstPaint);
    else requestAnimationFrame(() => setTimeout(() => settle(performance.now())));
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== 'first-contentful-paint') continue;
      firstPaint = entry.startTime;
      decide();
    }
  }).observe({ type: 'paint', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('ol[aria-label="Results"] li a')) {
      observer.disconnect();
      resultsInDocument = performance.now();
      decide();
    }
  }).observe(document, { childList: true, subtree: true });
  // Keystroke → paint: from the keydown's time stamp (when the key came in, however long it then
  // waited for the main thread) to just after the next frame, which shows whatever the keystroke
  // rendered urgently: a message posted from requestAnimationFrame runs after that frame's paint.
  window.__keyPaints = [];
  addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__keyPaints.push(performance.now() - start);
      channel.port2.postMessage(null);
    });
  }, { capture: true });
  window.__timeQuery = (query, expected) => new Promise((resolve, reject) => {
    const input = document.querySelector('input[type="search"]');
    if (!input) return reject(new Error('no search box'));
    // The list, not the status line: the count in the status follows the URL, which waits for
    // typing to pause (so that screen readers announce it once).
    const done = () => {
      const list = document.querySelector('ol[aria-label="Results"]');
      return list?.getAttribute('data-total') === expected && list.getAttribute('aria-busy') !== 'true';
    };
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const started = performance.now();
    let finished = false;
    const check = () => {
      if (finished || !done()) return;
      finished = true;
      observer.disconnect();
      resolve(performance.now() - started);
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    setValue.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // The page may already show the answer (a cached search): then no mutation comes.
    const poll = () => { check(); if (!finished) requestAnimationFrame(poll); };
    requestAnimationFrame(poll);
    setTimeout(() => reject(new Error('no results for "' + query + '" after 20 s')), 20000);
  });
`;

async function openPage(browser: Browser, throttle: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(PAGE_PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page };
}

async function firstResults(browser: Browser, origin: string, throttle: number) {
  const { context, page } = await openPage(browser, throttle);
  const finished: { at: number; bytes: number }[] = [];
  page.on('requestfinished', (request) => {
    const at = Date.now();
    void request.sizes().then(
      (sizes) => finished.push({ at, bytes: sizes.responseBodySize + sizes.responseHeadersSize }),
      () => undefined,
    );
  });
  let shownAt = 0;
  await page.exposeFunction('__firstResultsAt', () => {
    shownAt = Date.now();
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(
    () => 'performance' in window && Reflect.get(window, '__firstResults'),
  );
  const ms = Number(await page.evaluate(() => Reflect.get(window, '__firstResults')));
  await page.waitForTimeout(300);
  const before = finished.filter((entry) => entry.at <= shownAt);
  await context.close();
  return {
    ms,
    bytes: before.reduce((sum, entry) => sum + entry.bytes, 0),
    requests: before.length,
  };
}

/** Sets the search box as typing would and times until the list shows the expected results. */
async function timeQuery(page: Page, query: string, total: number): Promise<number> {
  const expected = String(total);
  // The helper lives in PAGE_PROBE: functions compiled here would carry the loader's helpers.
  return Number(
    await page.evaluate(([q, e]) => Reflect.get(window, '__timeQuery')(q, e), [query, expected]),
  );
}

async function queries(
  browser: Browser,
  origin: string,
  list: readonly BrowserQuery[],
  runs: number,
  throttle: number,
) {
  const { context, page } = await openPage(browser, throttle);
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => Reflect.get(window, '__firstResults'));
  const figures: BrowserFigures['queryMs'] = [];
  const statusText = (await page.locator('[role="status"]').textContent()) ?? '';
  const defaultTotal = Number((/^[\d,]+/.exec(statusText)?.[0] ?? '0').replace(/,/g, ''));
  for (const { query, total } of list) {
    const times: number[] = [];
    for (let run = 0; run <= runs; run++) {
      times.push(await timeQuery(page, query, total));
      await timeQuery(page, '', defaultTotal);
    }
    const [first = Number.NaN, ...warm] = times;
    figures.push({ query, firstMs: first, medianMs: median(warm), p95Ms: percentile(warm, 95) });
  }
  await context.close();
  return figures;
}

/**
 * Types `text` letter by letter, a key every 150 ms, main thread 4x slower, once the worker has
 * loaded its data (this measures typing, not start-up): each keystroke's time to the next paint,
 * and the long tasks meanwhile.
 */
async function typeSlowly(browser: Browser, origin: string, text: string) {
  const { context, page } = await openPage(browser, 4);
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => Reflect.get(window, '__firstResults'));
  const box = page.getByRole('searchbox', { name: /^Search publications/ });
  await box.fill('x');
  await page.waitForTimeout(1500);
  await box.fill('');
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    Reflect.set(window, '__longTasks', []);
    Reflect.set(window, '__keyPaints', []);
  });
  await box.pressSequentially(text, { delay: 150 });
  await page.waitForTimeout(1500);
  const keystrokesMs = (await page.evaluate(() => Reflect.get(window, '__keyPaints'))) as number[];
  const longTasks = (await page.evaluate(() => Reflect.get(window, '__longTasks'))) as number[];
  await context.close();
  return { keystrokesMs, longTasks };
}

/** The long tasks while typing `word`: the longest, how many, their blocking time. */
async function typing(browser: Browser, origin: string, word: string) {
  const { longTasks: tasks } = await typeSlowly(browser, origin, word);
  return {
    longest: tasks.length ? Math.max(...tasks) : 0,
    count: tasks.length,
    blocking: tasks.reduce((sum, task) => sum + Math.max(0, task - 50), 0),
  };
}

/** Keystroke → paint while typing `query`. */
async function typeToPaint(browser: Browser, origin: string, query: string) {
  const { keystrokesMs, longTasks } = await typeSlowly(browser, origin, query);
  return { keystrokesMs, longTasks: longTasks.length };
}

/** Keystroke → paint over `runs` runs of typing TYPED_QUERY (in a browser of its own if none). */
export async function measureTyping(
  options: { dist: string; runs: number },
  onRun?: (run: TypingFigures['runs'][number]) => void,
): Promise<TypingFigures> {
  const { server, origin } = await serve(options.dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    await typeToPaint(browser, origin, 'warm up'); // the server's gzip cache, Chromium's start
    const runs: TypingFigures['runs'] = [];
    for (let run = 0; run < options.runs; run++) {
      const figures = await typeToPaint(browser, origin, TYPED_QUERY);
      runs.push(figures);
      onRun?.(figures);
    }
    return {
      query: TYPED_QUERY,
      runs,
      medianMs: median(runs.map((run) => median(run.keystrokesMs))),
      p90Ms: median(runs.map((run) => percentile(run.keystrokesMs, 90))),
      maxMs: median(runs.map((run) => Math.max(...run.keystrokesMs))),
      longTasks: median(runs.map((run) => run.longTasks)),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

export async function benchBrowser(options: {
  dist: string;
  queries: readonly BrowserQuery[];
  runs: number;
}): Promise<BrowserFigures> {
  const { server, origin } = await serve(options.dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    await firstResults(browser, origin, 1); // warm-up: the server's gzip cache, Chromium's start
    const unthrottled: number[] = [];
    const throttled: number[] = [];
    let bytes = 0;
    let requests = 0;
    for (let run = 0; run < options.runs; run++) {
      unthrottled.push((await firstResults(browser, origin, 1)).ms);
      const slow = await firstResults(browser, origin, 4);
      throttled.push(slow.ms);
      bytes = slow.bytes;
      requests = slow.requests;
    }
    const queryFigures = await queries(browser, origin, options.queries, options.runs, 1);
    const slowQueries = await queries(
      browser,
      origin,
      options.queries,
      Math.max(2, options.runs >> 1),
      4,
    );
    // The longest task is a maximum, so noisy: take the median of five typing runs.
    const typings = [];
    for (let run = 0; run < 5; run++) typings.push(await typing(browser, origin, 'bialiatski'));
    typings.sort((a, b) => a.longest - b.longest);
    const typed = typings[2] ?? { longest: 0, count: 0 };
    const warm = queryFigures.map((figure) => figure.medianMs);
    const typingFigures = await measureTyping({ dist: options.dist, runs: 5 });
    return {
      firstResults1xMs: median(unthrottled),
      firstResults4xMs: median(throttled),
      bytesBeforeFirstResults: bytes,
      requestsBeforeFirstResults: requests,
      queryMs: queryFigures,
      queryAllMedianMs: median(warm),
      queryAllP95Ms: percentile(
        queryFigures.map((figure) => figure.p95Ms),
        95,
      ),
      query4xMedianMs: median(slowQueries.map((figure) => figure.medianMs)),
      longestTaskWhileTypingMs: typed.longest,
      longestTaskPerRunMs: typings.map((run) => run.longest),
      longTasksWhileTyping: typed.count,
      blockingWhileTypingMs: median(typings.map((run) => run.blocking)),
      typing: typingFigures,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
