import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderComponent } from '../../testing/render-component.tsx';
import { FeedLink } from './feed-link.tsx';

const typeLabels = new Map([['news', 'News']]);
const orgNames = new Map([['viasna', 'Viasna']]);
const none = { types: [], orgs: [], langs: [] };

function renderFeed(selection: { types: string[]; orgs: string[] }, embedded = false) {
  return renderComponent(
    <FeedLink
      selection={{ ...none, ...selection }}
      typeLabels={typeLabels}
      orgNames={orgNames}
      embedded={embedded}
    />,
  );
}

describe('feed link', () => {
  it('links the feed of one organization, whatever the type', () => {
    renderFeed({ orgs: ['viasna'], types: ['news'] });
    expect(screen.getByRole('link', { name: 'Feed' })).toHaveAttribute(
      'href',
      '/feeds/org/viasna.atom',
    );
    expect(screen.getByText('of Viasna: latest publications')).toBeVisible();
  });

  it('links the feed of one type when no organization is chosen', () => {
    renderFeed({ orgs: [], types: ['news'] });
    expect(screen.getByRole('link', { name: 'Feed' })).toHaveAttribute(
      'href',
      '/feeds/type/news.atom',
    );
  });

  it('offers none for several organizations or types, or none at all', () => {
    renderFeed({ orgs: ['viasna', 'bhc'], types: [] });
    renderFeed({ orgs: [], types: ['news', 'report'] });
    renderFeed({ orgs: [], types: [] });
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('opens outside an embed’s frame', () => {
    renderFeed({ orgs: ['viasna'], types: [] }, true);
    const link = screen.getByRole('link', { name: /^Feed/ });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener');
  });
});
