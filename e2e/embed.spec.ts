import type { FrameLocator, Locator, Page } from '@playwright/test';
import { APP_ORIGIN, HOST_PORT } from '../playwright.config.ts';
import { expect, test } from './fixtures.ts';

/** A publication's h1, not the search page's (visually hidden) "Search …" one. */
const PUBLICATION_TITLE = /^(?!Search )/;

/** A partner's page on another origin embeds the app twice with embed.js (e2e/host/index.html). */

const HOST = `http://127.0.0.1:${HOST_PORT}`;
test.use({ otherOrigins: [HOST] });

/** The iframe embed.js made, and the app inside it. */
function embed(page: Page, id: string): { iframe: Locator; app: FrameLocator } {
  return { iframe: page.locator(`iframe#${id}`), app: page.frameLocator(`iframe#${id}`) };
}

/** The height the iframe has, and the height of the app's content inside it. */
async function heights(page: Page, id: string) {
  const { iframe } = embed(page, id);
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame for #${id}`);
  const content = await frame.evaluate(() =>
    Math.ceil(document.querySelector('.embed')?.getBoundingClientRect().height ?? 0),
  );
  const outer = await iframe.evaluate((element) => element.getBoundingClientRect().height);
  return { content, outer };
}

async function expectFitted(page: Page, id: string) {
  await expect
    .poll(async () => {
      const { content, outer } = await heights(page, id);
      return Math.abs(content - outer);
    })
    .toBeLessThanOrEqual(1);
}

test('embed.js turns each placeholder into a titled, lazy iframe of /embed', async ({ page }) => {
  await page.goto(`${HOST}/`);
  const all = embed(page, 'all').iframe;
  const viasna = embed(page, 'viasna').iframe;
  await expect(all).toHaveAttribute('title', 'All publications');
  await expect(all).toHaveAttribute('loading', 'lazy');
  await expect(all).toHaveAttribute('src', `${APP_ORIGIN}/embed`);
  await expect(viasna).toHaveAttribute('src', `${APP_ORIGIN}/embed?lock=org&theme=dark&org=viasna`);
  await expect(page.locator('[data-statement-explorer]')).toHaveCount(0);
  // An embed has no site header or footer.
  const app = embed(page, 'all').app;
  await expect(app.getByRole('list', { name: 'Results' })).toBeVisible();
  await expect(app.getByRole('banner')).toHaveCount(0);
  await expect(app.getByRole('contentinfo')).toHaveCount(0);
});

test('each iframe is as tall as its content, as the content grows and shrinks', async ({
  page,
}) => {
  await page.goto(`${HOST}/`);
  const { app } = embed(page, 'all');
  await expect(app.getByRole('list', { name: 'Results' })).toBeVisible();
  await expectFitted(page, 'all');
  const tall = (await heights(page, 'all')).outer;

  await app.getByRole('searchbox', { name: /^Search publications/ }).fill('qqqzzzxxx');
  await expect(app.getByRole('heading', { name: 'No results' })).toBeVisible();
  await expectFitted(page, 'all');
  const short = (await heights(page, 'all')).outer;
  expect(short).toBeLessThan(tall - 200);

  await app.getByRole('button', { name: 'Clear search' }).click();
  await expect(app.getByRole('list', { name: 'Results' })).toBeVisible();
  await expectFitted(page, 'all');
  expect((await heights(page, 'all')).outer).toBeGreaterThan(short + 200);

  // The other embed keeps its own height, in view or not.
  await expectFitted(page, 'viasna');
  await embed(page, 'viasna').iframe.scrollIntoViewIfNeeded();
  await expectFitted(page, 'viasna');
});

test('a locked organization stays locked, in counts, results and links', async ({ page }) => {
  await page.goto(`${HOST}/`);
  const { app } = embed(page, 'viasna');
  const organizations = app.getByRole('group', { name: 'Organization' });
  const viasna = organizations.getByRole('checkbox', { name: /^Viasna Human Rights Centre/ });
  await expect(viasna).toBeChecked();
  await expect(viasna).toBeDisabled();
  await expect(organizations.getByRole('checkbox')).toHaveCount(1);
  await expect(app.getByRole('status')).toHaveText(/^34 publications/);

  // Other filters narrow within the lock; clearing them keeps it.
  await app.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^News/ }).check();
  await expect(app.getByRole('status')).toHaveText(/^11 publications/);
  await app.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(app.getByRole('status')).toHaveText(/^34 publications/);

  // A publication's links to other organizations lead back into the locked scope.
  await app.getByRole('list', { name: 'Results' }).getByRole('link').first().click();
  await expect(app.getByRole('heading', { level: 1, name: PUBLICATION_TITLE })).toBeVisible();
  const other = app.locator('.publication__orgs a').last();
  await other.click();
  await expect(app.getByRole('status')).toHaveText(/^34 publications/);
  await expect(app.getByRole('group', { name: 'Organization' }).getByRole('checkbox')).toHaveCount(
    1,
  );
});

test('navigation stays inside the iframe; the host page never moves', async ({ page }) => {
  await page.goto(`${HOST}/`);
  const { app, iframe } = embed(page, 'all');
  await app.getByRole('list', { name: 'Results' }).getByRole('link').first().click();
  await expect(app.getByRole('heading', { level: 1, name: PUBLICATION_TITLE })).toBeVisible();
  const frame = await (await iframe.elementHandle())?.contentFrame();
  expect(frame?.url()).toMatch(new RegExp(`^${APP_ORIGIN}/embed/publications/[a-z0-9-]+\\?hl=en$`));
  expect(page.url()).toBe(`${HOST}/`);

  // Links inside stay under /embed; the way out opens a new tab.
  await expect(app.getByRole('link', { name: 'Back to results' })).toBeVisible();
  const typeLink = app.locator('.publication__type a');
  await expect(typeLink).toHaveAttribute('href', /^\/embed\?type=/);
  const fullSite = app.getByRole('link', { name: /Open in full site/ });
  await expect(fullSite).toHaveAttribute('target', '_blank');
  await expect(fullSite).toHaveAttribute('href', new RegExp(`^${APP_ORIGIN}/publications/`));
  const [popup] = await Promise.all([page.waitForEvent('popup'), fullSite.click()]);
  await expect(popup.getByRole('heading', { level: 1, name: PUBLICATION_TITLE })).toBeVisible();
  await popup.close();
  expect(page.url()).toBe(`${HOST}/`);
});

test('the theme is the host’s choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${HOST}/`);
  const dark = embed(page, 'viasna').app.locator('html');
  await expect(dark).toHaveAttribute('data-theme', 'dark');
  const background = await dark.evaluate(
    (element) => getComputedStyle(element.querySelector('body') ?? element).backgroundColor,
  );
  expect(background).toBe('rgb(15, 20, 25)');
  const light = embed(page, 'all').app.locator('html');
  await expect(light).not.toHaveAttribute('data-theme', /.*/);
});

test('the height message carries the height and nothing else, from the app’s origin', async ({
  page,
}) => {
  const messages: unknown[] = [];
  await page.exposeFunction('recordMessage', (data: unknown, origin: string) =>
    messages.push({ data, origin }),
  );
  await page.addInitScript(() => {
    window.addEventListener('message', (event) => {
      (window as unknown as { recordMessage: (d: unknown, o: string) => void }).recordMessage(
        event.data,
        event.origin,
      );
    });
  });
  await page.goto(`${HOST}/`);
  await expect.poll(() => messages.length).toBeGreaterThan(1);
  for (const message of messages) {
    expect(message).toEqual({
      data: { type: 'statement-explorer:resize', height: expect.any(Number) },
      origin: APP_ORIGIN,
    });
  }
});

test('an embed works sandboxed and without storage', async ({ page, context }) => {
  // Storage blocked, as browsers do for third-party frames that may not keep state.
  await context.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage'] as const) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('Storage is blocked', 'SecurityError');
        },
      });
    }
  });
  await page.goto(`${HOST}/sandboxed.html`);
  const app = page.frameLocator('iframe');
  await expect(app.getByRole('status')).toHaveText(/^17 publications/);
  await app.getByRole('searchbox', { name: /^Search publications/ }).fill('Helsinki');
  // Until the new results arrive the previous ones stay on screen (marked busy) and the page
  // below the box reflows when they do: open a result only once the search has settled.
  await expect(app.getByRole('status')).not.toHaveText(/^17 publications/);
  const list = app.getByRole('list', { name: 'Results' });
  await expect(list).toHaveAttribute('aria-busy', 'false');
  await list.getByRole('link').first().click();
  await expect(app.getByRole('heading', { level: 1, name: PUBLICATION_TITLE })).toBeVisible();
});

test('a malformed or unknown publication address in the embed says "not found"', async ({
  page,
}) => {
  for (const path of ['/embed/publications/%E0%A4%A', '/embed/publications/no-such-thing']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Publication not found');
    await expect(page.getByRole('link', { name: 'Go to the search page' })).toHaveAttribute(
      'href',
      /^\/embed\?hl=en$/,
    );
  }
});

test('the frame’s height settles as the embed loads: no dip, no spike, one way', async ({
  page,
}) => {
  // Every height each frame is given, from embed.js's first (600) on.
  await page.addInitScript(() => {
    const heights: Record<string, number[]> = {};
    Reflect.set(window, '__heights', heights);
    window.addEventListener('message', (event) => {
      const data: unknown = event.data;
      if (typeof data !== 'object' || data === null || !('height' in data)) return;
      for (const frame of document.querySelectorAll('iframe')) {
        if (frame.contentWindow !== event.source) continue;
        (heights[frame.id] ??= [600]).push(Number(data.height));
      }
    });
  });
  await page.goto(`${HOST}/`);
  for (const id of ['all', 'viasna']) {
    const { app } = embed(page, id);
    await expect(
      app.getByRole('list', { name: 'Results' }).getByRole('link').first(),
    ).toBeVisible();
    await expect(app.getByRole('list', { name: 'Results' })).toHaveAttribute('aria-busy', 'false');
    await expectFitted(page, id);
    const heights = (
      (await page.evaluate(() => Reflect.get(window, '__heights'))) as Record<string, number[]>
    )[id] ?? [600];
    const final = heights.at(-1) ?? 0;
    const rising = heights.every(
      (height, index) => index === 0 || height >= (heights[index - 1] ?? 0),
    );
    const falling = heights.every(
      (height, index) => index === 0 || height <= (heights[index - 1] ?? 0),
    );
    expect(rising || falling, `${id}: ${heights.join(' → ')}`).toBe(true);
    expect(Math.min(...heights), `${id}: ${heights.join(' → ')}`).toBeGreaterThanOrEqual(200);
    expect(Math.max(...heights), `${id}: ${heights.join(' → ')}`).toBeLessThanOrEqual(1.5 * final);
  }
});

test('Back in the host page returns the reader to the result they opened', async ({ page }) => {
  await page.goto(`${HOST}/`);
  const { app } = embed(page, 'all');
  const links = app.getByRole('list', { name: 'Results' }).getByRole('link');
  const fifteenth = links.nth(14);
  await expect(fifteenth).toBeVisible();
  await expectFitted(page, 'all');
  await fifteenth.scrollIntoViewIfNeeded();
  const title = ((await fifteenth.textContent()) ?? '').trim();
  await fifteenth.click();
  await expect(app.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The host's own Back: the frame goes back in its history.
  await page.evaluate(() => history.back());
  const again = app.getByRole('link', { name: title, exact: true });
  await expect(again).toBeFocused();
  // In the host's viewport: the host's page scrolled to it, not the frame's inside.
  await expect
    .poll(async () => {
      const box = await again.boundingBox();
      const viewport = page.viewportSize();
      return !!box && !!viewport && box.y >= 0 && box.y + box.height <= viewport.height;
    })
    .toBe(true);
});

test('a feed opens outside the frame, and the frame stays where it was', async ({ page }) => {
  await page.goto(`${HOST}/`);
  const { app, iframe } = embed(page, 'viasna');
  const feed = app.getByRole('link', { name: /^Feed/ });
  await expect(feed).toHaveAttribute('target', '_blank');
  await expect(feed).toHaveAttribute('rel', /noopener/);
  const before = await iframe.evaluate((element) => (element as HTMLIFrameElement).src);
  const [popup] = await Promise.all([page.waitForEvent('popup'), feed.click()]);
  await expect.poll(() => popup.url()).toMatch(/\/feeds\/org\/viasna\.atom$/);
  await popup.close();
  await expect(app.getByRole('list', { name: 'Results' })).toBeVisible();
  expect(await iframe.evaluate((element) => (element as HTMLIFrameElement).src)).toBe(before);
});
