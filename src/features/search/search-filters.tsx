import { memo, useCallback } from 'react';
import type { SearchResponse, CorpusMeta } from '../../search/protocol.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { DateRange } from './date-range.tsx';
import { FacetGroup, type FacetValue } from './facet-group.tsx';
import type { LockableFacet, SearchState, Selection } from './search-params.ts';

type SearchFiltersProps = {
  meta: CorpusMeta;
  facets: SearchResponse['facets'] | undefined;
  selection: Selection;
  /** Facets an embed fixed: shown as they are, not changeable. */
  locked: ReadonlySet<LockableFacet>;
  onChange(changes: Partial<SearchState>): void;
};

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
  const i18n = useI18n();
  const { t } = i18n;
  const types: FacetValue[] = meta.types.map((type, index) => ({
    value: type.id,
    label: i18n.localized(type.label, type.labels),
    count: facets?.types[index],
  }));
  // Largest first, then by name as the interface language sorts ("Östgruppen" among the O's).
  const organizations: FacetValue[] = meta.organizations
    .map((org, index) => ({
      value: org.id,
      label: i18n.localized(org.name, org.names),
      count: facets?.organizations[index],
      keywords: [org.name, ...Object.values(org.names ?? {}), ...(org.aliases ?? [])],
    }))
    .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || i18n.compare(a.label, b.label));
  const languages: FacetValue[] = meta.languages.map((tag, index) => ({
    value: tag,
    label: i18n.languageName(tag),
    count: facets?.languages[index],
  }));

  return (
    <div className="filters">
      <FacetGroup
        name={t.type}
        filterLabel={t.filterTypes}
        values={types}
        selected={state.types}
        locked={locked.has('type')}
        onChange={onTypes}
      />
      <FacetGroup
        name={t.organization}
        filterLabel={t.filterOrganizations}
        values={organizations}
        selected={state.orgs}
        locked={locked.has('org')}
        onChange={onOrgs}
      />
      {languages.length > 1 && (
        <FacetGroup
          name={t.language}
          filterLabel={t.filterLanguages}
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
