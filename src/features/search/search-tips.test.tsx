import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderComponent } from '../../testing/render-component.tsx';
import { SearchTips } from './search-tips.tsx';

describe('SearchTips', () => {
  it('opens the syntax, and Escape inside closes it with focus back on the button', async () => {
    const user = userEvent.setup();
    renderComponent(<SearchTips tips={{ phrase: 'political prisoners', exclude: 'Amnesty' }} />);
    const toggle = screen.getByRole('button', { name: 'Search tips' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const tips = screen.getByRole('region', { name: 'Search tips' });
    expect(tips).toHaveTextContent('"political prisoners"');
    expect(tips).toHaveTextContent('-Amnesty');
    // No example the archive did not give: no tip of word forms, names, typos or aliases.
    expect(tips).not.toHaveTextContent('every form');
    await user.click(screen.getByRole('button', { name: 'Close tips' }));
    expect(screen.queryByRole('region', { name: 'Search tips' })).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();

    await user.click(toggle);
    screen.getByRole('button', { name: 'Close tips' }).focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Search tips' })).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('says the syntax with plain placeholders where the archive gives no example', async () => {
    const user = userEvent.setup();
    renderComponent(<SearchTips />);
    await user.click(screen.getByRole('button', { name: 'Search tips' }));
    const tips = screen.getByRole('region', { name: 'Search tips' });
    expect(tips).toHaveTextContent('"two words" — this phrase, exactly.');
    expect(tips).toHaveTextContent('-word — leave out publications with this word.');
  });
});
