import { expect, resultCount, results, test } from './fixtures.ts';

test('a deep link opens the publication with everything the interface promises', async ({
  page,
}) => {
  await page.goto('/publications/moscow-mechanism-report-on-belarus-uk-statement-to-the-osce');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveCount(1);
  await expect(heading).toHaveText('Moscow Mechanism Report on Belarus: UK statement to the OSCE');
  await expect(page).toHaveTitle(/^Moscow Mechanism Report on Belarus/);
  await expect(page.locator('time[datetime="2023-05"]')).toHaveText('May 2023');
  await expect(page.getByRole('link', { name: 'Read the original on gov.uk' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.gov\.uk\//,
  );
  // The body (OGL text) is shown, sanitized, below the summary.
  await expect(page.locator('.publication__body p').first()).toBeVisible();

  await page.getByRole('link', { name: 'UK Delegation to the OSCE' }).click();
  // Every link of the app keeps the interface language.
  await expect(page).toHaveURL(/\/\?org=uk-osce&hl=en$/);
  await expect(resultCount(page)).toHaveText(/^7 publications/);
});

test('the type link leads to the search filtered by that type', async ({ page }) => {
  await page.goto('/publications/belarusian-helsinki-committee-about-aleh-hulak');
  const typeLink = page.locator('.publication__type a');
  const label = (await typeLink.textContent()) ?? '';
  await typeLink.click();
  await expect(page).toHaveURL(/\/\?type=[a-z-]+&hl=en$/);
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${label}`) })).toBeChecked();
});

test('translations link to each other', async ({ page }) => {
  await page.goto(
    '/publications/joint-open-letter-in-support-of-the-belarusian-helsinki-committee',
  );
  await page.getByRole('link', { name: /^Belarusian:/ }).click();
  await expect(page).toHaveURL(
    /\/publications\/vystupili-u-padtrymku-belaruskaha-helsinkskaha-kamiteta\?hl=en$/,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'be');
  await expect(page.getByRole('link', { name: /^English:/ })).toBeVisible();
});

test('"Back to results" returns to the search the reader came from', async ({ page }) => {
  await page.goto('/?q=Hulak&sort=oldest');
  await results(page).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('link', { name: 'Back to results' }).click();
  await expect(page).toHaveURL(/\?q=Hulak&sort=oldest$/);
  await expect(resultCount(page)).toBeVisible();
});

test('an unknown publication shows "not found" with a way back', async ({ page }) => {
  await page.goto('/publications/no-such-publication');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
  await page.getByRole('link', { name: 'Go to the search page' }).click();
  await expect(resultCount(page)).toHaveText(/^126 publications/);
});

test('an invalid publication id and an unknown route show "not found"', async ({ page }) => {
  for (const path of ['/publications/..%2F..%2Fetc', '/publications/UPPER', '/no/such/page']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(/not found/i);
    await expect(page.getByRole('link', { name: 'Go to the search page' })).toBeVisible();
  }
});
