import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * A shared link reads at once in every interface language
 * (docs/decisions/015-pages-in-every-language.md): the page the build wrote holds its interface
 * in each, the boot script shows the reader's before the page is parsed, and the publication's
 * own text is never hidden, whether the app's script arrives or not.
 * How fast is the bench's to measure (scripts/bench/first-seconds.ts); this proves that nothing
 * waits for the app.
 */

const PUBLICATION =
  '/publications/serious-human-rights-violations-in-russia-uk-statement-to-the-osce';
const TITLE = /^Serious human rights violations in Russia/;

const READERS = [
  {
    locale: 'en-US',
    language: 'en',
    back: 'Search the archive',
    results: 'Results',
    count: /^126 publications/,
    archive: 'Human rights publications from Belarus and the region (demo)',
  },
  {
    locale: 'be-BY',
    language: 'be',
    back: 'Пошук па архіве',
    results: 'Вынікі',
    count: /^126 публікацый/,
    archive: 'Праваабарончыя публікацыі з Беларусі і рэгіёна (дэма)',
  },
  {
    locale: 'ru-RU',
    language: 'ru',
    back: 'Поиск по архиву',
    results: 'Результаты',
    count: /^126 публикаций/,
    archive: 'Правозащитные публикации из Беларуси и региона (демо)',
  },
] as const;

/** The app's entry script, held back for good: what shows is the HTML, the CSS and the boot script. */
async function withoutTheApp(page: Page) {
  await page.route(/\/assets\/index-[^/]+\.js$/, () => undefined);
}

for (const reader of READERS) {
  test.describe(`a reader whose browser speaks ${reader.locale}`, () => {
    test.use({ locale: reader.locale });

    test('reads a shared publication in their language without the app', async ({ page }) => {
      await withoutTheApp(page);
      await page.goto(PUBLICATION, { waitUntil: 'commit' });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('.publication__summary')).toBeVisible();
      await expect(page.locator('.publication__body p').first()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', reader.language);
      await expect(page.getByRole('link', { name: reader.back, exact: true })).toBeVisible();
      // Only the reader's language shows: the other versions are not even in the a11y tree.
      for (const other of READERS.filter((candidate) => candidate !== reader)) {
        await expect(page.getByRole('link', { name: other.back, exact: true })).toBeHidden();
      }
      await expect(page).toHaveTitle(new RegExp(` — ${reader.archive.replace(/[()]/g, '\\$&')}$`));
    });

    test('reads the home page in their language without the app', async ({ page }) => {
      await withoutTheApp(page);
      await page.goto('/', { waitUntil: 'commit' });
      const results = page.getByRole('list', { name: reader.results });
      await expect(results.getByRole('link').first()).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: reader.count })).toBeVisible();
      await expect(page.getByRole('link', { name: reader.archive })).toBeVisible();
      await expect(page).toHaveTitle(reader.archive);
    });

    test('gets the page adopted in place by the app, in their language', async ({ page }) => {
      let release = () => undefined as void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      for (const path of ['/', PUBLICATION]) {
        await page.goto(path, { waitUntil: 'commit' });
        await expect(page.locator('h1')).toBeAttached();
        // The pre-rendered heading, marked: if the app rendered afresh, the mark would be gone.
        await page.evaluate(() => document.querySelector('h1')?.setAttribute('data-before', ''));
        release();
        // React marks the nodes it owns: the heading is React's once the app has adopted it.
        await expect
          .poll(() =>
            page.evaluate(() => {
              const heading = document.querySelector('h1');
              return !!heading && Object.keys(heading).some((key) => key.startsWith('__react'));
            }),
          )
          .toBe(true);
        await expect(page.locator('h1[data-before]')).toHaveCount(1);
        await expect(page.locator('[data-l10n], [data-l10n-text]')).toHaveCount(0);
        await expect(page.locator('html')).toHaveAttribute('lang', reader.language);
        const ids = await page.evaluate(() =>
          [...document.querySelectorAll('[id]')].map((element) => element.id),
        );
        expect(new Set(ids).size, `${path}: ids`).toBe(ids.length);
      }
    });
  });
}

test.describe('a Belarusian browser on a link that asks for Russian', () => {
  test.use({ locale: 'be-BY' });

  test('shows the page in Russian: hl wins', async ({ page }) => {
    await withoutTheApp(page);
    await page.goto(`${PUBLICATION}?hl=ru`, { waitUntil: 'commit' });
    await expect(page.getByRole('link', { name: 'Поиск по архиву', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  });
});

test('the HTML holds the interface in every language, the publication once', async ({
  request,
}) => {
  const html = await (await request.get(PUBLICATION)).text();
  expect(html).toContain('<html lang="en" data-hl="en"');
  for (const reader of READERS) expect(html).toContain(`data-l10n="${reader.language}"`);
  expect(html.match(/<h1[^>]*>Serious human rights violations in Russia/g)).toHaveLength(1);
});
