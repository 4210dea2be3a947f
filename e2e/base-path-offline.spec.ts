import { test } from './fixtures.ts';
import { readThenGoOffline } from './offline-pages.ts';

/** The same as offline.spec.ts, on the site built and served under /archive/. */
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 60_000 });

test('offline under a base path too', async ({ page }) => {
  await readThenGoOffline(page, '/archive/');
});
