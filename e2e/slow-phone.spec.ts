import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

/**
 * A shared link on a slow phone (400 kbit/s, 400 ms, CPU 4× slower) shows something useful
 * within 3 s: a publication its title, a search its query in the box.
 */

async function slowPhone(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: (400 * 1024) / 8,
    uploadThroughput: (400 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

test.describe.configure({ timeout: 60_000 });

test('a publication link shows its title within 3 s', async ({ page }) => {
  await slowPhone(page);
  const started = Date.now();
  await page.goto(
    '/publications/serious-human-rights-violations-in-russia-uk-statement-to-the-osce',
    {
      waitUntil: 'commit',
    },
  );
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 3_000 });
  const elapsed = Date.now() - started;
  test
    .info()
    .annotations.push({ type: 'publication title shown after', description: `${elapsed} ms` });
  expect(elapsed).toBeLessThan(3_000);
  await page.waitForLoadState('networkidle', { timeout: 50_000 });
});

test('a search link shows its filled search box within 3 s', async ({ page }) => {
  await slowPhone(page);
  const started = Date.now();
  await page.goto('/?q=Bialiatski', { waitUntil: 'commit' });
  await expect(page.getByRole('searchbox')).toHaveValue('Bialiatski', { timeout: 3_000 });
  await expect(page.getByRole('searchbox')).toBeVisible({ timeout: 3_000 });
  const elapsed = Date.now() - started;
  test.info().annotations.push({ type: 'search box filled after', description: `${elapsed} ms` });
  expect(elapsed).toBeLessThan(3_000);
  await page.waitForLoadState('networkidle', { timeout: 50_000 });
});
