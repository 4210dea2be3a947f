import { useId } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { SortOrder } from '../../search/protocol.ts';

const ORDERS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

export function SortSelect({
  value,
  hasQuery,
  onChange,
}: {
  value: SortOrder;
  hasQuery: boolean;
  onChange(order: SortOrder): void;
}) {
  const id = useId();
  const { t } = useI18n();
  const labels: Record<SortOrder, string> = {
    relevance: t.sortRelevance,
    newest: t.sortNewest,
    oldest: t.sortOldest,
  };
  return (
    <div className="results-bar__sort">
      <label htmlFor={id}>{t.sortBy}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const order = ORDERS.find((candidate) => candidate === event.target.value);
          if (order) onChange(order);
        }}
      >
        {ORDERS.map((order) => (
          <option key={order} value={order} disabled={order === 'relevance' && !hasQuery}>
            {labels[order]}
          </option>
        ))}
      </select>
    </div>
  );
}
