import AxeBuilder from '@axe-core/playwright';
import { axeViolations, expect, test } from './fixtures.ts';

/** axe-core finds nothing on any route, light or dark, wide or narrow. */

const ROUTES = [
  '/',
  '/?q=Viasna&type=statement&from=2021',
  '/?q=qqqzzzxxx',
  // Partial matches, a term of another language, "Did you mean", in Belarusian.
  '/?q=Kalesnikova%20prisn&hl=be',
  '/?q=%D0%BF%D0%BE%D0%BB%D0%B8%D1%82%D0%B7%D0%B0%D0%BA%D0%BB%D1%8E%D1%87%D0%B5%D0%BD%D0%BD%D1%8B%D0%B5%20%D0%B3%D0%BE%D0%BB%D0%BE%D0%B4%D0%BE%D0%B2%D0%BA%D0%B0&hl=ru',
  '/publications/moscow-mechanism-report-on-belarus-uk-statement-to-the-osce',
  '/publications/joint-open-letter-in-support-of-the-belarusian-helsinki-committee',
  '/no/such/page',
  '/publications/no-such-publication',
  '/embed?org=viasna&lock=org',
  '/embed/publications/moscow-mechanism-report-on-belarus-uk-statement-to-the-osce',
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 360, height: 740 }],
  ] as const) {
    test(`no axe violations: ${colorScheme}, ${device}`, async ({ page }) => {
      // Eleven pages, each loaded and analysed: longer than one page's test.
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      const found: string[] = [];
      for (const route of ROUTES) {
        await page.goto(route);
        found.push(...(await axeViolations(page, route)));
      }
      expect(found).toEqual([]);
    });
  }
}

test('the phone sheet of filters is accessible when open', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => violation.id)).toEqual([]);
});
