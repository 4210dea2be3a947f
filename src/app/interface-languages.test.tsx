import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Corpus } from '../corpus/schema.ts';
import { en } from '../i18n/catalogs/en.ts';
import { corpusFixture } from '../testing/corpus-fixture.ts';
import { currentSearch, renderApp } from '../testing/render-app.tsx';
import { CATALOGS } from '../testing/render-component.tsx';

/** The fixture with its types and organizations named in Belarusian and Russian too. */
const corpus: Corpus = {
  ...corpusFixture,
  names: { be: 'Тэставы архіў', ru: 'Тестовый архив' },
  types: corpusFixture.types.map((type) => ({
    ...type,
    labels: {
      be: { statement: 'Заява', report: 'Даклад', interview: 'Інтэрв’ю', appeal: 'Зварот' }[
        type.id
      ],
      ru: { statement: 'Заявление', report: 'Доклад', interview: 'Интервью', appeal: 'Обращение' }[
        type.id
      ],
    } as Record<string, string>,
  })),
  organizations: corpusFixture.organizations.map((org) =>
    org.id === 'viasna'
      ? { ...org, names: { be: 'Праваабарончы цэнтр «Вясна»', ru: 'Правозащитный центр «Весна»' } }
      : org,
  ),
};

/** The English catalog's texts, in pieces long enough to be telling. */
function englishPieces(): string[] {
  const pieces = new Set<string>();
  const walk = (english: unknown) => {
    if (typeof english === 'string') {
      if (/[a-z]{3}/.test(english)) pieces.add(english);
    } else if (typeof english === 'function') {
      // The fixed parts of a message with values in it: "showing ", " publications".
      const marker = '\u0001';
      const args = Array.from({ length: english.length }, () => marker);
      let text: unknown;
      try {
        text = (english as (...values: string[]) => unknown)(...args);
      } catch {
        return;
      }
      if (typeof text !== 'string') return;
      for (const part of text.split(marker)) {
        if (part.trim().length >= 8 && /[a-z]{3}/.test(part)) pieces.add(part.trim());
      }
    } else if (typeof english === 'object' && english !== null) {
      // What a tip shows to type is an example, the same in every language.
      if ('kbd' in english) return;
      for (const [key, value] of Object.entries(english)) {
        if (key === 'languageNames' || key === 'locale' || key === 'fileNames') continue;
        walk(value);
      }
    }
  };
  walk(en);
  // Plural forms: "# publication" → "publication".
  for (const forms of [en.publicationCount, en.showResultCount, en.organizationCount]) {
    for (const form of Object.values(forms)) pieces.add(form.replace('#', '').trim());
  }
  return [...pieces];
}

/** Whether an element is within a text of its own language (a publication's), not the page's. */
function inOwnLanguage(element: Element | null): boolean {
  // This test reads the whole document as a reader would, not one control by its role.
  // eslint-disable-next-line testing-library/no-node-access
  const owner = element?.closest('[lang]');
  return !!owner && owner !== document.documentElement;
}

/** The interface's own text on screen: text nodes and names, not the corpus's texts. */
function interfaceText(): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Publication texts carry their own language; the interface's only the page's.
    if (inOwnLanguage(node.parentElement)) continue;
    if (node.textContent?.trim()) found.push(node.textContent.trim());
  }
  for (const element of document.body.querySelectorAll('*')) {
    if (inOwnLanguage(element)) continue;
    for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = element.getAttribute(name);
      if (value) found.push(value);
    }
  }
  found.push(document.title);
  return found;
}

function expectNoEnglish() {
  const pieces = englishPieces();
  const texts = interfaceText();
  // Links are not words (a permanent link holds "/publications/").
  const leftovers = texts.flatMap((text) =>
    pieces
      .filter((piece) => text.replace(/https?:\/\/\S+/g, '').includes(piece))
      .map((piece) => `${piece} in: ${text}`),
  );
  expect(leftovers).toEqual([]);
}

const ROUTES: [string, string][] = [
  ['/', 'search page'],
  ['/?q=Bialatski&type=report&type=statement&org=viasna', 'search with filters'],
  ['/?q=zzzzqqqq', 'a search that finds nothing'],
  ['/publications/bialiatski-sentenced', 'a publication'],
  ['/publications/no-such-publication', 'an unknown publication'],
  ['/no/such/page', 'an unknown page'],
  ['/embed?org=viasna&lock=org', 'the embed'],
  ['/embed/publications/zayavlenie-o-solidarnosti', 'a publication in the embed'],
];

describe('the interface in Belarusian and Russian', () => {
  afterEach(() => vi.restoreAllMocks());

  for (const language of ['be', 'ru'] as const) {
    const t = CATALOGS[language];
    for (const [route, what] of ROUTES) {
      it(`shows ${what} with no English left over (${language})`, async () => {
        const separator = route.includes('?') ? '&' : '?';
        renderApp(`${route}${separator}hl=${language}`, { corpus });
        // The page is up: its main heading or its result count.
        await screen.findAllByRole('heading', { level: 1 });
        if (route.includes('/publications/bialiatski') || route.includes('zayavlenie')) {
          await screen.findByRole('heading', { name: t.cite });
        } else if (!route.includes('no-such') && !route.includes('/no/')) {
          await waitFor(() =>
            expect(screen.getByRole('status')).toHaveTextContent(
              language === 'be' ? /публікацы/ : /публикаци/,
            ),
          );
        }
        await waitFor(() => expect(document.documentElement.lang).toBe(language));
        expectNoEnglish();
      });
    }
  }

  it('names facets, values and counts in Belarusian, with names from the corpus', async () => {
    renderApp('/?hl=be', { corpus });
    const organization = await screen.findByRole('group', { name: 'Арганізацыя' });
    expect(
      within(organization).getByRole('checkbox', { name: /^Праваабарончы цэнтр «Вясна»/ }),
    ).toBeInTheDocument();
    const types = screen.getByRole('group', { name: 'Тып' });
    // Counts render a moment after the facets: wait for them.
    expect(await within(types).findByRole('checkbox', { name: /^Заява \d/ })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Мова' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^Руская/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^12 публікацый$/));
    expect(screen.getByRole('searchbox', { name: /^Пошук публікацый/ })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Вынікі' })).toBeInTheDocument();
  });

  it('finds an organization by its name in another language', async () => {
    const { user } = renderApp('/?hl=ru', { corpus });
    const box = await screen.findByRole('searchbox', { name: /^Поиск публикаций/ });
    await user.type(box, 'Весна');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/^[1-9]\d* публикаци/),
    );
  });

  it('follows a browser whose language is Belarusian when the URL has no hl', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['be-BY', 'en']);
    renderApp('/', { corpus });
    expect(await screen.findByRole('searchbox', { name: /^Пошук публікацый/ })).toBeVisible();
    await waitFor(() => expect(document.documentElement.lang).toBe('be'));
  });

  it('switches language from the header, keeping the search, and links keep hl', async () => {
    const { user, router } = renderApp('/?q=Bialiatski&hl=be', { corpus });
    const switcher = await screen.findByRole('navigation', { name: 'Мова інтэрфейсу' });
    const current = within(switcher).getByRole('link', { name: 'Беларуская' });
    expect(current).toHaveAttribute('aria-current', 'true');
    const russian = within(switcher).getByRole('link', { name: 'Русский' });
    expect(russian).toHaveAttribute('hreflang', 'ru');
    expect(russian).toHaveAttribute('lang', 'ru');
    expect(within(switcher).getByRole('link', { name: 'English' })).toHaveAttribute(
      'href',
      '/?q=Bialiatski&hl=en',
    );
    await user.click(russian);
    expect(await screen.findByRole('searchbox', { name: /^Поиск публикаций/ })).toHaveValue(
      'Bialiatski',
    );
    await waitFor(() => expect(currentSearch(router)).toBe('?q=Bialiatski&hl=ru'));
    // Every link to a page of the app carries the language.
    const results = await screen.findByRole('list', { name: 'Результаты' });
    const links = [
      ...within(results).getAllByRole('link'),
      screen.getByRole('link', { name: 'Тестовый архив' }),
    ];
    for (const link of links) expect(link.getAttribute('href')).toMatch(/[?&]hl=ru(&|$)/);
    await user.click(within(results).getAllByRole('link')[0] as HTMLElement);
    const type = await screen.findByRole('link', {
      name: /^(Заявление|Доклад|Интервью|Обращение)$/,
    });
    expect(type.getAttribute('href')).toMatch(/[?&]hl=ru$/);
  });

  it("names the archive in the reader's language: header, heading, title and citation", async () => {
    renderApp('/?hl=be', { corpus });
    expect(await screen.findByRole('link', { name: 'Тэставы архіў' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: /Тэставы архіў/ })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Тэставы архіў'));
    vi.restoreAllMocks();

    renderApp('/publications/bialiatski-sentenced?hl=ru', { corpus });
    const cite = await screen.findByRole('region', { name: 'Как цитировать' });
    await waitFor(() => expect(cite).toHaveTextContent(/Тестовый архив, http/));
    expect(document.title).toMatch(/ — Тестовый архив$/);
    expect(screen.queryByText(corpus.name)).not.toBeInTheDocument();
  });

  it('names the archive as the corpus does where it has no name in the language', async () => {
    renderApp('/?hl=en', { corpus });
    expect(await screen.findByRole('link', { name: corpus.name })).toBeInTheDocument();
  });
});
