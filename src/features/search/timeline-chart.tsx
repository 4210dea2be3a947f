import {
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import { endKey, parsePartialDate, startKey } from '../../corpus/dates.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Timeline } from '../../search/protocol.ts';
import { timelineBars } from './timeline-bars.ts';

type TimelineChartProps = {
  timeline: Timeline;
  from: string | undefined;
  to: string | undefined;
  /** Bounds an embed fixed: the bars then only show, they do not filter. */
  locked: boolean;
  onSelect(from: string, to: string): void;
};

/** Whether a period (YYYY or YYYY-MM) lies within the date bounds. */
function inBounds(period: string, from: string | undefined, to: string | undefined): boolean {
  const date = parsePartialDate(period);
  if (!date || (!from && !to)) return false;
  const lower = from ? parsePartialDate(from) : null;
  const upper = to ? parsePartialDate(to) : null;
  return (!lower || startKey(date) >= startKey(lower)) && (!upper || endKey(date) <= endKey(upper));
}

/** A bar's least width with the gap after it (styles.css: 1.75rem and 2px; 2.75rem to touch). */
const BAR_PX = 30;
const TOUCH_BAR_PX = 46;
/** Before the chart is measured (and in the build's pre-render): a column's worth. */
const DEFAULT_BARS = 24;

/** How many bars fit the chart's width, measured where the chart is drawn. */
function useBarsThatFit(): number {
  const [bars, setBars] = useState(DEFAULT_BARS);
  useEffect(() => {
    // The results column (search-page.tsx's RESULTS_ID), there before any timeline is.
    const column = document.getElementById('results');
    if (!column || typeof ResizeObserver === 'undefined') return;
    const touch = window.matchMedia('(pointer: coarse)').matches;
    const measure = () => {
      const width = column.clientWidth;
      const bar = touch ? TOUCH_BAR_PX : BAR_PX;
      if (width > 0) setBars(Math.max(4, Math.floor((width + 2) / bar)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(column);
    return () => observer.disconnect();
  }, []);
  return bars;
}

/**
 * Matching publications per year (or month): bars that are buttons ("2022: 34 publications"),
 * activating one narrows the search to that period; a table says the same to screen readers.
 * When the periods do not fit, neighbours share a bar ("2006–2007"), the latest kept whole.
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
  const maxBars = useBarsThatFit();
  const figure = useRef<HTMLElement>(null);
  // A bar chosen: the search narrows, and when its answer comes the bars are others (a year's
  // months for a year) and the chosen bar, which had focus, is gone. Focus then goes to the
  // chart, which says what it now shows, not to <body>.
  const keepFocus = useRef(false);
  useLayoutEffect(() => {
    if (!keepFocus.current) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) {
      if (!figure.current?.contains(active)) keepFocus.current = false;
      return;
    }
    keepFocus.current = false;
    figure.current?.focus();
  });
  if (timeline.bins.length === 0) return null;
  const bars = timelineBars(timeline, maxBars);
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const unit = timeline.unit === 'year' ? 'year' : 'month';
  const label = (period: string) => (unit === 'year' ? period : date(period));
  const span = (bar: { from: string; to: string }) =>
    bar.from === bar.to ? label(bar.from) : `${label(bar.from)}–${label(bar.to)}`;
  return (
    <figure className="timeline" aria-labelledby={captionId} ref={figure} tabIndex={-1}>
      <figcaption id={captionId} className="timeline__caption">
        {unit === 'year' ? t.perYear : t.perMonth}
      </figcaption>
      {/* As wide as its bars need (up to the column): the axis's end labels sit under the first
          and last bars however few there are. */}
      <div className="timeline__plot" style={{ '--bins': bars.length } as CSSProperties}>
        <div className="timeline__bars" aria-hidden={locked ? true : undefined}>
          {bars.map((bar) => {
            const selected = inBounds(bar.from, from, to) && inBounds(bar.to, from, to);
            const name = `${span(bar)}: ${count(t.publicationCount, bar.count)}`;
            return (
              <button
                key={bar.from}
                type="button"
                className={selected ? 'timeline__bar timeline__bar--selected' : 'timeline__bar'}
                aria-label={name}
                aria-pressed={selected}
                title={name}
                disabled={locked || bar.count === 0}
                onClick={() => {
                  keepFocus.current = true;
                  onSelect(bar.from, bar.to);
                }}
              >
                <span
                  className="timeline__fill"
                  style={{ height: `${Math.max(bar.count > 0 ? 4 : 0, (bar.count / max) * 100)}%` }}
                />
              </button>
            );
          })}
        </div>
        <div className="timeline__axis" aria-hidden="true">
          <span>{label(bars[0]?.from ?? '')}</span>
          {bars.length > 1 && <span>{label(bars.at(-1)?.to ?? '')}</span>}
        </div>
      </div>
      {timeline.unplaced !== undefined && timeline.unplaced > 0 && (
        <p className="timeline__note">{count(t.yearOnly, timeline.unplaced)}</p>
      )}
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
