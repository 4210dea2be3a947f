import { useId } from 'react';
import type { SortOrder } from '../../search/protocol.ts';

const SORT_LABELS: Record<SortOrder, string> = {
  relevance: 'Relevance',
  newest: 'Newest first',
  oldest: 'Oldest first',
};

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
  return (
    <div className="results-bar__sort">
      <label htmlFor={id}>Sort by</label>
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
            {SORT_LABELS[order]}
          </option>
        ))}
      </select>
    </div>
  );
}
