import { memo } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { CorpusMeta } from '../../search/protocol.ts';
import { focusWhenLost, resultsSection } from './focus-when-lost.ts';
import type { LockableFacet, SearchState, Selection } from './search-params.ts';

type ActiveFiltersProps = {
  meta: CorpusMeta;
  selection: Selection;
  /** Facets an embed fixed: not offered for removal. */
  locked: ReadonlySet<LockableFacet>;
  onChange(changes: Partial<SearchState>): void;
  onClearAll(): void;
};

/**
 * Each active filter as a button that removes it alone ("Remove filter: Statement"), above the
 * results: on phones the only trace of the filters outside their sheet.
 */
export const ActiveFilters = memo(function ActiveFilters({
  meta,
  selection,
  locked,
  onChange,
  onClearAll,
}: ActiveFiltersProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const chips: { key: string; label: string; remove(): void }[] = [];
  if (!locked.has('type')) {
    for (const id of selection.types) {
      const type = meta.types.find((candidate) => candidate.id === id);
      chips.push({
        key: `type:${id}`,
        label: type ? i18n.localized(type.label, type.labels) : id,
        remove: () => onChange({ types: selection.types.filter((value) => value !== id) }),
      });
    }
  }
  if (!locked.has('org')) {
    for (const id of selection.orgs) {
      const org = meta.organizations.find((candidate) => candidate.id === id);
      chips.push({
        key: `org:${id}`,
        label: org ? i18n.localized(org.name, org.names) : id,
        remove: () => onChange({ orgs: selection.orgs.filter((value) => value !== id) }),
      });
    }
  }
  if (!locked.has('lang')) {
    for (const tag of selection.langs) {
      chips.push({
        key: `lang:${tag}`,
        label: i18n.languageName(tag),
        remove: () => onChange({ langs: selection.langs.filter((value) => value !== tag) }),
      });
    }
  }
  const { from, to } = selection;
  if (from && !locked.has('from')) {
    chips.push({
      key: 'from',
      label: t.dateFromChip(i18n.date(from)),
      remove: () => onChange({ from: undefined }),
    });
  }
  if (to && !locked.has('to')) {
    chips.push({
      key: 'to',
      label: t.dateToChip(i18n.date(to)),
      remove: () => onChange({ to: undefined }),
    });
  }
  if (chips.length === 0) return null;
  // A chip removed: focus to the chip that took its place, else the one before, else the results.
  const removeAt = (index: number) => {
    const list = document.querySelector('.active-filters__list');
    chips[index]?.remove();
    focusWhenLost(() => {
      const left = [...(list?.isConnected ? list.querySelectorAll('button') : [])];
      return left[Math.min(index, left.length - 1)] ?? resultsSection();
    });
  };
  return (
    <div className="active-filters">
      <ul className="active-filters__list" aria-label={t.activeFilters}>
        {chips.map((chip, index) => (
          <li key={chip.key}>
            <button
              type="button"
              className="chip"
              aria-label={t.removeFilter(chip.label)}
              onClick={() => removeAt(index)}
            >
              <span>{chip.label}</span>
              <span aria-hidden="true" className="chip__remove">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            onClearAll();
            focusWhenLost(resultsSection);
          }}
        >
          {t.clearAll}
        </button>
      )}
    </div>
  );
});
