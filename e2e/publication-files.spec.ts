import { test as plain } from '@playwright/test';
import { expect, searchBox, test } from './fixtures.ts';

/**
 * Publication pages as files (docs/decisions/014-pages-as-files.md): each shared link shows
 * something useful before any script runs, previews well, and reads without scripts.
 */

const TRANSLATED = 'what-does-human-rights-protection-mean-in-a-state-where-the-law-can-sometimes';
const WITH_BODY = 'serious-human-rights-violations-in-russia-uk-statement-to-the-osce';

test('a publication URL is an HTML page with its title, date, preview tags and canonical link', async ({
  request,
}) => {
  const response = await request.get(`/publications/${TRANSLATED}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toMatch(/<h1[^>]*>What does human rights protection mean/i);
  expect(html).toMatch(/<time dateTime="\d{4}(-\d\d){0,2}">/i);
  expect(html).toMatch(/<title>What does human rights protection mean[^<]* — /);
  expect(html).toContain('<meta property="og:type" content="article" />');
  expect(html).toMatch(/<meta property="og:title" content="What does human rights/);
  expect(html).toMatch(/<meta property="og:description" content="[^"]+"/);
  expect(html).toMatch(/<meta property="article:published_time" content="\d{4}/);
  expect(html).toMatch(/<meta name="description" content="[^"]+"/);
  expect(html).toContain(`<link rel="canonical" href="/publications/${TRANSLATED}" />`);
  expect(html).toMatch(/<link rel="alternate" hreflang="be" href="\/publications\/[a-z0-9-]+" \/>/);
  expect(html).toContain('http-equiv="Content-Security-Policy"');
  // The start data is not needed to show the page, so it is not in it.
  expect(html).not.toContain('type="application/json"');
});

plain(
  'without scripts a publication reads in full and a search link says what it needs',
  async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/publications/${WITH_BODY}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.publication__body p').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Source' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy citation' })).toBeHidden();

    await page.goto('/?q=Bialiatski');
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    await expect(page.getByRole('link', { name: 'The list of publications' })).toBeVisible();
    await expect(page.getByRole('searchbox')).toBeHidden();
    await context.close();
  },
);

test('the app adopts a publication page in place, and its links work', async ({ page }) => {
  await page.goto(`/publications/${TRANSLATED}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('What does human rights protection mean');
  await expect(page.getByRole('button', { name: 'Copy citation' })).toBeVisible();
  await page.getByRole('link', { name: 'Search the archive' }).click();
  await expect(searchBox(page)).toBeVisible();
});

test('a search link shows the query in the box and "Searching…", never the start page results', async ({
  page,
}) => {
  // Hold the app's code back until the checks are done (not for a time: a busy machine may take
  // longer than any time to show the page): what shows is what the HTML and the boot script give.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/start-*.js', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/?q=Bialiatski', { waitUntil: 'commit' });
  await expect(searchBox(page)).toHaveValue('Bialiatski');
  await expect(page.getByRole('searchbox')).toHaveCount(1);
  await expect(page.locator('.search-page__columns')).toBeHidden();
  await expect(page.getByRole('banner')).toBeVisible();
  release();
  await expect(searchBox(page)).toHaveValue('Bialiatski');
  await expect(page.getByRole('list', { name: 'Results' })).toBeVisible({ timeout: 15_000 });
});

test('one "Copy link" on a publication, and the citation’s permanent link named apart', async ({
  page,
}) => {
  await page.goto(`/publications/${TRANSLATED}?hl=be`);
  await page.getByRole('button', { name: 'Падзяліцца' }).click();
  await expect(page.getByRole('button', { name: 'Скапіяваць спасылку', exact: true })).toHaveCount(
    1,
  );
  await expect(page.getByRole('button', { name: 'Скапіяваць пастаянную спасылку' })).toHaveCount(1);
  // Share's link is this page in this language; the citation's, the page itself.
  await expect(page.getByRole('textbox', { name: 'Спасылка на гэтую старонку' })).toHaveValue(
    /\?hl=be$/,
  );
});
