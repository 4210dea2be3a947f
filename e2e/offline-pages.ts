import type { Page } from '@playwright/test';
import { expect, results, searchBox } from './fixtures.ts';

/** The steps of the offline tests, at the site's root or under a base path. */

/** Waits until the service worker controls the page and holds what the page asked it to keep. */
export async function whenCached(page: Page, path: string) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  });
  await expect
    .poll(() => page.evaluate((key) => caches.match(key).then(Boolean), path), { timeout: 20_000 })
    .toBe(true);
}

export async function readThenGoOffline(page: Page, base: string) {
  await page.goto(`${base}?q=Hulak`);
  const first = results(page).getByRole('link').first();
  await expect(first).toContainText('Hulak');
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hulak');
  const publication = new URL(page.url()).pathname;
  await whenCached(page, `${base}`);
  // Once the worker is in charge, what the reader reads is kept as it is fetched.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hulak');
  await whenCached(page, publication);
  await page.goto(`${base}?q=Hulak`);
  await expect(results(page).getByRole('link').first()).toContainText('Hulak');

  await page.context().setOffline(true);
  const start = await page.goto(`${base}?q=Hulak`);
  expect(start?.fromServiceWorker()).toBe(true);
  await expect(searchBox(page)).toHaveValue('Hulak');
  await expect(results(page).getByRole('link').first()).toContainText('Hulak');

  const read = await page.goto(publication);
  expect(read?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hulak');
}
