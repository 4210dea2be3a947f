import { test } from './fixtures.ts';
import { readThenGoOffline } from './offline-pages.ts';

/** After a first visit, the app, its searches and what was read open offline (decision 013). */
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 60_000 });

test('offline, the app opens, searches what it holds and opens a publication read before', async ({
  page,
}) => {
  await readThenGoOffline(page, '/');
});
