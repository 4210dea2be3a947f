import { useI18n } from '../../i18n/i18n-context.tsx';

type EmptyResultsProps = {
  query: string;
  filterCount: number;
  onClearFilters(): void;
  onClearQuery(): void;
};

/** Says why nothing matched and offers the way out. */
export function EmptyResults({
  query,
  filterCount,
  onClearFilters,
  onClearQuery,
}: EmptyResultsProps) {
  const { t } = useI18n();
  let reason = t.emptyArchive;
  if (query && filterCount > 0) reason = t.noMatchWithFilters(query, filterCount);
  else if (query) reason = t.noMatch(query);
  else if (filterCount > 0) reason = t.noMatchFilters(filterCount);

  return (
    <div className="notice">
      <h2 className="notice__heading">{t.noResults}</h2>
      <p>{reason}</p>
      <p className="notice__actions">
        {filterCount > 0 && (
          <button type="button" className="button" onClick={onClearFilters}>
            {t.clearFilters}
          </button>
        )}
        {query && (
          <button type="button" className="button button--quiet" onClick={onClearQuery}>
            {t.clearSearch}
          </button>
        )}
      </p>
    </div>
  );
}
