import { useI18n } from '../../i18n/i18n-context.tsx';
import { focusWhenLost, resultsSection } from './focus-when-lost.ts';

/** "Clear all filters" under the filters, while the reader has set some. */
export function ClearFilters({ count, onClear }: { count: number; onClear(): void }) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="button button--quiet"
      onClick={() => {
        onClear();
        // The button goes with the filters: focus to the filters' first control.
        focusWhenLost(
          () =>
            document.querySelector<HTMLElement>(
              '.filters input:not([disabled]), .filters button',
            ) ?? resultsSection(),
        );
      }}
    >
      {t.clearAllFilters}
    </button>
  );
}
