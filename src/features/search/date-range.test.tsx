import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderComponent } from '../../testing/render-component.tsx';
import { DateRange, dateOptions } from './date-range.tsx';

describe('date bounds', () => {
  it('offers years, and the months of the chosen year under it', () => {
    const years = { first: 2020, last: 2022 };
    expect(dateOptions(years, undefined)).toEqual(['2022', '2021', '2020']);
    const withMonths = dateOptions(years, '2021');
    expect(withMonths.slice(0, 3)).toEqual(['2022', '2021', '2021-01']);
    expect(withMonths).toContain('2021-12');
    expect(withMonths.at(-1)).toBe('2020');
    // A day from the URL is offered as it is.
    expect(dateOptions(years, '2021-03-05')[0]).toBe('2021-03-05');
  });

  it('lets a bound be a month, named in the interface language', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderComponent(
      <DateRange
        years={{ first: 2020, last: 2022 }}
        from="2021"
        to={undefined}
        onChange={onChange}
      />,
      'be',
    );
    const from = screen.getByRole('combobox', { name: 'Ад' });
    expect(screen.getByRole('option', { name: /сакавік 2021/ })).toBeInTheDocument();
    await user.selectOptions(from, '2021-03');
    expect(onChange).toHaveBeenCalledWith({ from: '2021-03', to: undefined });
  });
});
