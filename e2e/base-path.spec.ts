import { expect, resultCount, results, searchBox, test } from './fixtures.ts';

/** Built with BASE_PATH=/archive/ and served under it, as on a shared host. */

test('the app works under a base path, deep links included', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));

  await page.goto('/archive/');
  await expect(resultCount(page)).toHaveText(/^126 publications/);
  await searchBox(page).fill('Hulak');
  // The list keeps the previous results on screen (marked busy) until the new ones arrive.
  const first = results(page).getByRole('link').first();
  await expect(first).toContainText('Hulak');
  await first.click();
  await expect(page).toHaveURL(/\/archive\/publications\/[a-z0-9-]+\?hl=en$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hulak');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hulak');
  // Links to the search page keep the base path's slash ("/archive/?…", never "/archive?…").
  for (const link of await page.locator('a[href*="?"]').all()) {
    const target = (await link.getAttribute('href')) ?? '';
    if (target.startsWith('/')) expect(target).toMatch(/^\/archive\/(\?|publications\/|embed)/);
  }
  await page
    .getByRole('link', { name: 'Back to results' })
    .or(page.getByRole('link', { name: 'Search the archive' }))
    .click();
  await expect(page).toHaveURL(/\/archive\/\?q=Hulak$/);

  await page.goto('/archive/publications/no-such-thing');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
  await page.getByRole('link', { name: 'Go to the search page' }).click();
  await expect(page).toHaveURL(/\/archive\/\?hl=en$/);

  expect(requests.filter((path) => !path.startsWith('/archive/'))).toEqual([]);
});
