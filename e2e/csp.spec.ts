import { test as plain, type Page } from '@playwright/test';
import { expect, results, searchBox, test } from './fixtures.ts';

/** Every page the build writes carries a Content-Security-Policy; nothing the app does breaks it. */

async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

function violations(page: Page) {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

const ROUTES = [
  '/',
  '/?q=Bialiatski',
  '/?q=prisoner&type=statement',
  '/publications/serious-human-rights-violations-in-russia-uk-statement-to-the-osce',
  '/embed',
  '/embed/publications/serious-human-rights-violations-in-russia-uk-statement-to-the-osce',
  '/no-such-page',
];

for (const route of ROUTES) {
  test(`${route} runs with no policy violation`, async ({ page }) => {
    await recordViolations(page);
    await page.goto(route);
    await expect(page.locator('#root > *').first()).toBeVisible();
    if (route === '/') {
      await searchBox(page).fill('Hulak');
      await expect(results(page).getByRole('link').first()).toContainText('Hulak');
    }
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);
  });
}

plain('an inline script put into a page is refused', async ({ page }) => {
  await recordViolations(page);
  await page.goto('/');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
  });
  await expect
    .poll(() => violations(page))
    .toContainEqual(expect.stringMatching(/^script-src(-elem)? inline/));
  expect(
    await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran),
  ).toBeUndefined();
});
