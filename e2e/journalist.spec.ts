import { readFile } from 'node:fs/promises';
import { parseCsv } from '../src/testing/parse-csv.ts';
import { countOf, expect, resultCount, results, searchBox, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

/**
 * What a journalist does with the archive: precise queries, searches across alphabets and into
 * the full text, narrowing by the timeline, citing a publication, exporting results, following
 * a feed.
 */

async function titles(page: Page): Promise<string[]> {
  return results(page)
    .getByRole('listitem')
    .getByRole('heading')
    .allTextContents()
    .then((all) => all.map((title) => title.trim()));
}

test('an exact phrase finds the phrase, not its words apart', async ({ page }) => {
  await page.goto('/?q=political%20prisoners');
  const loose = await countOf(page);
  await searchBox(page).fill('"political prisoners"');
  await searchBox(page).press('Enter');
  await expect(page).toHaveURL(/q=%22political(\+|%20)prisoners%22/);
  await expect(resultCount(page)).not.toHaveText(new RegExp(`^${loose} publications`));
  const exact = await countOf(page);
  expect(exact).toBeGreaterThan(0);
  expect(exact).toBeLessThan(loose);
  // The phrase is marked as one, in the titles and summaries that hold it; its words in other
  // forms or languages follow as partial matches, marked so.
  const whole = results(page)
    .getByRole('listitem')
    .filter({ hasNot: page.getByText(/^Matches \d+ of \d+ words$/) });
  const marks = whole.locator('mark');
  await expect(marks.first()).toBeVisible();
  for (const mark of await marks.allTextContents()) {
    expect(mark.toLowerCase()).toMatch(/^political|^prisoners?$/);
  }
});

test('an exclusion leaves out publications with the word', async ({ page }) => {
  await page.goto('/?q=Bialiatski');
  const all = await countOf(page);
  const withAmnesty = (await titles(page)).filter((title) => /amnesty/i.test(title));
  expect(withAmnesty.length).toBeGreaterThan(0);
  await searchBox(page).fill('Bialiatski -amnesty');
  await expect(resultCount(page)).not.toHaveText(new RegExp(`^${all} publications`));
  expect(await countOf(page)).toBeLessThan(all);
  for (const title of await titles(page)) expect(title).not.toMatch(/amnesty/i);
  // A lone "-" or an unclosed quote is plain search, not an error.
  await searchBox(page).fill('Bialiatski - "amnesty');
  await expect(resultCount(page)).toHaveText(/^\d+ publications?/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a Cyrillic query finds a Latin-script publication, and the reverse', async ({ page }) => {
  await page.goto('/');
  // The Cyrillic name, then its Russian romanisation: both find "Aleh Hulak", marked.
  for (const query of ['Гулак', 'Gulak']) {
    await searchBox(page).fill(query);
    // The previous results stay on screen, marked busy, until this query's arrive.
    await expect(results(page)).toHaveAttribute('aria-busy', 'false');
    await expect(
      results(page)
        .getByRole('link', { name: /Aleh Hulak/ })
        .first(),
    ).toBeVisible();
    await expect(
      results(page)
        .locator('mark', { hasText: /^Hulak$/ })
        .first(),
    ).toBeVisible();
  }
  // The one Belarusian-language publication, found by a Latin spelling of its words.
  await searchBox(page).fill('zastalosia');
  await expect(
    results(page).getByRole('link', { name: /Праваабаронцаў у Беларусі засталося/ }),
  ).toBeVisible();
  await expect(results(page).locator('mark', { hasText: 'засталося' }).first()).toBeVisible();
  // An alias's Latin spelling ("Весна" → "Vesna") finds its organization's publications.
  await page.goto('/?org=viasna');
  const viasna = await countOf(page);
  await page.goto('/?q=Vesna');
  expect(await countOf(page)).toBeGreaterThanOrEqual(viasna);
  await expect(
    page.getByRole('group', { name: 'Organization' }).getByRole('checkbox', {
      name: new RegExp(`^Viasna Human Rights Centre ${viasna}$`),
    }),
  ).toBeVisible();
});

test('a word only in the body finds the publication, shown with its snippet', async ({ page }) => {
  await page.goto('/?q=subscribes');
  const hit = results(page).getByRole('listitem').first();
  await expect(hit.getByRole('link', { name: /Moscow Mechanism Report on Belarus/ })).toBeVisible();
  await expect(hit).toContainText('In the text:');
  await expect(hit.locator('mark', { hasText: 'subscribes' })).toBeVisible();

  // Titles and summaries only: the body no longer counts.
  await page.getByRole('checkbox', { name: 'Titles and summaries only' }).check();
  await expect(page).toHaveURL(/in=titles/);
  await expect(resultCount(page)).toHaveText(/^0 publications|^No publications/);
});

test('on a slow network, matches in titles come first, then the full text', async ({ page }) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/index\/bp?\.[0-9a-f]+\.bin$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/?q=subscribes');
  await expect(page.getByText('Searching the full text too…')).toBeVisible();
  await expect(resultCount(page)).toHaveText(/^0 publications|^No publications/);
  release();
  await expect(page.getByText('Searching the full text too…')).toBeHidden();
  const hit = results(page).getByRole('listitem').first();
  await expect(hit.getByRole('link', { name: /Moscow Mechanism Report on Belarus/ })).toBeVisible();
  await expect(hit).toContainText('In the text:');
});

test('when the full text cannot be loaded, the page says so and can try again', async ({
  page,
}) => {
  let offline = true;
  await page.route(/\/index\/bp?\.[0-9a-f]+\.bin$/, (route) =>
    offline ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.goto('/?q=subscribes');
  await expect(page.getByText(/The full text could not be loaded/)).toBeVisible();
  offline = false;
  await page.getByRole('button', { name: 'Search the full text again' }).click();
  await expect(page.getByText(/The full text could not be loaded/)).toBeHidden();
  await expect(
    results(page).getByRole('link', { name: /Moscow Mechanism Report on Belarus/ }),
  ).toBeVisible();
});

test('a year bar narrows the search to that year', async ({ page }) => {
  await page.goto('/?q=Viasna');
  const chart = page.getByRole('figure', { name: /per year/ });
  await expect(chart).toBeVisible();
  const bar = chart.getByRole('button', { name: /^\d{4}: [1-9]\d* publications?$/ }).last();
  const name = (await bar.getAttribute('aria-label')) ?? '';
  const [, year, count] = /^(\d{4}): (\d+)/.exec(name) ?? [];
  await bar.click();
  await expect(page).toHaveURL(new RegExp(`from=${year}&to=${year}`));
  await expect(resultCount(page)).toHaveText(new RegExp(`^${count} publications?`));
  // A narrow range turns the chart to months.
  await expect(page.getByRole('figure', { name: /per month/ })).toBeVisible();
  // The same figures are in a table for screen readers.
  await expect(page.getByRole('table', { name: /per month/ })).toBeAttached();
});

test('a copied citation holds the title, the link and the access date', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?q=Hulak');
  const first = results(page).getByRole('listitem').first().getByRole('link');
  const title = ((await first.textContent()) ?? '').trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const cite = page.getByRole('region', { name: 'Cite' });
  await cite.getByRole('button', { name: 'Copy citation' }).click();
  await expect(cite).toContainText('Citation copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`“${title}`);
  // The permanent link: the page's address without the interface language.
  const permalink = page.url().replace(/\?hl=en$/, '');
  expect(permalink).toMatch(/\/publications\/[a-z0-9-]+$/);
  expect(copied).toContain(permalink);
  expect(copied).toMatch(/Accessed \d{1,2} \w+ \d{4}\.$/);

  // One link a name: the citation's is the permanent one; Share's, the page in this language.
  await cite.getByRole('button', { name: 'Copy permanent link' }).click();
  await expect(cite).toContainText('Permanent link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(permalink);

  const related = page.getByRole('region', { name: 'Related' });
  const links = related.getByRole('link');
  await expect(links.first()).toBeVisible();
  expect(await links.count()).toBeLessThanOrEqual(5);
  expect(await links.allTextContents()).not.toContain(title);
});

test('an exported CSV has one row per result, all of them', async ({ page }) => {
  await page.goto('/?q=Belarus&org=viasna');
  const count = await countOf(page);
  // More results than one page shows: the export must not stop at the page.
  expect(count).toBeGreaterThan(await results(page).getByRole('listitem').count());
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^publications-viasna-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await file.path()) ?? '', 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const records = parseCsv(csv.slice(1));
  expect(records[0]).toEqual([
    'id',
    'title',
    'type',
    'organizations',
    'date',
    'language',
    'source_url',
    'permalink',
  ]);
  expect(records.length - 1).toBe(count);
  for (const record of records.slice(1)) {
    expect(record).toHaveLength(8);
    expect(record[3]).toContain('Viasna');
  }

  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const jsonFile = await json;
  expect(jsonFile.suggestedFilename()).toMatch(/\.json$/);
  const parsed = JSON.parse(await readFile((await jsonFile.path()) ?? '', 'utf8')) as unknown[];
  expect(parsed).toHaveLength(count);
});

test('a page of one organization advertises its feed, which is valid Atom', async ({ page }) => {
  await page.goto('/?org=viasna');
  const alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  await expect(alternate).toHaveAttribute('href', /feeds\/org\/viasna\.atom$/);
  const feedLink = page.getByRole('link', { name: 'Feed' });
  await expect(feedLink).toHaveAttribute('href', /feeds\/org\/viasna\.atom$/);
  const href = (await feedLink.getAttribute('href')) ?? '';

  const response = await page.request.get(href);
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toMatch(/atom\+xml|xml/);
  const xml = await response.text();
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const atom = 'http://www.w3.org/2005/Atom';
    const root = doc.documentElement;
    const entries = [...doc.getElementsByTagNameNS(atom, 'entry')];
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: `${root.namespaceURI ?? ''} ${root.localName}`,
      id: doc.getElementsByTagNameNS(atom, 'id')[0]?.textContent ?? '',
      updated: root.querySelector(':scope > updated')?.textContent ?? '',
      entries: entries.map((entry) => ({
        id: entry.getElementsByTagNameNS(atom, 'id')[0]?.textContent ?? '',
        title: entry.getElementsByTagNameNS(atom, 'title')[0]?.textContent ?? '',
        updated: entry.getElementsByTagNameNS(atom, 'updated')[0]?.textContent ?? '',
        link: entry.getElementsByTagNameNS(atom, 'link')[0]?.getAttribute('href') ?? '',
      })),
    };
  }, xml);
  expect(feed.error).toBe(false);
  expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
  expect(feed.id).not.toBe('');
  expect(Date.parse(feed.updated)).not.toBeNaN();
  expect(feed.entries.length).toBeGreaterThan(0);
  expect(feed.entries.length).toBeLessThanOrEqual(50);
  const total = await countOf(page);
  expect(feed.entries.length).toBe(Math.min(50, total));
  for (const entry of feed.entries) {
    expect(entry.id).not.toBe('');
    expect(entry.title).not.toBe('');
    expect(Date.parse(entry.updated)).not.toBeNaN();
    expect(entry.link).toMatch(/\/publications\//);
  }
  // Newest first; the newest is the one the search page's "Newest" order shows first.
  const times = feed.entries.map((entry) => Date.parse(entry.updated));
  expect(times).toEqual([...times].sort((a, b) => b - a));
  await page.goto('/?org=viasna&sort=newest');
  await expect(results(page).getByRole('listitem').first().getByRole('heading')).toHaveText(
    feed.entries[0]?.title ?? '',
  );
});
