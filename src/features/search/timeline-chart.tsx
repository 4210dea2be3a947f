import { memo, useId, type CSSProperties } from 'react';
import { formatCount, publicationCount } from '../../components/format.ts';
import { endKey, formatPartialDate, parsePartialDate, startKey } from '../../corpus/dates.ts';
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
  const captionId = useId();
  if (timeline.bins.length === 0) return null;
  const max = Math.max(1, ...timeline.bins.map((bin) => bin.count));
  const unit = timeline.unit === 'year' ? 'year' : 'month';
  const label = (period: string) => (unit === 'year' ? period : formatPartialDate(period));
  return (
    <figure className="timeline" aria-labelledby={captionId}>
      <figcaption id={captionId} className="timeline__caption">
        Publications per {unit}
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
                aria-label={`${label(bin.period)}: ${publicationCount(bin.count)}`}
                aria-pressed={selected}
                title={`${label(bin.period)}: ${publicationCount(bin.count)}`}
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
        <caption>Matching publications per {unit}</caption>
        <thead>
          <tr>
            <th scope="col">{unit === 'year' ? 'Year' : 'Month'}</th>
            <th scope="col">Publications</th>
          </tr>
        </thead>
        <tbody>
          {timeline.bins.map((bin) => (
            <tr key={bin.period}>
              <th scope="row">{label(bin.period)}</th>
              <td>{formatCount(bin.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
});
