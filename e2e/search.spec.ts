import { countOf, expect, resultCount, results, searchBox, test } from './fixtures.ts';

test('the search page lists the whole archive, newest first', async ({ page }) => {
  await page.goto('/');
  await expect(resultCount(page)).toHaveText(/^126 publications · showing 1–20/);
  await expect(results(page).getByRole('listitem')).toHaveCount(20);
  await expect(page).toHaveTitle(/Human rights publications/);
  // A partial date sorts as the first day of its period: "2024" as 2024-01-01.
  const dates = await results(page)
    .locator('time')
    .evaluateAll((nodes) =>
      nodes.map((node) => `${node.getAttribute('datetime') ?? ''}-01-01`.slice(0, 10)),
    );
  expect(dates).toEqual([...dates].sort().reverse());
});

test('a misspelled name finds the publication', async ({ page }) => {
  await page.goto('/');
  await searchBox(page).fill('Bialatski');
  await expect(
    results(page).getByRole('link', { name: 'Ales Bialiatski is under prisoner amnesty' }),
  ).toBeVisible();
});

test('another form of a word, and a name spelt another way, find the publication', async ({
  page,
}) => {
  // "prisoner", complete (a space after it): found as "Prisoners", marked.
  await page.goto('/');
  await searchBox(page).fill('prisoner ');
  const letters = results(page)
    .getByRole('listitem')
    .filter({
      has: page.getByRole('link', { name: 'Letters from Lukashenka’s Prisoners', exact: true }),
    });
  await expect(letters).toBeVisible();
  await expect(letters.getByRole('link').locator('mark', { hasText: /^Prisoners$/ })).toBeVisible();
  // The Russian genitive of the name finds the English spelling, and marks it.
  await searchBox(page).fill('Беляцкого');
  const amnesty = results(page)
    .getByRole('listitem')
    .filter({
      has: page.getByRole('link', {
        name: 'Ales Bialiatski is under prisoner amnesty',
        exact: true,
      }),
    });
  await expect(amnesty).toBeVisible();
  await expect(
    amnesty.getByRole('link').locator('mark', { hasText: /^Bialiatski$/ }),
  ).toBeVisible();
});

test('an alias in Cyrillic finds the organization’s publications', async ({ page }) => {
  await page.goto('/?org=viasna');
  const viasnaCount = await countOf(page);
  // Every Viasna publication is found by "Вясна", whatever script it is written in.
  await page.goto('/?q=Вясна&org=viasna');
  await expect(resultCount(page)).toHaveText(new RegExp(`^${viasnaCount} publications`));
  // And the Latin spelling finds what "Вясна" finds.
  await page.goto('/?q=Вясна');
  const cyrillic = await countOf(page);
  await page.goto('/?q=Viasna');
  await expect(resultCount(page)).toHaveText(new RegExp(`^${cyrillic} publications`));
});

test('search, filter, open a publication and come back', async ({ page }) => {
  await page.goto('/');
  await searchBox(page).pressSequentially('Viasna');
  await expect(page).toHaveURL(/\?q=Viasna$/);
  const type = page.getByRole('group', { name: 'Type' });
  const statement = type.getByRole('checkbox', { name: /^Statement/ });
  await statement.check();
  await expect(page).toHaveURL(/\?q=Viasna&type=statement$/);
  // The filtered results, not the ones still on screen while they come.
  await expect(results(page)).toHaveAttribute('aria-busy', 'false');
  const filtered = await countOf(page);
  await expect(statement).toHaveAccessibleName(new RegExp(`^Statement ${filtered}$`));

  const first = results(page).getByRole('listitem').first().getByRole('link');
  const title = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page).toHaveURL(/\/publications\//);

  await page.goBack();
  await expect(page).toHaveURL(/\?q=Viasna&type=statement$/);
  await expect(searchBox(page)).toHaveValue('Viasna');
  await expect(page.getByRole('checkbox', { name: /^Statement/ })).toBeChecked();
  await expect(resultCount(page)).toHaveText(new RegExp(`^${filtered} publications?`));

  await page.goBack();
  await expect(page).toHaveURL(/\?q=Viasna$/);
  await expect(page.getByRole('checkbox', { name: /^Statement/ })).not.toBeChecked();
});

test('typing a search adds one history entry, not one per letter', async ({ page }) => {
  await page.goto('/');
  await searchBox(page).pressSequentially('helsinki', { delay: 40 });
  await expect(page).toHaveURL(/\?q=helsinki$/);
  await page.goBack();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(searchBox(page)).toHaveValue('');
  await expect(resultCount(page)).toHaveText(/^126 publications/);
});

test('the state survives a reload and a shared link', async ({ page, context }) => {
  const url = '/?q=prisoners&type=news&org=viasna&from=2021&to=2023&sort=oldest';
  await page.goto(url);
  const count = await countOf(page);
  await page.reload();
  await expect(resultCount(page)).toHaveText(new RegExp(`^${count} publications?`));
  await expect(searchBox(page)).toHaveValue('prisoners');
  await expect(page.getByLabel('Sort by')).toHaveValue('oldest');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2021');
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2023');

  const other = await context.newPage();
  await other.goto(url);
  await expect(resultCount(other)).toHaveText(new RegExp(`^${count} publications?`));
  await other.close();
});

test('unknown and malformed parameters are ignored', async ({ page }) => {
  await page.goto('/?q=viasna');
  const count = await countOf(page);
  await page.goto('/?q=viasna&type=bogus&org=&from=2023-02-30&sort=sideways&page=zero&x=1');
  await expect(resultCount(page)).toHaveText(new RegExp(`^${count} publications?`));
  await expect(results(page)).toBeVisible();
});

test('facet counts follow the other filters', async ({ page }) => {
  await page.goto('/?org=viasna');
  const total = await countOf(page);
  const typeCounts = await page
    .getByRole('group', { name: 'Type' })
    .getByRole('checkbox')
    .evaluateAll((boxes) =>
      boxes.map((box) => Number(/(\d+)$/.exec(box.parentElement?.textContent ?? '')?.[1] ?? 0)),
    );
  expect(typeCounts.reduce((sum, count) => sum + count, 0)).toBe(total);

  await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^News/ }).check();
  // Within a facet values combine with OR: other types keep their counts.
  await expect(
    page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^Statement/ }),
  ).toHaveAccessibleName(/^Statement [1-9]/);
});

test('the organization list is collapsed and can be filtered by alias', async ({ page }) => {
  await page.goto('/');
  const group = page.getByRole('group', { name: 'Organization' });
  await expect(group.getByRole('checkbox')).toHaveCount(10);
  await group.getByRole('button', { name: 'Show all' }).click();
  await expect(group.getByRole('checkbox')).toHaveCount(54);
  await group.getByRole('textbox', { name: 'Filter organizations' }).fill('Вясна');
  await expect(group.getByRole('checkbox')).toHaveCount(1);
  await group.getByRole('checkbox', { name: /^Viasna Human Rights Centre/ }).check();
  await expect(page).toHaveURL(/\?org=viasna$/);
});

test('an empty result says why and offers a way out', async ({ page }) => {
  await page.goto('/?q=qqqqzzzzxxxx&type=report');
  await expect(resultCount(page)).toHaveText(/^0 publications$/);
  await expect(page.getByText(/No publication matches “qqqqzzzzxxxx”/)).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\?q=qqqqzzzzxxxx$/);
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(resultCount(page)).toHaveText(/^126 publications/);
});

test('nothing holds every word: what holds most of them; the filters named; no export of nothing', async ({
  page,
}) => {
  // "qqqzzz" stands nowhere: publications holding the other words are listed.
  await page.goto('/?q=Bialiatski%20political%20prisoners%20qqqzzz');
  await expect(resultCount(page)).toHaveText(/^[1-9]\d* publications?/);
  await expect(results(page).getByRole('link').first()).toBeVisible();

  await page.goto('/?q=Hulak&lang=ru');
  await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0);
  await expect(resultCount(page)).toHaveText(/^0 publications$/);
  await expect(page.getByText(/^Without the filters: [1-9]\d* publications?\.$/)).toBeVisible();

  // Punctuation alone is no query: everything, newest first.
  await page.goto('/?q=%E2%80%94%3F');
  await expect(resultCount(page)).toHaveText(/^126 publications/);
  await expect(page.getByLabel('Sort by')).toHaveValue('newest');

  // A long query is shortened in the sentence, not shown whole.
  await page.goto(`/?q=${'qqqzzz '.repeat(30)}`);
  const sentence = page.getByText(/^No publication matches/);
  await expect(sentence).toContainText('…');
  expect(((await sentence.textContent()) ?? '').length).toBeLessThan(140);
});

test('pages of results have their own URLs', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Pages of results' })
    .getByRole('link', { name: 'Next page' })
    .click();
  await expect(page).toHaveURL(/\?page=2&hl=en$/);
  await expect(resultCount(page)).toHaveText(/showing 21–40/);
  await page.goBack();
  await expect(resultCount(page)).toHaveText(/showing 1–20/);
  await page.goto('/?page=99');
  await expect(resultCount(page)).toHaveText(/showing 121–126/);
});

test('while typing, the count and the list never disagree, and "No results" waits for a pause', async ({
  page,
}) => {
  await page.goto('/');
  await expect(results(page).getByRole('link').first()).toBeVisible();
  // Every state the page goes through, checked as it happens, not sampled now and then.
  await page.evaluate(() => {
    const record = { problems: [] as string[], noResults: 0 };
    Reflect.set(window, '__typing', record);
    const check = () => {
      const status = document.querySelector('.results-bar__status')?.textContent ?? '';
      const match = /^([\d,]+) publications?/.exec(status);
      const list = document.querySelector('ol.results');
      const empty = [...document.querySelectorAll('h2')].some(
        (h) => h.textContent === 'No results',
      );
      if (empty) record.noResults += 1;
      if (!match?.[1]) return;
      const count = Number(match[1].replace(/,/g, ''));
      const listed = list ? Number(list.getAttribute('data-total')) : null;
      if (listed !== null && listed !== count) record.problems.push(`${status} above ${listed}`);
      if (listed === null && count > 0) record.problems.push(`${status} above no list`);
      if (empty && count > 0) record.problems.push(`"No results" under ${status}`);
    };
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  // A misspelled name, letter by letter, faster than the URL follows: its beginnings are no word.
  await searchBox(page).pressSequentially('Bialatski', { delay: 30 });
  await expect(results(page).getByRole('link').first()).toBeVisible();
  await expect(page).toHaveURL(/q=Bialatski/);
  await expect(results(page)).toHaveAttribute('aria-busy', 'false');
  const record = (await page.evaluate(() => Reflect.get(window, '__typing'))) as {
    problems: string[];
    noResults: number;
  };
  expect(record.problems).toEqual([]);
  expect(record.noResults).toBe(0);
  // Found nowhere, once typing pauses: then it says so.
  await searchBox(page).fill('qqqzzzxxx');
  await expect(page.getByRole('heading', { name: 'No results' })).toBeVisible();
  await expect(resultCount(page)).toHaveText('0 publications');
});

test('a list that fits one page has its count alone, no range after it', async ({ page }) => {
  await page.goto('/?q=Bialiatski');
  await expect(results(page).getByRole('link').first()).toBeVisible();
  const listed = await results(page).getByRole('listitem').count();
  expect(listed).toBeLessThan(20);
  await expect(resultCount(page)).toHaveText(new RegExp(`^${listed} publications?$`));
});
