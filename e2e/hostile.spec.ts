import type { Page } from '@playwright/test';
import { expect, results, test } from './fixtures.ts';

/** Built from e2e/fixtures/hostile-corpus.json: markup and scripts in every field. */

async function pwned(page: Page) {
  return page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);
}

test('markup in titles, names and summaries is shown as text and never runs', async ({ page }) => {
  await page.goto('/');
  const link = results(page).getByRole('link', {
    name: `<script>window.__pwned='title'</script><b>Bold</b> claims & "quotes"`,
  });
  await expect(link).toBeVisible();
  await expect(page.locator('.results b, .results script, .results img')).toHaveCount(0);
  await expect(page.getByText(/^Hostile <b>archive<\/b>/).first()).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Evil <script>/ })).toBeVisible();
  expect(await pwned(page)).toBeNull();
});

test('a hostile body is sanitized: no script, handler, frame, form or foreign request', async ({
  page,
}) => {
  await page.goto('/publications/markup-in-title');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<b>Bold</b> claims');
  const body = page.locator('.publication__body');
  await expect(body.getByText('Intro paragraph.')).toBeVisible();
  await expect(
    body.locator(
      'script, iframe, form, input, button, style, object, embed, link, meta, base, img',
    ),
  ).toHaveCount(0);
  await expect(body.locator('[onclick], [onerror], [style]')).toHaveCount(0);
  await expect(body.getByText('click me')).toBeVisible();
  await expect(body.locator('a[href^="javascript:"], a[href^="data:"]')).toHaveCount(0);
  await expect(body.getByRole('link', { name: 'external' })).toHaveAttribute(
    'rel',
    'noopener noreferrer',
  );
  await expect(body.getByRole('link', { name: /^Image: tracking pixel/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

  await body.getByText('click me').click();
  // A handler would have run during the click; a frame later, anything it scheduled has too.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(await pwned(page)).toBeNull();
});

test('a hostile search query is only text', async ({ page }) => {
  const query = '<img src=x onerror="window.__pwned=1">';
  await page.goto(`/?q=${encodeURIComponent(query)}`);
  await expect(page.getByRole('searchbox', { name: /^Search publications/ })).toHaveValue(query);
  await expect(page.getByRole('status')).toHaveText(/publications?/);
  await expect(page).toHaveTitle(/^“<img src=x/);
  await expect(page.locator('img')).toHaveCount(0);
  expect(await pwned(page)).toBeNull();
});
