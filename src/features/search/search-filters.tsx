import { memo, useCallback } from 'react';
import type { SearchResponse, CorpusMeta } from '../../search/protocol.ts';
import { languageName } from '../../corpus/languages.ts';
import { DateRange } from './date-range.tsx';
import { FacetGroup, type FacetValue } from './facet-group.tsx';
import type { LockableFacet, SearchState } from './search-params.ts';

type SearchFiltersProps = {
  meta: CorpusMeta;
  facets: SearchResponse['facets'] | undefined;
  selection: Pick<SearchState, 'types' | 'orgs' | 'langs' | 'from' | 'to'>;
  /** Facets an embed fixed: shown as they are, not changeable. */
  locked: ReadonlySet<LockableFacet>;
  onChange(changes: Partial<SearchState>): void;
};

// Plain comparison, not localeCompare: the collator it creates costs tens of milliseconds at start-up.
const byCountThenLabel = (a: FacetValue, b: FacetValue) =>
  b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/** Memoized: typing re-renders the page on every keystroke, but filters only change with results. */
export const SearchFilters = memo(function SearchFilters({
  meta,
  facets,
  selection: state,
  locked,
  onChange,
}: SearchFiltersProps) {
  const onTypes = useCallback((selected: string[]) => onChange({ types: selected }), [onChange]);
  const onOrgs = useCallback((selected: string[]) => onChange({ orgs: selected }), [onChange]);
  const onLangs = useCallback((selected: string[]) => onChange({ langs: selected }), [onChange]);
  const types: FacetValue[] = meta.types.map((type, index) => ({
    value: type.id,
    label: type.label,
    count: facets?.types[index] ?? 0,
  }));
  const organizations: FacetValue[] = meta.organizations
    .map((org, index) => ({
      value: org.id,
      label: org.name,
      count: facets?.organizations[index] ?? 0,
      keywords: org.aliases ?? [],
    }))
    .sort(byCountThenLabel);
  const languages: FacetValue[] = meta.languages.map((tag, index) => ({
    value: tag,
    label: languageName(tag),
    count: facets?.languages[index] ?? 0,
  }));

  return (
    <div className="filters">
      <FacetGroup
        name="Type"
        filterLabel="Filter types"
        values={types}
        selected={state.types}
        locked={locked.has('type')}
        onChange={onTypes}
      />
      <FacetGroup
        name="Organization"
        filterLabel="Filter organizations"
        values={organizations}
        selected={state.orgs}
        locked={locked.has('org')}
        onChange={onOrgs}
      />
      {languages.length > 1 && (
        <FacetGroup
          name="Language"
          filterLabel="Filter languages"
          values={languages}
          selected={state.langs}
          locked={locked.has('lang')}
          onChange={onLangs}
        />
      )}
      <DateRange
        years={meta.years}
        from={state.from}
        to={state.to}
        lockedFrom={locked.has('from')}
        lockedTo={locked.has('to')}
        onChange={onChange}
      />
    </div>
  );
});
