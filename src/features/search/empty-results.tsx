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
  const filters = filterCount === 1 ? 'the filter' : `the ${filterCount} filters`;
  let reason = 'There are no publications in this archive yet.';
  if (query && filterCount > 0)
    reason = `No publication matches “${query}” with ${filters} you chose.`;
  else if (query) reason = `No publication matches “${query}”, even allowing for typos.`;
  else if (filterCount > 0) reason = `No publication matches ${filters} you chose.`;

  return (
    <div className="notice">
      <h2 className="notice__heading">No results</h2>
      <p>{reason}</p>
      <p className="notice__actions">
        {filterCount > 0 && (
          <button type="button" className="button" onClick={onClearFilters}>
            Clear filters
          </button>
        )}
        {query && (
          <button type="button" className="button button--quiet" onClick={onClearQuery}>
            Clear search
          </button>
        )}
      </p>
    </div>
  );
}
