import { expect, test } from './fixtures.ts';

/** A hostile publication's HTML file, written by the build: inert, with or without scripts. */

test("replacement patterns in the archive name ($', $`, $&) are only text in every page", async ({
  request,
}) => {
  // Through String.replace as a replacement string, "$'" wrote the rest of the page in place of
  // the name and "$`" the page before it: every pre-rendered page came out broken or empty.
  for (const path of ['/', '/publications/markup-in-title']) {
    const html = await (await request.get(path)).text();
    expect(html, path).toMatch(/<title>[^<]*archive[^<]*\$' \$` \$&amp; \$1<\/title>/);
    expect(html.match(/<title>/g), path).toHaveLength(1);
    expect(html.match(/<div id="root">/g), path).toHaveLength(1);
  }
  const start = await (await request.get('/')).text();
  expect(start).toContain('aria-label="Results"');
  const publication = await (await request.get('/publications/markup-in-title')).text();
  expect(publication).toMatch(/<h1[^>]*>&lt;script&gt;/);
});

test('a hostile publication page is sanitized in its HTML file', async ({ request, page }) => {
  const html = await (await request.get('/publications/markup-in-title')).text();
  const body = html.slice(html.indexOf('<body>'));
  // Only the app's own two scripts: the boot script and the entry module.
  expect(html.match(/<script\b/g)).toHaveLength(2);
  expect(body).not.toMatch(/<(script|iframe|object|embed|form|style|base|meta|link)\b/i);
  // No handler and no script URL in any tag (the text may show them, escaped).
  expect(body).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
  expect(body).not.toMatch(/<[a-z][^>]*=["']?\s*javascript:/i);
  expect(html).toContain('&lt;script&gt;window.__pwned=&#x27;title&#x27;&lt;/script&gt;');
  expect(body).not.toMatch(/<img[^>]+evil\.example/);
  // Built without SITE_URL: no absolute address passes for the site's own, localhost included.
  expect(body).not.toMatch(/<img[^>]+localhost/);
  expect(body).toContain('Image: local pixel (on localhost)');

  await page.goto('/publications/markup-in-title');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<b>Bold</b> claims');
  await page.waitForLoadState('networkidle');
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
  ).toBeUndefined();
});

test('a lone surrogate in a title neither breaks the page nor keeps the app from adopting it', async ({
  page,
}) => {
  for (const path of ['/', '/publications/lone-surrogate']) {
    await page.goto(path);
    const title =
      path === '/'
        ? page.getByRole('link', { name: /^A broken character/ })
        : page.getByRole('heading', { level: 1 });
    await expect(title).toHaveText('A broken character \uFFFD in the title');
    // Adopted in place (React's own marks on the node), with no error: the guard sees none.
    await expect
      .poll(() =>
        title.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__react'))),
      )
      .toBe(true);
  }
});
