import { memo, useId, type CSSProperties } from 'react';
import { endKey, parsePartialDate, startKey } from '../../corpus/dates.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Timeline } from '../../search/protocol.ts';

type TimelineChartProps = {
  timeline: Timeline;
  from: string | undefined;
  to: string | undefined;
  /** Bounds an embed fixed: the bars then only show, they do not filter. */
  locked: boolean;
  onSelect(period: string): void;
};

/** Whether a period (YYYY or YYYY-MM) lies within the date bounds. */
function inBounds(period: string, from: string | undefined, to: string | undefined): boolean {
  const date = parsePartialDate(period);
  if (!date || (!from && !to)) return false;
  const lower = from ? parsePartialDate(from) : null;
  const upper = to ? parsePartialDate(to) : null;
  return (!lower || startKey(date) >= startKey(lower)) && (!upper || endKey(date) <= endKey(upper));
}

/**
 * Matching publications per year (or month): bars that are buttons ("2022: 34 publications"),
 * activating one narrows the search to that period; a table says the same to screen readers.
 */
export const TimelineChart = memo(function TimelineChart({
  timeline,
  from,
  to,
  locked,
  onSelect,
}: TimelineChartProps) {
  const { t, count, number, date } = useI18n();
  const captionId = useId();
  if (timeline.bins.length === 0) return null;
  const max = Math.max(1, ...timeline.bins.map((bin) => bin.count));
  const unit = timeline.unit === 'year' ? 'year' : 'month';
  const label = (period: string) => (unit === 'year' ? period : date(period));
  return (
    <figure className="timeline" aria-labelledby={captionId}>
      <figcaption id={captionId} className="timeline__caption">
        {unit === 'year' ? t.perYear : t.perMonth}
      </figcaption>
      {/* As wide as its bars need (up to the column): the axis's end labels sit under the first
          and last bars however few there are. */}
      <div className="timeline__plot" style={{ '--bins': timeline.bins.length } as CSSProperties}>
        <div className="timeline__bars" aria-hidden={locked ? true : undefined}>
          {timeline.bins.map((bin) => {
            const selected = inBounds(bin.period, from, to);
            return (
              <button
                key={bin.period}
                type="button"
                className={selected ? 'timeline__bar timeline__bar--selected' : 'timeline__bar'}
                aria-label={`${label(bin.period)}: ${count(t.publicationCount, bin.count)}`}
                aria-pressed={selected}
                title={`${label(bin.period)}: ${count(t.publicationCount, bin.count)}`}
                disabled={locked || bin.count === 0}
                onClick={() => onSelect(bin.period)}
              >
                <span
                  className="timeline__fill"
                  style={{ height: `${Math.max(bin.count > 0 ? 4 : 0, (bin.count / max) * 100)}%` }}
                />
              </button>
            );
          })}
        </div>
        <div className="timeline__axis" aria-hidden="true">
          <span>{label(timeline.bins[0]?.period ?? '')}</span>
          {timeline.bins.length > 1 && <span>{label(timeline.bins.at(-1)?.period ?? '')}</span>}
        </div>
      </div>
      <table className="visually-hidden">
        <caption>{unit === 'year' ? t.matchingPerYear : t.matchingPerMonth}</caption>
        <thead>
          <tr>
            <th scope="col">{unit === 'year' ? t.year : t.month}</th>
            <th scope="col">{t.publications}</th>
          </tr>
        </thead>
        <tbody>
          {timeline.bins.map((bin) => (
            <tr key={bin.period}>
              <th scope="row">{label(bin.period)}</th>
              <td>{number(bin.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
});
