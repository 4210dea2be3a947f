import { memo, useId } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';

type DateRangeProps = {
  years: { first: number; last: number } | null;
  from: string | undefined;
  to: string | undefined;
  /** Bounds an embed fixed. */
  lockedFrom?: boolean;
  lockedTo?: boolean;
  onChange(range: { from: string | undefined; to: string | undefined }): void;
};

/**
 * Year options, newest first; under the chosen year, its months (so a bound can be a month, as
 * the URL allows); and the current value when the URL gives a day.
 */
export function dateOptions(years: DateRangeProps['years'], current: string | undefined): string[] {
  const list: string[] = [];
  const chosenYear = current?.slice(0, 4);
  if (years) {
    for (let year = years.last; year >= years.first; year--) {
      list.push(String(year));
      if (String(year) === chosenYear) {
        for (let month = 1; month <= 12; month++)
          list.push(`${year}-${String(month).padStart(2, '0')}`);
      }
    }
  }
  if (current && !list.includes(current)) list.unshift(current);
  return list;
}

function YearSelect({
  label,
  value,
  choices,
  disabled,
  onChange,
}: {
  label: string;
  value: string | undefined;
  choices: string[];
  disabled: boolean;
  onChange(value: string | undefined): void;
}) {
  const id = useId();
  const { t, date } = useI18n();
  return (
    <div className="date-range__field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{t.anyDate}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {/* A month sits indented under its year. */}
            {choice.length === 7 ? `\u2003${date(choice)}` : date(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Inclusive date bounds: "from 2020 to 2022" is all of 2020, 2021 and 2022. */
export const DateRange = memo(function DateRange({
  years,
  from,
  to,
  lockedFrom = false,
  lockedTo = false,
  onChange,
}: DateRangeProps) {
  const { t } = useI18n();
  return (
    <fieldset className="facet date-range">
      <legend className="facet__legend">{t.date}</legend>
      <div className="date-range__fields">
        <YearSelect
          label={t.dateFrom}
          value={from}
          choices={dateOptions(years, from)}
          disabled={lockedFrom}
          onChange={(value) => onChange({ from: value, to })}
        />
        <YearSelect
          label={t.dateTo}
          value={to}
          choices={dateOptions(years, to)}
          disabled={lockedTo}
          onChange={(value) => onChange({ from, to: value })}
        />
      </div>
    </fieldset>
  );
});
