import { memo, useId, useState } from 'react';
import { foldText } from '../../search/analysis/text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export type FacetValue = {
  value: string;
  label: string;
  /** Unknown while the counts load (or failed to): then no number is shown, not a wrong 0. */
  count: number | undefined;
  /** Other names the value can be found by in the filter box (organization aliases). */
  keywords?: readonly string[];
};

type FacetGroupProps = {
  /** The group's accessible name: "Type", "Organization", "Language". */
  name: string;
  /** The filter box's name, e.g. "Filter organizations"; shown when the list is long. */
  filterLabel: string;
  values: readonly FacetValue[];
  selected: readonly string[];
  /** Fixed by an embed: only the selected values show, checked and not changeable. */
  locked?: boolean;
  onChange(selected: string[]): void;
};

/** Past this many values, the group shows the largest first behind "Show all" and a filter box. */
export const COLLAPSED_LIMIT = 10;

function matchesFilter(value: FacetValue, folded: string): boolean {
  return [value.label, ...(value.keywords ?? [])].some((name) => foldText(name).includes(folded));
}

export const FacetGroup = memo(function FacetGroup({
  name,
  filterLabel,
  values,
  selected,
  locked = false,
  onChange,
}: FacetGroupProps) {
  const { t, number } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const listId = useId();
  const long = !locked && values.length > COLLAPSED_LIMIT;
  const folded = foldText(filter.trim());

  let shown: readonly FacetValue[] = values;
  if (locked) {
    shown = values.filter((value) => selected.includes(value.value));
  } else if (long && folded) {
    shown = values.filter((value) => matchesFilter(value, folded));
  } else if (long && !expanded) {
    const largest = new Set(
      [...values]
        .sort((a, b) => (b.count ?? 0) - (a.count ?? 0))
        .slice(0, COLLAPSED_LIMIT)
        .map((value) => value.value),
    );
    shown = values.filter((value) => largest.has(value.value) || selected.includes(value.value));
  }

  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((item) => item !== value));

  return (
    <fieldset className="facet">
      <legend className="facet__legend">{name}</legend>
      {long && (
        <div className="facet__filter">
          <label htmlFor={filterId} className="visually-hidden">
            {filterLabel}
          </label>
          <input
            id={filterId}
            type="text"
            className="facet__filter-input"
            placeholder={`${filterLabel}…`}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            aria-controls={listId}
            autoComplete="off"
          />
        </div>
      )}
      <ul className="facet__values" id={listId}>
        {shown.map((value) => (
          <li key={value.value}>
            <label
              className={value.count === 0 ? 'facet__value facet__value--empty' : 'facet__value'}
            >
              <input
                type="checkbox"
                checked={selected.includes(value.value)}
                disabled={locked}
                onChange={(event) => toggle(value.value, event.target.checked)}
              />
              <span className="facet__label">{value.label}</span>
              {value.count !== undefined && (
                <>
                  {' '}
                  <span className="facet__count">{number(value.count)}</span>
                </>
              )}
            </label>
          </li>
        ))}
      </ul>
      {long && folded && shown.length === 0 && (
        <p className="facet__none">{t.noValueMatches(filter.trim())}</p>
      )}
      {long && !folded && (
        <button
          type="button"
          className="facet__more"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t.showFewer : t.showAll}
        </button>
      )}
    </fieldset>
  );
});
