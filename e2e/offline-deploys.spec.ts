import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createStaticHandler } from '../scripts/serve.ts';
import { SITES } from '../playwright.config.ts';
import { expect, results, test } from './fixtures.ts';
import { whenCached } from './offline-pages.ts';

/**
 * The service worker with a host that misbehaves as hosts do (docs/decisions/013-offline.md,
 * issue 17): a file missing for a moment during a deploy (answered with index.html), a deploy
 * between two visits, a first visit with a search. The main site's build, served here by a
 * server this spec controls, so that it can take a file away and put out a "new build".
 */

const DIST = path.resolve('dist-e2e', SITES.main.name);
const PORT = SITES.main.port + 10;
const ORIGIN = `http://127.0.0.1:${PORT}`;

test.use({ serviceWorkers: 'allow', baseURL: ORIGIN });
test.describe.configure({ mode: 'serial', timeout: 90_000 });

/** What the server does wrong: paths it answers with index.html, and which build it serves. */
const host = { missing: new Set<string>(), build: 1 };
let server: Server;

/** The same build, said to be the next one: its worker's shell has another name, its pages a mark. */
function nextBuild(file: string, content: string): string {
  if (file.endsWith('sw.js'))
    return content.replace(/shell-[0-9a-f]{16}/, (name) => name.replace('shell-', 'shell-9999-'));
  return content.replace('<html lang="en"', '<html data-build="2" lang="en"');
}

test.beforeAll(async () => {
  const serve = createStaticHandler({ dir: DIST, base: '/' });
  server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', ORIGIN).pathname;
    if (host.missing.has(pathname)) {
      // As a host with a single-page fallback answers a file it does not have: 200, HTML.
      request.url = '/no-such-file';
      return serve(request, response);
    }
    const file = pathname === '/' ? 'index.html' : pathname.slice(1);
    if (host.build === 3) {
      // A deploy that replaced the site: another release, and the index files the old start
      // data names are gone (each renamed with its new content).
      if (file === 'data/start.json') {
        const start = JSON.parse(readFileSync(path.join(DIST, file), 'utf8')) as object;
        response.writeHead(200, {
          'Content-Type': 'application/json',
          'Cache-Control': 'no-cache',
        });
        return response.end(JSON.stringify({ ...start, release: 'the-next-release' }));
      }
      if (file.startsWith('data/index/')) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        return response.end('Not found');
      }
    }
    if (host.build === 2 && (file === 'sw.js' || file === 'index.html')) {
      const content = nextBuild(file, readFileSync(path.join(DIST, file), 'utf8'));
      response.writeHead(200, {
        'Content-Type': file === 'sw.js' ? 'text/javascript' : 'text/html; charset=utf-8',
        'Cache-Control': 'no-cache',
      });
      return response.end(content);
    }
    return serve(request, response);
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.beforeEach(() => {
  host.missing.clear();
  host.build = 1;
});

/** Whether the cache holds a file (as the service worker keeps it). */
function cached(page: Page, url: string) {
  return page.evaluate((address) => caches.match(address).then(Boolean), url);
}

test('a page the host sends for a missing file is never kept as that file', async ({ page }) => {
  await page.goto('/');
  await whenCached(page, '/');
  const link = results(page).getByRole('link').nth(3);
  const id = ((await link.getAttribute('href')) ?? '').replace(/^\/publications\/|\?.*$/g, '');
  const title = ((await link.textContent()) ?? '').trim();
  // Mid-deploy, the publication's file is briefly missing: the host answers with its page.
  host.missing.add(`/data/publications/${id}.json`);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Publication not found');
  // The deploy is done: the publication opens, here and in a new tab.
  host.missing.clear();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const other = await page.context().newPage();
  await other.goto(`/publications/${id}`);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('a first visit with a search: that search works offline, its filters too', async ({
  page,
  context,
}) => {
  // Every data file the visit reads, the search worker's included.
  const read = new Set<string>();
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/data/')) read.add(request.url());
  });
  await page.goto('/?q=Hulak');
  await expect(results(page).getByRole('link').first()).toContainText('Hulak');
  await whenCached(page, '/');
  expect([...read].some((url) => url.includes('/columns/'))).toBe(true);
  await expect
    .poll(async () => (await Promise.all([...read].map((url) => cached(page, url)))).every(Boolean))
    .toBe(true);

  await context.setOffline(true);
  await page.goto('/?q=Hulak');
  await expect(results(page).getByRole('link').first()).toContainText('Hulak');
  await page.goto('/?q=Hulak&sort=oldest');
  await expect(results(page).getByRole('link').first()).toContainText('Hulak');
});

test('offline after a deploy, the start page is the new build’s', async ({ page, context }) => {
  await page.goto('/');
  await whenCached(page, '/');
  // A deploy; the reader comes back online to another page, and the new worker takes over.
  host.build = 2;
  const id = readdirSync(path.join(DIST, 'publications'))[0] ?? '';
  await page.goto(`/publications/${id}`);
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const names = await caches.keys();
        const registration = await navigator.serviceWorker.getRegistration();
        return (
          names.some((name) => name.startsWith('shell-9999-')) &&
          !registration?.installing &&
          !registration?.waiting &&
          registration?.active?.state === 'activated'
        );
      }),
    )
    .toBe(true);
  await context.setOffline(true);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-build', '2');
  await expect(results(page).getByRole('link').first()).toBeVisible();
});

test('a tab opened before a deploy that replaced the site says so, and offers to reload', async ({
  page,
}) => {
  await page.goto('/');
  await expect(results(page).getByRole('link').first()).toBeVisible();
  host.build = 3;
  await page.getByRole('searchbox', { name: /^Search publications/ }).fill('Hulak');
  const notice = page.getByRole('alert').filter({ hasText: 'The archive has been updated' });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  // Reloading takes the new build (here the same files, served whole again).
  host.build = 1;
  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(page).toHaveURL(/q=Hulak/);
  await expect(results(page).getByRole('link').first()).toContainText('Hulak');
});
