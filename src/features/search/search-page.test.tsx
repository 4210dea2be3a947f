import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Corpus } from '../../corpus/schema.ts';
import { corpusFixture } from '../../testing/corpus-fixture.ts';
import { searchFixture } from '../../testing/search-fixture.ts';
import { currentSearch, renderApp } from '../../testing/render-app.tsx';

const total = corpusFixture.publications.length;

async function resultTitles(): Promise<string[]> {
  const list = await screen.findByRole('list', { name: 'Results' });
  return within(list)
    .getAllByRole('heading')
    .map((heading) => heading.textContent ?? '');
}

/** Waits until the result count says `expected` (results render a moment after the count changes). */
async function expectStatus(expected: string | RegExp) {
  await waitFor(() =>
    expect(
      screen.getByText(/^\d[\d,]* publications?/, { selector: '[role="status"]' }),
    ).toHaveTextContent(expected),
  );
}

/** The item of the result list whose title is `title`. */
function resultItem(title: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Results' });
  const item = within(list)
    .getAllByRole('listitem')
    .find((candidate) => within(candidate).queryByRole('heading', { name: title }));
  if (!item) throw new Error(`no result item for ${title}`);
  return item;
}

function facet(name: string) {
  return screen.getByRole('group', { name });
}

describe('search page', () => {
  it('lists every publication, newest first, with the count in a status', async () => {
    const { fetchMock } = renderApp('/');
    // One page holds them all: no range after the count.
    await expectStatus(new RegExp(`^${total} publications$`));
    const titles = await resultTitles();
    expect(titles[0]).toBe('Volunteers detained after searches'); // 2024-06-10
    expect(titles.at(-1)).toBe('Election observation final report'); // 2020-08
    // The first page comes with the start file, before any search data is loaded.
    expect(fetchMock.mock.calls[0]?.[0]).toMatch(/\/start\.json$/);
    await waitFor(() => expect(document.title).toBe('Test archive'));
  });

  it('shows results for every keystroke and writes the URL once typing pauses', async () => {
    const { user, router } = renderApp('/');
    await screen.findByRole('list', { name: 'Results' });
    const box = screen.getByRole('searchbox', { name: /^Search publications/ });
    await user.type(box, 'Bialatski');
    // Two name him Bialiatski, one (in Russian) Беляцкий.
    await expectStatus(/^3 publications/);
    expect(await resultTitles()).toContain('Ales Bialiatski sentenced to ten years');
    await waitFor(() => expect(currentSearch(router)).toBe('?q=Bialatski'));
    await waitFor(() => expect(document.title).toBe('“Bialatski” — Test archive'));
  });

  it('adds one history entry per search, so Back leaves it', async () => {
    const { user, router } = renderApp('/');
    await screen.findByRole('list', { name: 'Results' });
    const box = screen.getByRole('searchbox', { name: /^Search publications/ });
    await user.type(box, 'viasna');
    await waitFor(() => expect(currentSearch(router)).toBe('?q=viasna'));
    await router.navigate(-1);
    await waitFor(() => expect(box).toHaveValue(''));
    expect(currentSearch(router)).toBe('');
    await expectStatus(`${total} publications`);
  });

  it('finds an organization by an alias in another script', async () => {
    renderApp('/?q=Вясна');
    const titles = await resultTitles();
    const viasna = corpusFixture.publications.filter((p) => p.organizations.includes('viasna'));
    expect(titles).toHaveLength(viasna.length);
    expect(titles).toEqual(expect.arrayContaining(viasna.map((p) => p.title)));
  });

  it('shows each active filter as a button that removes it alone', async () => {
    const { user, router } = renderApp('/?type=report&type=statement&org=pen&from=2021');
    await screen.findByRole('list', { name: 'Results' });
    const chips = screen.getByRole('list', { name: 'Active filters' });
    expect(
      within(chips)
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label')),
    ).toEqual([
      'Remove filter: Report',
      'Remove filter: Statement',
      'Remove filter: PEN Belarus',
      'Remove filter: From 2021',
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove filter: Statement' }));
    await waitFor(() => expect(currentSearch(router)).toBe('?type=report&org=pen&from=2021'));
    await waitFor(() =>
      expect(within(facet('Type')).getByRole('checkbox', { name: /^Statement/ })).not.toBeChecked(),
    );
    await user.click(await screen.findByRole('button', { name: 'Remove filter: From 2021' }));
    await waitFor(() => expect(currentSearch(router)).toBe('?type=report&org=pen'));
    await user.click(await screen.findByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(currentSearch(router)).toBe(''));
    await waitFor(() =>
      expect(screen.queryByRole('list', { name: 'Active filters' })).not.toBeInTheDocument(),
    );
  });

  it('lets the reader remove any filter on the full site: lock is for embeds only', async () => {
    const { user, router } = renderApp('/?type=report&org=pen&lock=org,type&theme=dark');
    await user.click(await screen.findByRole('button', { name: 'Remove filter: PEN Belarus' }));
    await waitFor(() => expect(currentSearch(router)).toBe('?type=report'));
  });

  it('keeps an embed inside the filters it locked', async () => {
    const { user, router } = renderApp('/embed?type=report&org=pen&lock=org');
    await user.click(await screen.findByRole('button', { name: 'Remove filter: Report' }));
    await waitFor(() => expect(currentSearch(router)).toBe('?org=pen&lock=org'));
    expect(screen.queryByRole('button', { name: 'Remove filter: PEN Belarus' })).toBeNull();
  });

  it('lists what holds some of the words when nothing holds them all', async () => {
    renderApp('/?q=Bialiatski zzzqqq');
    // "zzzqqq" stands nowhere: the publications naming Bialiatski are listed, as partial matches.
    await expectStatus(/^[1-9]\d* publications?/);
    expect(await resultTitles()).toContain('Ales Bialiatski sentenced to ten years');
    expect(screen.queryByRole('heading', { name: 'No results' })).not.toBeInTheDocument();
    const result = resultItem('Ales Bialiatski sentenced to ten years');
    expect(within(result).getByText('Matches 1 of 2 words')).toBeVisible();
  });

  it('says which term of another language found a result', async () => {
    renderApp('/?q=политзаключенные');
    await resultTitles();
    const result = resultItem('Appeal to release all political prisoners');
    const how = within(result).getByText(
      (_, element) =>
        element?.tagName === 'SPAN' &&
        /^Found through “.+” \(English\)$/.test(element.textContent ?? ''),
    );
    expect(how).toBeVisible();
    // The term is marked as English inside the sentence.
    expect(within(how).getByText(/^political prisoner/)).toHaveAttribute('lang', 'en');
    expect(within(result).queryByText(/^Matches \d of \d words$/)).not.toBeInTheDocument();
  });

  it('offers a near spelling that finds more, in one tap', async () => {
    const { router, user } = renderApp('/?q=Kalesnikova');
    const suggestion = await screen.findByRole('link', { name: 'Kalesnikava' });
    expect(
      screen.getByText(
        (_, element) =>
          element?.tagName === 'P' && element.textContent === 'Did you mean Kalesnikava?',
      ),
    ).toBeVisible();
    await user.click(suggestion);
    await waitFor(() => expect(currentSearch(router)).toMatch(/^\?q=Kalesnikava(&|$)/));
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Kalesnikava' })).not.toBeInTheDocument(),
    );
  });

  it('draws the tips and the hint from the archive itself', async () => {
    const { user } = renderApp('/');
    await resultTitles();
    await user.click(screen.getByRole('button', { name: 'Search tips' }));
    const tips = screen.getByRole('region', { name: 'Search tips' });
    // Each example is one the build checked against this archive.
    const examples = within(tips)
      .getAllByRole('listitem')
      .map((tip) => tip.textContent ?? '');
    expect(examples).toEqual(
      expect.arrayContaining([
        'A word found nowhere is read as a typo: Bialitski finds Bialiatski.',
        'Organizations by any of their names: Вясна finds Viasna Human Rights Centre.',
        '"human rights" — this phrase, exactly.',
      ]),
    );
    expect(examples.join('\n')).not.toContain('парушаецца');
    expect(
      screen.getByRole('searchbox', { name: /^Search publications/ }),
    ).toHaveAccessibleDescription('Typos are forgiven: “Bialitski” finds Bialiatski.');
  });

  it('says how many match without the filters that emptied the list', async () => {
    renderApp('/?q=Bialiatski&type=interview');
    expect(await screen.findByRole('heading', { name: 'No results' })).toBeVisible();
    expect(
      await screen.findByText(/^Without the filters: [1-9]\d* publications?\.$/),
    ).toBeVisible();
  });

  it('reads a query of punctuation alone as no query', async () => {
    renderApp('/?q=%3F%21');
    // One page holds them all: no range after the count.
    await expectStatus(new RegExp(`^${total} publications$`));
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('newest');
  });

  it('filters by type with counts that follow the other facets', async () => {
    const { user, router } = renderApp('/');
    await screen.findByRole('list', { name: 'Results' });
    const report = await within(facet('Type')).findByRole('checkbox', { name: 'Report 5' });
    await user.click(report);
    await waitFor(() => expect(report).toBeChecked());
    await waitFor(() => expect(currentSearch(router)).toBe('?type=report'));
    await expectStatus(/^5 publications/);
    // Facet counts render after the count (deferred): wait for them.
    // OR within the facet: the other types keep their counts.
    expect(
      await within(facet('Type')).findByRole('checkbox', { name: 'Statement 4' }),
    ).toBeVisible();
    // AND across facets: organizations count only reports now.
    expect(
      await within(facet('Organization')).findByRole('checkbox', {
        name: /^Belarusian Helsinki Committee 2$/,
      }),
    ).toBeVisible();

    await user.click(within(facet('Organization')).getByRole('checkbox', { name: /^PEN Belarus/ }));
    await waitFor(() => expect(currentSearch(router)).toBe('?type=report&org=pen'));
    await expectStatus(/^2 publications/);
    expect(
      await within(facet('Type')).findByRole('checkbox', { name: 'Interview 1' }),
    ).toBeVisible();
  });

  it('offers a Language facet when the corpus has several, by language name', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('list', { name: 'Results' });
    await user.click(
      await within(facet('Language')).findByRole('checkbox', { name: /^Russian 3$/ }),
    );
    await expectStatus(/^3 publications/);
    await waitFor(async () =>
      expect(await resultTitles()).toEqual([
        'Доклад о преследовании журналистов', // 2024-02-29
        'Interview with writers in exile', // 2024, sorted as 2024-01-01
        'Заявление о солидарности с правозащитным центром',
      ]),
    );
  });

  it('restricts to a date range, partial bounds included', async () => {
    const { user, router } = renderApp('/');
    await screen.findByRole('list', { name: 'Results' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'From' }), '2022');
    await user.selectOptions(screen.getByRole('combobox', { name: 'To' }), '2022');
    await waitFor(() => expect(currentSearch(router)).toBe('?from=2022&to=2022'));
    await expectStatus(/^3 publications/);
  });

  it('sorts by date either way, and by relevance when there is a query', async () => {
    const { user, router } = renderApp('/?q=political prisoners');
    await screen.findByRole('list', { name: 'Results' });
    const sort = screen.getByRole('combobox', { name: 'Sort by' });
    expect(sort).toHaveValue('relevance');
    await user.selectOptions(sort, 'oldest');
    await waitFor(() => expect(currentSearch(router)).toBe('?q=political prisoners&sort=oldest'));
    await waitFor(async () =>
      expect((await resultTitles())[0]).toBe('Monthly review of repression'),
    );
  });

  it('ignores unknown and malformed parameters', async () => {
    renderApp('/?type=statment&org=nobody&from=2023-02-30&sort=up&page=x&foo=bar');
    await expectStatus(`${total} publications`);
    const boxes = await within(facet('Type')).findAllByRole('checkbox');
    for (const box of boxes) expect(box).not.toBeChecked();
  });

  it('explains an empty result and clears the filters', async () => {
    const { user, router } = renderApp('/?q=confinement&type=report');
    expect(await screen.findByRole('heading', { name: 'No results' })).toBeVisible();
    expect(
      await screen.findByText(/No publication matches “confinement” with the filter you chose/),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(currentSearch(router)).toBe('?q=confinement'));
    await waitFor(async () =>
      expect(await resultTitles()).toEqual(['Kolesnikova remains in solitary confinement']),
    );
  });

  it('says the archive was updated when a deploy took its files away, and offers to reload', async () => {
    const { start } = await searchFixture(corpusFixture);
    let deployed = false;
    const { user } = renderApp('/', {
      respond: (url) => {
        if (!deployed) return undefined;
        if (url.endsWith('data/start.json')) return Response.json({ ...start, release: 'later' });
        if (url.includes('data/index/')) return new Response('Not found', { status: 404 });
        return undefined;
      },
    });
    await resultTitles();
    deployed = true;
    await user.type(screen.getByRole('searchbox', { name: /^Search publications/ }), 'Bialiatski');
    const alert = await screen.findByText(
      /^The archive has been updated since this page was opened/,
    );
    expect(alert).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('says a missing file is the server’s fault when the archive was not updated', async () => {
    let broken = false;
    const { user } = renderApp('/', {
      respond: (url) =>
        broken && url.includes('data/index/')
          ? new Response('Not found', { status: 404 })
          : undefined,
    });
    await resultTitles();
    broken = true;
    await user.type(screen.getByRole('searchbox', { name: /^Search publications/ }), 'Bialiatski');
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeVisible();
    expect(screen.queryByText(/^The archive has been updated/)).not.toBeInTheDocument();
  });

  it('counts one publication as "1 publication", with no range after it', async () => {
    renderApp('/?q=confinement');
    await expectStatus(/^1 publication$/);
  });

  it('keeps focus on the page when a control removes itself: chips, "Clear all", a bar', async () => {
    const { user } = renderApp('/?type=report&type=statement&org=pen');
    await screen.findByRole('list', { name: 'Results' });
    const results = screen.getByRole('region', { name: 'Search results' });
    // A chip removed: the one that takes its place has focus.
    await user.click(screen.getByRole('button', { name: 'Remove filter: Report' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Remove filter: Statement' })).toHaveFocus(),
    );
    // The last chip: the one before it.
    await user.click(screen.getByRole('button', { name: 'Remove filter: PEN Belarus' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Remove filter: Statement' })).toHaveFocus(),
    );
    // The only one: the results.
    await user.click(screen.getByRole('button', { name: 'Remove filter: Statement' }));
    await waitFor(() => expect(results).toHaveFocus());
  });

  it('gives focus to the results after "Clear all", and to the chart after choosing a year', async () => {
    const { user } = renderApp('/?type=report&org=pen');
    await screen.findByRole('list', { name: 'Results' });
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Search results' })).toHaveFocus(),
    );
    // A year chosen: its bar gives way to the months of that year.
    const years = await screen.findByRole('figure', { name: 'Publications per year' });
    await user.click(within(years).getByRole('button', { name: /^2022: / }));
    const months = await screen.findByRole('figure', { name: 'Publications per month' });
    await waitFor(() => expect(months).toHaveFocus());
  });

  it("marks each result's title with its publication's language, not the page's", async () => {
    renderApp('/?hl=be');
    const results = await screen.findByRole('list', { name: 'Вынікі' });
    const russian = within(results).getByRole('heading', { name: /^Заявление/ });
    expect(russian).toHaveAttribute('lang', 'ru');
    for (const heading of within(results).getAllByRole('heading')) {
      expect(heading).toHaveAttribute('lang', expect.stringMatching(/^(en|ru|be)$/));
    }
  });

  it('names the search in its link preview: its words, its filters and how many it finds', async () => {
    renderApp('/?q=Bialiatski&type=report');
    await waitFor(() => expect(document.title).toBe('“Bialiatski” — Test archive'));
    // Meta tags are no part of the page a reader sees: read from the head.
    // eslint-disable-next-line testing-library/no-node-access
    const meta = (key: string) => document.head.querySelector(`meta[property="${key}"]`);
    await waitFor(() =>
      expect(meta('og:description')).toHaveAttribute(
        'content',
        expect.stringMatching(/^\d+ publications? for “Bialiatski”, Report, in Test archive\.$/),
      ),
    );
    expect(meta('og:title')).toHaveAttribute('content', '“Bialiatski” — Test archive');
  });

  it('says when search cannot load, and recovers on "Try again"', async () => {
    let failures = 0;
    const { user } = renderApp('/?type=report', {
      respond: (url) => {
        if (!/\/columns\/[0-9a-f]+\.bin$/.test(url) || failures >= 2) return undefined;
        failures += 1;
        return new Response('Server error', { status: 500 });
      },
    });
    // One automatic retry first, then the reader is told: the server's fault, not the
    // reader's connection.
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/The search could not run\. The archive’s server answered/);
    expect(alert).not.toHaveTextContent(/check your connection/i);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await expectStatus('5 publications');
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('collapses a long organization list behind "Show all" and filters it by alias', async () => {
    const organizations = Array.from({ length: 14 }, (_, index) => ({
      id: `org-${index}`,
      name: `Organization ${String.fromCharCode(65 + index)}`,
      aliases: index === 13 ? ['Арганізацыя'] : [],
    }));
    const corpus: Corpus = {
      ...corpusFixture,
      organizations,
      publications: corpusFixture.publications.map((publication, index) => ({
        ...publication,
        organizations: [`org-${index}`, 'org-13'],
      })),
    };
    const { user } = renderApp('/', { corpus });
    await screen.findByRole('list', { name: 'Results' });
    const group = facet('Organization');
    // The largest first, with its count: org-13 is on every publication.
    await waitFor(() =>
      expect(within(group).getAllByRole('checkbox')[0]).toHaveAccessibleName(/^Organization N 12$/),
    );
    expect(within(group).getAllByRole('checkbox')).toHaveLength(10);
    await user.click(within(group).getByRole('button', { name: 'Show all' }));
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(14));
    await user.type(within(group).getByRole('textbox', { name: 'Filter organizations' }), 'арган');
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(1));
  });

  it('pages through many results with links', async () => {
    const publications = Array.from({ length: 45 }, (_, index) => ({
      id: `item-${index}`,
      title: `Item ${index}`,
      type: 'statement',
      organizations: [],
      date: `2020-01-${String((index % 28) + 1).padStart(2, '0')}`,
    }));
    const { user, router } = renderApp('/', { corpus: { ...corpusFixture, publications } });
    await expectStatus('45 publications · showing 1–20');
    await user.click(await screen.findByRole('link', { name: 'Next page' }));
    await waitFor(() => expect(currentSearch(router)).toBe('?page=2&hl=en'));
    await expectStatus('showing 21–40');
    // The reader is taken to the top of the new page, not left on <body>.
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Search results' })).toHaveFocus(),
    );
    await user.click(await screen.findByRole('link', { name: 'Page 3' }));
    await expectStatus('showing 41–45');
    // Pagination renders after the count (deferred): wait for it to mark the page.
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page'),
    );
  });
});

describe('passages of body-only matches', () => {
  /** Three publications that hold "tribunal" only in their bodies. */
  const corpus: Corpus = {
    ...corpusFixture,
    publications: ['first', 'second', 'third'].map((name, index) => ({
      id: `hearing-${name}`,
      title: `Hearing ${name}`,
      type: 'report',
      organizations: [],
      date: `2023-0${index + 1}`,
      body: `<p>Notes from the ${name} day. The tribunal sat until late.</p>`,
    })),
  };

  it('are fetched for the results near the screen, not for the whole page', async () => {
    // Only the first result is on screen; the others come into view later.
    const observed: { target: Element; report: () => void }[] = [];
    class FakeObserver {
      constructor(private readonly callback: IntersectionObserverCallback) {}
      observe(target: Element) {
        const report = () =>
          this.callback(
            [{ target, isIntersecting: true } as IntersectionObserverEntry],
            this as unknown as IntersectionObserver,
          );
        observed.push({ target, report });
        if (observed.length === 1) report();
      }
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { fetchMock } = renderApp('/?q=tribunal', { corpus });
    const publicationRequests = () =>
      fetchMock.mock.calls.filter(([url]) => /\/publications\//.test(String(url))).length;
    const list = await screen.findByRole('list', { name: 'Results' });
    await waitFor(() => expect(within(list).getAllByText(/In the text:/)).toHaveLength(1));
    expect(publicationRequests()).toBe(1);
    // The rest scroll into view: their passages follow.
    for (const { report } of observed.slice(1)) report();
    await waitFor(() => expect(within(list).getAllByText(/In the text:/)).toHaveLength(3));
    expect(publicationRequests()).toBe(3);
    expect(within(list).getAllByText('tribunal', { selector: 'mark' })).toHaveLength(3);
  });
});
