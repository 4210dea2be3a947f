import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../corpus/schema.ts';
import { corpusFixture } from '../../testing/corpus-fixture.ts';
import { currentSearch, renderApp } from '../../testing/render-app.tsx';

const withBody: Corpus = {
  ...corpusFixture,
  publications: corpusFixture.publications.map((publication) =>
    publication.id === 'bialiatski-sentenced'
      ? {
          ...publication,
          url: 'https://www.amnesty.org/en/latest/news/bialiatski',
          attachments: [{ title: 'Full text (PDF)', url: 'https://www.amnesty.org/a.pdf' }],
          body:
            '<h1>Verdict</h1><p>The court <strong>convicted</strong> him.</p>' +
            '<script>window.__ran = true</script><p onclick="window.__ran = true">More</p>' +
            '<p><a href="javascript:window.__ran = true">bad link</a></p>',
        }
      : publication,
  ),
};

describe('publication page', () => {
  it('shows the publication with its date, type, organizations and source', async () => {
    renderApp('/publications/bialiatski-sentenced', { corpus: withBody });
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Ales Bialiatski sentenced to ten years',
    });
    expect(screen.getAllByRole('heading', { level: 1 })).toEqual([heading]);
    await waitFor(() =>
      expect(document.title).toBe('Ales Bialiatski sentenced to ten years — Test archive'),
    );

    const time = screen.getByText('March 2023');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', '2023-03');

    expect(screen.getByRole('link', { name: 'Statement' })).toHaveAttribute(
      'href',
      '/?type=statement&hl=en',
    );
    expect(screen.getByRole('link', { name: 'Amnesty International' })).toHaveAttribute(
      'href',
      '/?org=amnesty&hl=en',
    );
    const source = screen.getByRole('link', { name: 'Read the original on amnesty.org' });
    expect(source).toHaveAttribute('href', 'https://www.amnesty.org/en/latest/news/bialiatski');
    expect(source).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'Full text (PDF)' })).toHaveAttribute(
      'href',
      'https://www.amnesty.org/a.pdf',
    );
    expect(screen.getByRole('link', { name: 'political prisoners' })).toHaveAttribute(
      'href',
      '/?q=political+prisoners&hl=en',
    );
  });

  it('shows the body sanitized, with its headings below the title', async () => {
    renderApp('/publications/bialiatski-sentenced', { corpus: withBody });
    expect(await screen.findByRole('heading', { level: 2, name: 'Verdict' })).toBeVisible();
    expect(screen.getByText('convicted').tagName).toBe('STRONG');
    expect(screen.getByText('More')).not.toHaveAttribute('onclick');
    expect(screen.getByText('bad link')).not.toHaveAttribute('href');
  });

  it('links translations to each other', async () => {
    const { user, router } = renderApp('/publications/solidarity-with-viasna');
    const translations = await screen.findByRole('region', { name: 'Other languages' });
    await user.click(
      within(translations).getByRole('link', {
        name: 'Russian: Заявление о солидарности с правозащитным центром',
      }),
    );
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Заявление о солидарности с правозащитным центром',
      }),
    ).toHaveAttribute('lang', 'ru');
    expect(router.state.location.pathname).toBe('/publications/zayavlenie-o-solidarnosti');
  });

  it('returns to the search the reader came from', async () => {
    const { user, router } = renderApp('/?q=kolesnikova');
    await user.click(
      await screen.findByRole('link', { name: 'Kolesnikova remains in solitary confinement' }),
    );
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Kolesnikova remains in solitary confinement',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    await user.click(screen.getByRole('link', { name: 'Back to results' }));
    expect(await screen.findByRole('list', { name: 'Results' })).toBeVisible();
    await waitFor(() => expect(currentSearch(router)).toBe('?q=kolesnikova'));
    expect(screen.getByRole('searchbox', { name: /^Search publications/ })).toHaveValue(
      'kolesnikova',
    );
  });

  it('offers the search page when opened directly', async () => {
    renderApp('/publications/writers-in-prison');
    expect(await screen.findByRole('link', { name: 'Search the archive' })).toHaveAttribute(
      'href',
      '/?hl=en',
    );
  });

  it('says "not found" for an unknown or malformed id, with a way back', async () => {
    for (const path of [
      '/publications/no-such-thing',
      '/publications/Bad%20Id',
      '/publications/%E0%A4%A',
      '/embed/publications/%E0%A4%A',
      '/embed/publications/no-such-thing',
    ]) {
      const { unmount } = renderApp(path);
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Publication not found' }),
      ).toBeVisible();
      // Inside the embed, the way back stays in the embed.
      expect(screen.getByRole('link', { name: 'Go to the search page' })).toHaveAttribute(
        'href',
        path.startsWith('/embed') ? '/embed?hl=en' : '/?hl=en',
      );
      unmount();
    }
  });

  it('says "not found" for an unknown route', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});
