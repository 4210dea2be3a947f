import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test also checks what a privacy-minded reader would: no script error, no console
 * error, and no request to any origin but the app's own.
 */
export const test = base.extend<{
  guard: void;
  otherOrigins: string[];
  expectedConsoleErrors: RegExp[];
}>({
  /** Origins a test may load besides the app's own (a host page that embeds it). */
  otherOrigins: [[], { option: true }],
  /**
   * Console errors a test causes on purpose: the browser's own "Failed to load resource" when a
   * test cuts the connection or makes the server fail. Never the app's errors.
   */
  expectedConsoleErrors: [[], { option: true }],
  guard: [
    async ({ page, baseURL, otherOrigins, expectedConsoleErrors }, use) => {
      const problems: string[] = [];
      const allowed = new Set([new URL(baseURL ?? 'http://127.0.0.1').origin, ...otherOrigins]);
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      // On the hostile site, the Content-Security-Policy refusing what a hostile body holds (as
      // the browser's sanitizer parses it, inert) is the policy working, not a problem.
      const hostile = base.info().project.name === 'hostile';
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (hostile && /violates the following Content Security Policy/.test(message.text()))
          return;
        if (expectedConsoleErrors.some((expected) => expected.test(message.text()))) return;
        problems.push(`console error: ${message.text()}`);
      });
      page.on('dialog', (dialog) => {
        problems.push(`dialog opened: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:' && url.protocol !== 'blob:' && !allowed.has(url.origin)) {
          problems.push(`request to another origin: ${request.url()}`);
        }
      });
      await use();
      expect(problems, 'page errors, console errors or foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: /^Search publications/ });
}

export function resultCount(page: Page) {
  return page.getByRole('status').filter({ hasText: /publications?/ });
}

export function results(page: Page) {
  return page.getByRole('list', { name: 'Results' });
}

/** The number of matching publications, once the count is on screen. */
export async function countOf(page: Page): Promise<number> {
  await expect(resultCount(page)).toHaveText(/^[\d,]+ publications?/);
  const text = (await resultCount(page).textContent()) ?? '';
  const match = /([\d,]+) publications?/.exec(text);
  if (!match?.[1]) throw new Error(`no count in "${text}"`);
  return Number(match[1].replace(/,/g, ''));
}

/**
 * What axe-core finds on the page once it is up (its h1 there, the network idle), under the
 * WCAG 2.2 AA tags and best practices: "route: rule (impact) first targets", one line each.
 */
export async function axeViolations(page: Page, route: string): Promise<string[]> {
  await expect(page.locator('h1').first()).toBeAttached();
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return violations.map(
    (violation) =>
      `${route}: ${violation.id} (${violation.impact}) ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(' | ')}`,
  );
}
