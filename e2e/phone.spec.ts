import type { Page } from '@playwright/test';
import { expect, resultCount, results, searchBox, test } from './fixtures.ts';

/** A small phone, held upright, used with a finger. */
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('every route fits 360 px without sideways scrolling', async ({ page }) => {
  for (const path of [
    '/',
    '/?q=Bialiatski&type=statement',
    '/publications/moscow-mechanism-report-on-belarus-uk-statement-to-the-osce',
    '/publications/shto-takoe-abarona-pravou-chalaveka-u-dzyarzhave-dze-chasam-ne-da-zakonau',
    '/no/such/page',
    '/embed?org=viasna&lock=org',
  ]) {
    await page.goto(path);
    await expect(page.locator('h1').first()).toBeAttached();
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
  }
});

test('the search box and the first result are visible without scrolling', async ({ page }) => {
  await page.goto('/');
  await expect(searchBox(page)).toBeInViewport();
  await expect(results(page).getByRole('listitem').first().getByRole('link')).toBeInViewport();
});

test('the first result’s title shows whole on a phone’s first screen, in every language', async ({
  page,
}) => {
  for (const language of ['en', 'be', 'ru']) {
    await page.goto(`/?hl=${language}`);
    const first = page.locator('ol.results > li').first();
    await expect(first.getByRole('link')).toBeInViewport({ ratio: 1 });
    // And its date and type under it.
    await expect(first.locator('.result__meta')).toBeInViewport({ ratio: 1 });
  }
});

test('filters open in a sheet: tap, choose, show results, focus comes back', async ({ page }) => {
  await page.goto('/');
  const open = page.getByRole('button', { name: 'Filters' });
  await open.tap();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet).toBeVisible();
  await sheet
    .getByRole('group', { name: 'Type' })
    .getByRole('checkbox', { name: /^Report/ })
    .tap();
  await expect(sheet.getByRole('button', { name: 'Show 17 results' })).toBeVisible();
  await sheet.getByRole('button', { name: 'Show 17 results' }).tap();
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeFocused();
  await expect(resultCount(page)).toHaveText(/^17 publications/);
});

test('the sheet closes with Esc and with its Close button, and keeps focus inside', async ({
  page,
}) => {
  await page.goto('/');
  const open = page.getByRole('button', { name: 'Filters' });
  await open.click();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet).toBeVisible();
  // Tabbing around never leaves the sheet while it is open.
  for (let step = 0; step < 30; step++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(
      () => document.activeElement?.closest('dialog[open]') !== null,
    );
    expect(inside).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(open).toBeFocused();

  await open.click();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
  await expect(open).toBeFocused();
});

test('a publication reads well on a phone: a tap away, text at least 16 px', async ({ page }) => {
  await page.goto('/?q=Moscow Mechanism');
  await results(page).getByRole('link').first().tap();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  const bodySize = await page
    .locator('.publication__body p')
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(bodySize).toBeGreaterThanOrEqual(16);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: 'Back to results' }).tap();
  await expect(resultCount(page)).toBeVisible();
});

test('controls are large enough to tap', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Filters' }).tap();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  const targets = sheet.locator('label.facet__value, button');
  const boxes = await targets.evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        text: element.textContent?.trim().slice(0, 30),
        width: box.width,
        height: box.height,
      };
    }),
  );
  for (const box of boxes) {
    expect(box.height, box.text).toBeGreaterThanOrEqual(44);
    expect(box.width, box.text).toBeGreaterThanOrEqual(44);
  }
});

test('active filters show above the results, outside the sheet, each removable alone', async ({
  page,
}) => {
  await page.goto('/?type=statement&type=news&from=2021');
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips).toBeVisible();
  await expect(chips.getByRole('button')).toHaveCount(3);
  const before = await resultCount(page).textContent();
  await page.getByRole('button', { name: 'Remove filter: From 2021' }).tap();
  await expect(page).toHaveURL(/\?type=statement&type=news$/);
  await expect(resultCount(page)).not.toHaveText(before ?? '');
  await expect(chips.getByRole('button')).toHaveCount(2);
  // Focus stays on the page: on the chip before the one removed, not on <body>.
  await expect(page.getByRole('button', { name: 'Remove filter: News' })).toBeFocused();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Clear all' }).tap();
  await expect(page).toHaveURL(/\/(\?)?$/);
  await expect(chips).toBeHidden();
  await expect(page.getByRole('region', { name: 'Search results' })).toBeFocused();
});

test('Next shows the next page from its top, with focus on the results; one line of pages', async ({
  page,
}) => {
  await page.goto('/');
  const next = page.getByRole('link', { name: 'Next page' });
  await next.scrollIntoViewIfNeeded();
  // Every page link on one line: none sits below the first.
  const tops = await page
    .getByRole('navigation', { name: 'Pages of results' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  await next.tap();
  await expect(resultCount(page)).toHaveText(/showing 21–40/);
  const section = page.getByRole('region', { name: 'Search results' });
  await expect(section).toBeFocused();
  await expect(results(page).getByRole('listitem').first()).toBeInViewport();
});

test('Share sits by the result count and on a publication, and fits 360 px', async ({ page }) => {
  for (const path of [
    '/?q=Viasna',
    '/publications/belarusian-helsinki-committee-about-aleh-hulak',
  ]) {
    await page.goto(path);
    const share = page.getByRole('button', { name: 'Share' });
    await share.tap();
    const panel = page.getByRole('region', { name: 'Share' });
    await expect(panel).toBeVisible();
    const link = panel.getByRole('textbox', { name: 'Link to this view' });
    await expect(link).toHaveValue(/hl=en/);
    const box = await link.boundingBox();
    expect(box?.width ?? 0, path).toBeGreaterThan(280);
    const code = await panel.getByRole('textbox', { name: 'Embed on your site' }).boundingBox();
    expect(code?.width ?? 0, path).toBeGreaterThan(280);
    expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
  }
  // On the search page it is next to the count, before the list.
  await page.goto('/?q=Viasna');
  const shareTop = (await page.getByRole('button', { name: 'Share' }).boundingBox())?.y ?? 0;
  const listTop = (await results(page).boundingBox())?.y ?? 0;
  expect(shareTop).toBeLessThan(listTop);
});

test('the timeline fits the phone: every year in reach, each label under its own bar', async ({
  page,
}) => {
  await page.goto('/');
  const chart = page.getByRole('figure', { name: 'Publications per year' });
  const bars = chart.getByRole('button');
  await expect(bars.first()).toBeVisible();
  // Nothing scrolled out of sight.
  const strip = chart.locator('.timeline__bars');
  expect(await strip.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
  // The latest year is the last bar, and the axis's last label sits under it.
  const last = bars.last();
  await expect(last).toHaveAccessibleName(/^(\d{4}–)?2025: \d+ publications?$/);
  const lastBox = await last.boundingBox();
  const labelBox = await chart.locator('.timeline__axis span').last().boundingBox();
  expect(
    Math.abs(
      (labelBox?.x ?? 0) + (labelBox?.width ?? 0) - ((lastBox?.x ?? 0) + (lastBox?.width ?? 0)),
    ),
  ).toBeLessThan(4);
  // Bars stay big enough to tap.
  expect(lastBox?.width ?? 0).toBeGreaterThanOrEqual(24);
});

test('Back from a publication returns to the result that was opened', async ({ page }) => {
  await page.goto('/?q=Viasna');
  const links = results(page).getByRole('listitem').getByRole('link');
  await expect(links.nth(9)).toBeAttached();
  const ninth = links.nth(8);
  const title = ((await ninth.textContent()) ?? '').trim();
  await ninth.scrollIntoViewIfNeeded();
  await ninth.tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // Scroll the publication, as a reader does, before going back.
  await page.mouse.wheel(0, 1500);
  await page.goBack();
  const again = results(page).getByRole('link', { name: title, exact: true });
  await expect(again).toBeInViewport();
  await expect(again).toBeFocused();
});

/** Every control on screen smaller than a fingertip (44×44 px), but text a publication links. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const control of document.querySelectorAll<HTMLElement>(
      'a[href], button, select, input, summary',
    )) {
      // A publication's own text may link within a sentence (WCAG's inline exception).
      if (control.closest('.publication__body, .skip-link, .visually-hidden')) continue;
      const target = control.matches('input[type="checkbox"]')
        ? (control.closest('label') ?? control)
        : control;
      if (!target.checkVisibility({ visibilityProperty: true })) continue;
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.width < 43.5 || box.height < 43.5) {
        const name = (target.getAttribute('aria-label') ?? target.textContent ?? '').trim();
        small.push(`${name.slice(0, 30)}: ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

test('every control a reader taps is at least 44×44 px', async ({ page }) => {
  for (const path of [
    '/?type=statement&type=news&from=2021',
    '/?page=3',
    '/publications/belarusian-helsinki-committee-about-aleh-hulak',
    '/embed?org=viasna&lock=org',
  ]) {
    await page.goto(path);
    await expect(page.locator('h1').first()).toBeAttached();
    await page.waitForLoadState('networkidle');
    expect(await smallTargets(page), path).toEqual([]);
  }
});
