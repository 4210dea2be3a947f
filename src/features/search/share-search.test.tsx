import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderComponent } from '../../testing/render-component.tsx';
import { EMPTY_STATE } from './search-params.ts';
import { ShareSearch } from './share-search.tsx';

describe('sharing a search', () => {
  it('embeds the search with its filters, locked when the reader asks', async () => {
    const user = userEvent.setup();
    const state = { ...EMPTY_STATE, q: 'court', orgs: ['viasna'], from: '2020', page: 2 };
    renderComponent(<ShareSearch state={state} path="/?q=court&org=viasna&from=2020" />, 'be');
    await user.click(screen.getByRole('button', { name: 'Падзяліцца' }));
    const snippet = screen.getByRole('textbox', { name: 'Убудаваць на свой сайт' });
    const script = `<script src="${window.location.origin}/embed.js" async></script>`;
    expect(snippet).toHaveValue(
      `<div data-statement-explorer data-q="court" data-org="viasna" data-from="2020" data-hl="be"></div>\n${script}`,
    );
    await user.click(
      screen.getByRole('checkbox', {
        name: 'Чытачы ўбудаванага пошуку не змогуць змяніць гэтыя фільтры',
      }),
    );
    expect(snippet).toHaveValue(
      `<div data-statement-explorer data-q="court" data-org="viasna" data-from="2020" data-lock="org,from" data-hl="be"></div>\n${script}`,
    );
    expect(screen.getByRole('textbox', { name: 'Спасылка на гэтую старонку' })).toHaveValue(
      `${window.location.origin}/?q=court&org=viasna&from=2020`,
    );
  });

  it('offers no lock when nothing is filtered', async () => {
    const user = userEvent.setup();
    renderComponent(<ShareSearch state={{ ...EMPTY_STATE, q: 'court' }} path="/?q=court" />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(await screen.findByRole('textbox', { name: 'Embed on your site' })).toBeVisible();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
