import type { Page } from '@playwright/test';
import { HOST_PORT } from '../playwright.config.ts';
import { axeViolations, expect, test } from './fixtures.ts';

/**
 * The interface in Belarusian and Russian, in Chromium (which has no Belarusian date data of its
 * own): the accessible names of ../shared/spec/interface.md, dates, counts, the choice of
 * language, an embed on a Belarusian page, and axe in every language.
 */

const NAMES = {
  be: {
    search: 'Пошук публікацый',
    count: /^[\d\u00a0]+ публікацы(я|і|й)/,
    type: 'Тып',
    organization: 'Арганізацыя',
    language: 'Мова',
    showAll: 'Паказаць усе',
    results: 'Вынікі',
    cite: 'Як цытаваць',
    notFound: 'Старонка не знойдзена',
    month:
      /^(студзень|люты|сакавік|красавік|травень|чэрвень|ліпень|жнівень|верасень|кастрычнік|лістапад|снежань) \d{4}$/,
    switcher: 'Мова інтэрфейсу',
  },
  ru: {
    search: 'Поиск публикаций',
    count: /^[\d\u00a0]+ публикаци(я|и|й)/,
    type: 'Тип',
    organization: 'Организация',
    language: 'Язык',
    showAll: 'Показать все',
    results: 'Результаты',
    cite: 'Как цитировать',
    notFound: 'Страница не найдена',
    month:
      /^(январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь) \d{4}$/,
    switcher: 'Язык интерфейса',
  },
} as const;

const PUBLICATION = '/publications/moscow-mechanism-report-on-belarus-uk-statement-to-the-osce';

async function expectSearchPage(page: Page, language: 'be' | 'ru') {
  const names = NAMES[language];
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.getByRole('searchbox', { name: new RegExp(`^${names.search}`) })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: names.count })).toBeVisible();
  await expect(page.getByRole('group', { name: names.type })).toBeVisible();
  const organizations = page.getByRole('group', { name: names.organization });
  await expect(organizations).toBeVisible();
  await expect(organizations.getByRole('button', { name: names.showAll })).toBeVisible();
  await expect(page.getByRole('group', { name: names.language })).toBeVisible();
  await expect(page.getByRole('list', { name: names.results })).toBeVisible();
}

for (const language of ['be', 'ru'] as const) {
  const names = NAMES[language];

  test(`every route in ${language}, with the spec's accessible names`, async ({ page }) => {
    await page.goto(`/?hl=${language}`);
    await expectSearchPage(page, language);

    await page.goto(`/?q=Viasna&hl=${language}`);
    await expect(page.getByRole('status').filter({ hasText: names.count })).toBeVisible();
    // Each result's title is read in its publication's language, not the page's.
    const titles = page.getByRole('list', { name: names.results }).getByRole('heading');
    await expect(titles.first()).toHaveAttribute('lang', /^[a-z]{2}/);
    expect(
      await titles.evaluateAll(
        (nodes) => nodes.filter((node) => !node.getAttribute('lang')).length,
      ),
    ).toBe(0);
    await expect(page).toHaveTitle(/^«Viasna» — /);

    await page.goto(`${PUBLICATION}?hl=${language}`);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    // The publication keeps its own language; the interface is in the reader's.
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
    await expect(page.locator('time[datetime="2023-05"]')).toHaveText(
      language === 'be' ? 'травень 2023' : 'май 2023',
    );
    await expect(page.getByRole('region', { name: names.cite })).toContainText(
      language === 'be' ? 'Дата звароту:' : 'Дата обращения:',
    );
    // Links to searches keep the language.
    const type = page.locator('.publication__type a');
    await expect(type).toHaveAttribute('href', new RegExp(`[?&]hl=${language}$`));
    await type.click();
    await expect(page).toHaveURL(new RegExp(`[?&]hl=${language}$`));
    await expect(page.getByRole('status').filter({ hasText: names.count })).toBeVisible();

    await page.goto(`/no/such/page?hl=${language}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(names.notFound);
    await expect(page).toHaveTitle(names.notFound);

    await page.goto(`/embed?org=viasna&lock=org&hl=${language}`);
    await expect(page.getByRole('list', { name: names.results })).toBeVisible();
    await expect(
      page.getByRole('link', {
        name: language === 'be' ? /^Адкрыць на сайце/ : /^Открыть на сайте/,
      }),
    ).toHaveAttribute('href', new RegExp(`[?&]hl=${language}$`));
  });

  test(`dates and counts come from the app's own catalog in Chromium (${language})`, async ({
    page,
  }) => {
    await page.goto(`/?hl=${language}&sort=newest`);
    const dates = page.getByRole('list', { name: names.results }).locator('time');
    await expect(dates.first()).toBeVisible();
    for (const text of await dates.allTextContents()) {
      expect(text).toMatch(
        language === 'be'
          ? /^(\d{1,2} [а-яіў]+ \d{4}|[а-яіў]+ \d{4}|\d{4})$/
          : /^(\d{1,2} [а-яё]+ \d{4}|[а-яё]+ \d{4}|\d{4})$/,
      );
    }
    // Partial dates stay partial: a month on its own in the nominative.
    await page.goto(`${PUBLICATION}?hl=${language}`);
    await expect(page.locator('time[datetime="2023-05"]')).toHaveText(names.month);
  });
}

test('a browser whose language is Belarusian gets the interface in Belarusian without hl', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'be-BY' });
  const page = await context.newPage();
  await page.goto('/');
  await expectSearchPage(page, 'be');
  // Its links say so, so a shared link opens in the same language.
  const first = page.getByRole('list', { name: NAMES.be.results }).getByRole('link').first();
  await expect(first).toHaveAttribute('href', /\?hl=be$/);
  await context.close();
});

test('the switcher changes the language in place and keeps the search', async ({ page }) => {
  await page.goto('/?q=Hulak');
  const switcher = page.getByRole('navigation', { name: 'Interface language' });
  await switcher.getByRole('link', { name: 'Беларуская' }).click();
  await expect(page).toHaveURL(/\?q=Hulak&hl=be$/);
  await expect(page.getByRole('searchbox', { name: /^Пошук публікацый/ })).toHaveValue('Hulak');
  await expect(page.locator('html')).toHaveAttribute('lang', 'be');
  await page
    .getByRole('navigation', { name: NAMES.be.switcher })
    .getByRole('link', { name: 'Русский' })
    .click();
  await expect(page.getByRole('searchbox', { name: /^Поиск публикаций/ })).toHaveValue('Hulak');
});

test('switching the language on a publication keeps the way back to the results', async ({
  page,
}) => {
  await page.goto('/?q=Viasna&hl=be');
  const third = page.getByRole('list', { name: NAMES.be.results }).getByRole('link').nth(2);
  const title = ((await third.textContent()) ?? '').trim();
  await third.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page
    .getByRole('navigation', { name: NAMES.be.switcher })
    .getByRole('link', { name: 'Русский' })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  const back = page.getByRole('link', { name: 'Назад к результатам' });
  await expect(back).toHaveAttribute('href', '/?q=Viasna&hl=ru');
  await back.click();
  await expect(page).toHaveURL(/\?q=Viasna&hl=ru$/);
  // The same search in Russian, with the reader at the result they had opened.
  const opened = page
    .getByRole('list', { name: NAMES.ru.results })
    .getByRole('link', { name: title, exact: true });
  await expect(opened).toBeFocused();
  await expect(opened).toBeInViewport();
});

test.describe('an embed on a Belarusian page of another origin', () => {
  const HOST = `http://127.0.0.1:${HOST_PORT}`;
  test.use({ otherOrigins: [HOST] });

  test('shows the interface in Belarusian, and its way out keeps the language', async ({
    page,
  }) => {
    await page.goto(`${HOST}/belarusian.html`);
    const iframe = page.locator('iframe#viasna');
    await expect(iframe).toHaveAttribute('title', 'Публікацыі');
    await expect(iframe).toHaveAttribute('src', /[?&]hl=be(&|$)/);
    const app = page.frameLocator('iframe#viasna');
    await expect(app.getByRole('searchbox', { name: /^Пошук публікацый/ })).toBeVisible();
    await expect(app.getByRole('status').filter({ hasText: NAMES.be.count })).toBeVisible();
    await expect(app.getByRole('link', { name: /^Адкрыць на сайце/ })).toHaveAttribute(
      'href',
      /[?&]hl=be$/,
    );
  });
});

for (const language of ['en', 'be', 'ru'] as const) {
  test(`no axe violations in ${language}`, async ({ page }) => {
    test.setTimeout(90_000);
    const found: string[] = [];
    for (const route of ['/', '/?q=qqqzzzxxx', PUBLICATION, '/no/such/page', '/embed?org=viasna']) {
      const separator = route.includes('?') ? '&' : '?';
      await page.goto(`${route}${separator}hl=${language}`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      found.push(...(await axeViolations(page, route)));
    }
    expect(found).toEqual([]);
  });
}
