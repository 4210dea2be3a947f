import { expect, resultCount, results, searchBox, test } from './fixtures.ts';

/** Everything with the keyboard alone. */

test('skip link, "/" to search, filters and a result, all by keyboard', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to results' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#results')).toBeFocused();

  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('Helsinki');
  await expect(resultCount(page)).toHaveText(/^\d+ publications/);

  // Tab to the first type checkbox and tick it with Space.
  const statement = page.getByRole('group', { name: 'Type' }).getByRole('checkbox').first();
  for (
    let step = 0;
    step < 10 && !(await statement.evaluate((e) => e === document.activeElement));
    step++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(statement).toBeFocused();
  await page.keyboard.press('Space');
  await expect(statement).toBeChecked();
  await expect(page).toHaveURL(/type=statement/);

  // On to the first result, and open it.
  const first = results(page).getByRole('link').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('every control shows where focus is', async ({ page }) => {
  await page.goto('/?q=Viasna');
  await expect(results(page)).toBeVisible();
  const unmarked: string[] = [];
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return { visible, what: `${element.tagName} ${element.textContent?.trim().slice(0, 30)}` };
    });
    if (outline && !outline.visible) unmarked.push(outline.what);
  }
  expect(unmarked).toEqual([]);
});

test('Back from a publication restores the results and the scroll position', async ({ page }) => {
  await page.goto('/');
  const link = results(page).getByRole('listitem').nth(15).getByRole('link');
  const title = ((await link.textContent()) ?? '').trim();
  // Where the reader was is where the click happened: the click scrolls the link into view
  // once the page has settled (a position read earlier may be stale by then).
  await link.click();
  // The search page has a (visually hidden) h1 too: wait for the publication's.
  await expect(page).toHaveURL(/\/publications\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.goBack();
  // The result the reader opened is on screen again, far down the list, not at its top.
  await expect(results(page).getByRole('link', { name: title, exact: true })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
});
