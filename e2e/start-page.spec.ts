import { expect, results, searchBox, test } from './fixtures.ts';

/** The first page is pre-rendered into index.html, so readers see results before scripts run. */

test('the HTML itself holds the first page of results and the archive’s name', async ({
  request,
}) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain(
    '<title>Human rights publications from Belarus and the region (demo)</title>',
  );
  expect(html).toContain('aria-label="Results"');
  // A preview of its own: static hosts serve this file for every search link too.
  expect(html).toContain('<meta property="og:type" content="website" />');
  expect(html).toContain(
    '<meta property="og:title" content="Human rights publications from Belarus and the region (demo)" />',
  );
  expect(html.match(/<meta name="description"/g)).toHaveLength(1);
  expect(html).toContain(
    'Belarus: Long overdue release of Maryia Kalesnikava, Ales Bialiatski and others must not mask the scale of repression',
  );
});

test('results show before the app’s scripts have run', async ({ page }) => {
  // Hold the app's script back: what remains is the HTML and the stylesheet.
  await page.route(/\/assets\/index-[^/]+\.js$/, () => undefined);
  await page.goto('/', { waitUntil: 'commit' });
  await expect(results(page).getByRole('listitem')).toHaveCount(20);
  await expect(results(page).getByRole('link').first()).toBeVisible();
});

// How fast a shared link shows on a slow phone is the bench's to measure (scripts/bench): a
// timed e2e fails on a busy machine. What the e2e proves is that nothing waits for the app.
test('a publication link shows its title and text before the app’s script runs', async ({
  page,
}) => {
  // Held back, never answered: the app does not arrive.
  await page.route(/\/assets\/index-[^/]+\.js$/, () => undefined);
  await page.goto(
    '/publications/serious-human-rights-violations-in-russia-uk-statement-to-the-osce',
    { waitUntil: 'commit' },
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /Serious human rights violations in Russia/,
  );
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a search link shows its filled search box before the app’s script runs', async ({ page }) => {
  await page.route(/\/assets\/index-[^/]+\.js$/, () => undefined);
  await page.goto('/?q=Bialiatski', { waitUntil: 'commit' });
  await expect(searchBox(page)).toHaveValue('Bialiatski');
  await expect(searchBox(page)).toBeVisible();
});

test('a deep link never shows the pre-rendered search page in its place', async ({ page }) => {
  await page.route(/\/assets\/index-[^/]+\.js$/, () => undefined);
  for (const path of [
    '/publications/moscow-mechanism-report-on-belarus-uk-statement-to-the-osce',
    '/?q=Hulak',
    '/no/such/page',
  ]) {
    await page.goto(path, { waitUntil: 'commit' });
    // The pre-rendered page is in the document, but hidden: it is not this URL's page.
    await expect(page.locator('#root .site-header')).toBeAttached();
    await expect(results(page), path).toBeHidden();
  }
});

test('a search names itself in the page’s preview once the app runs', async ({ page }) => {
  await page.goto('/?q=Hulak&hl=be');
  await expect(page).toHaveTitle(/^«Hulak» — /);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /^«Hulak» — /);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
    'content',
    /^\d+ публікацы\S* па запыце «Hulak» — /,
  );
});

test('a search link whose app never comes says so, in the reader’s language', async ({ page }) => {
  await page.route(/\/assets\/index-[^/]+\.js$/, () => undefined);
  await page.goto('/?q=Hulak&hl=be', { waitUntil: 'commit' });
  await expect(page.getByRole('searchbox', { name: /^Пошук публікацый/ })).toHaveValue('Hulak');
  // Not "Searching…" for ever: after a while, what is missing (boot.css shows it).
  await expect
    .poll(() =>
      page.evaluate(
        () => getComputedStyle(document.querySelector('.search-page')!, '::after').content,
      ),
    )
    .toContain('скрыпт старонкі');
});
