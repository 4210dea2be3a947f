import type { Browser, Page } from '@playwright/test';
import { NetworkLog } from './network.ts';
import { splitOf, type QuerySplit, type Span } from './query-split.ts';

/**
 * Cold and warm queries in Chromium, for the app and for Pagefind alike (docs/benchmarking.md).
 *
 * Cold: per query, a fresh browser context (empty cache, a new worker): open the page, wait until
 * the network has been idle for 500 ms (the app's worker has its columns, Pagefind its metadata
 * and WebAssembly), then ask and measure the time to settled results and the bytes on the wire of
 * every request that started from the question until then; then wait for the network to be idle
 * again and count everything since the question (the app's passages of body-only matches, a
 * publication file each, come after its results). Warm: one page, every query once, then each
 * again: time and bytes of the second time.
 */

export type Settled = {
  /** From the question to settled results, in the page (ms). */
  ms: number;
  /** The same two moments on the browser's clock (ms since the epoch), to attribute requests. */
  start: number;
  end: number;
  /** Matches: the app's list, or Pagefind's result count. */
  total: number | null;
  /**
   * Whether the results settled on the count expected (the search core's in Node). When false,
   * `ms` is when the page settled on `total` instead (NaN if it never did within 30 s).
   */
  settled: boolean;
};

export type QueryRun = Settled & {
  query: string;
  /** Requests that started from the question until the results settled. */
  requests: number;
  bytes: number;
  /** Everything that started from the question until the network was idle again. */
  requestsAfter: number;
  bytesAfter: number;
  /** Where the time went (the app's cold queries: its worker leaves spans). */
  split?: QuerySplit;
};

export type ColdFigures = {
  /** What a fresh page fetched before it was idle (median over the cold runs). */
  loadBytes: number;
  loadRequests: number;
  cold: QueryRun[];
  warm: QueryRun[];
};

/** How a page asks one engine and knows its answer has settled. */
export type Engine = {
  path: string;
  initScript?: string;
  /** Resolves when the page can take a question (after network idle). */
  ready(page: Page): Promise<void>;
  ask(page: Page, query: string, expectedTotal: number | null): Promise<Settled>;
  /** Puts the page back to no query between warm runs. */
  reset?(page: Page): Promise<void>;
  /** Where the time of a query that settled went. */
  split?(page: Page, settled: Settled): Promise<QuerySplit | undefined>;
};

export type ColdQuerySpec = { query: string; total: number | null };

async function freshPage(browser: Browser, origin: string, engine: Engine) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const log = new NetworkLog(context);
  if (engine.initScript) await context.addInitScript(engine.initScript);
  const page = await context.newPage();
  await page.goto(`${origin}${engine.path}`);
  await log.idle();
  await engine.ready(page);
  await log.idle();
  return { context, page, log };
}

async function measured(
  page: Page,
  log: NetworkLog,
  engine: Engine,
  spec: ColdQuerySpec,
): Promise<QueryRun> {
  const settled = await engine.ask(page, spec.query, spec.total);
  const split = engine.split ? await engine.split(page, settled) : undefined;
  await log.idle();
  // A little slack on the start: the page's clock and the network's may differ by a millisecond.
  const until = log.between(settled.start - 1, settled.end);
  const after = log.between(settled.start - 1);
  return {
    ...settled,
    query: spec.query,
    requests: until.requests,
    bytes: until.bytes,
    requestsAfter: after.requests,
    bytesAfter: after.bytes,
    ...(split ? { split } : {}),
  };
}

export async function measureCold(
  browser: Browser,
  origin: string,
  engine: Engine,
  queries: readonly ColdQuerySpec[],
): Promise<ColdFigures> {
  // Warm-up: the server's gzip cache and Chromium's own start, not counted.
  {
    const { context, page, log } = await freshPage(browser, origin, engine);
    if (queries[0]) await measured(page, log, engine, queries[0]);
    await context.close();
  }
  const cold: QueryRun[] = [];
  const load: { bytes: number; requests: number }[] = [];
  for (const spec of queries) {
    const { context, page, log } = await freshPage(browser, origin, engine);
    load.push(log.total());
    cold.push(await measured(page, log, engine, spec));
    await context.close();
  }
  const warm: QueryRun[] = [];
  {
    const { context, page, log } = await freshPage(browser, origin, engine);
    for (const spec of queries) {
      await engine.ask(page, spec.query, spec.total);
      await engine.reset?.(page);
    }
    await log.idle();
    for (const spec of queries) {
      warm.push(await measured(page, log, engine, spec));
      await engine.reset?.(page);
    }
    await context.close();
  }
  const byBytes = [...load].sort((a, b) => a.bytes - b.bytes);
  const middle = byBytes[Math.floor(byBytes.length / 2)] ?? { bytes: 0, requests: 0 };
  return { loadBytes: middle.bytes, loadRequests: middle.requests, cold, warm };
}

// --- The app ------------------------------------------------------------------------------------

/**
 * Sets the search box as typing would and resolves when the results have settled: the result
 * list is not busy, the results section is not busy, no "Searching the full text too…" is on
 * screen, and the count is the one the search core gives in Node (or "No results" for 0). Should
 * the page settle on another count, the moment it did counts once nothing has changed for
 * QUIET_MS (and `settled` is false: the report shows both counts); NaN if it never settles.
 */
const APP_PROBE = `
  window.__ask = (query, expected, timeoutMs, quietMs) => new Promise((resolve, reject) => {
    const input = document.querySelector('input[type="search"]');
    if (!input) return reject(new Error('no search box'));
    const state = () => {
      const section = document.getElementById('results');
      const list = document.querySelector('ol[aria-label="Results"]');
      const pending = [...document.querySelectorAll('.full-text-notice')].some((notice) =>
        (notice.textContent || '').includes('Searching the full text too'));
      const empty = section && section.querySelector('.notice__heading')?.textContent === 'No results';
      const total = list ? list.getAttribute('data-total') : empty ? '0' : null;
      const busy = section?.getAttribute('aria-busy') === 'true' || list?.getAttribute('aria-busy') === 'true';
      return { total, busy, pending, key: total + '|' + busy + '|' + pending };
    };
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const initial = state();
    let finished = false;
    let reacted = false;
    let calmSince = null;
    const started = performance.now();
    const finish = (at, settled) => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      clearInterval(timer);
      const total = state().total;
      resolve({
        ms: at === null ? NaN : at - started,
        start: performance.timeOrigin + started,
        end: performance.timeOrigin + (at === null ? performance.now() : at),
        total: total === null ? null : Number(total),
        settled,
      });
    };
    const check = () => {
      if (finished) return;
      const now = state();
      const at = performance.now();
      if (now.key !== initial.key) reacted = true;
      const calm = !now.busy && !now.pending && now.total !== null;
      if (calm && now.total === String(expected)) return finish(at, true);
      if (calm && reacted) {
        if (!calmSince || calmSince.key !== now.key) calmSince = { at, key: now.key };
      } else calmSince = null;
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const timer = setInterval(() => {
      check();
      if (calmSince && performance.now() - calmSince.at >= quietMs) finish(calmSince.at, false);
      else if (performance.now() - started > timeoutMs) finish(null, false);
    }, 50);
    setValue.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const poll = () => { check(); if (!finished) requestAnimationFrame(poll); };
    requestAnimationFrame(poll);
  });
`;

const TIMEOUT_MS = 30_000;
const QUIET_MS = 1500;

export function appEngine(publicationCount: number): Engine {
  const ask = async (page: Page, query: string, expected: number | null): Promise<Settled> =>
    (await page.evaluate(
      ([q, e, t, quiet]) =>
        (Reflect.get(window, '__ask') as (...args: unknown[]) => unknown)(q, e, t, quiet),
      [query, expected ?? -1, TIMEOUT_MS, QUIET_MS] as const,
    )) as Settled;
  return {
    path: '/',
    initScript: APP_PROBE,
    async ready(page) {
      await page.getByRole('searchbox', { name: /^Search publications/ }).waitFor();
    },
    ask,
    async reset(page) {
      await ask(page, '', publicationCount);
    },
    async split(page, settled) {
      // The spans of the search worker (src/search/core/trace.ts), on the epoch's clock.
      const worker = page.workers()[0];
      if (!worker || !Number.isFinite(settled.ms)) return undefined;
      const spans = await worker.evaluate(() =>
        performance
          .getEntriesByType('measure')
          .filter((entry) => entry.name.startsWith('search:'))
          .map((entry): Span => [
            entry.name.slice('search:'.length),
            performance.timeOrigin + entry.startTime,
            performance.timeOrigin + entry.startTime + entry.duration,
          ]),
      );
      return splitOf(spans, settled.start, settled.end);
    },
  };
}
