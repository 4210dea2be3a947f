import { against, ms, table } from './stats.ts';

/**
 * The report's figures as data: each row a `Figure` — what was measured, its value, the budget
 * it is held to — and one function that writes any table of them (scripts/bench/report.ts).
 */

/** Phone estimate = 4 × the time at full speed. */
export const PHONE = 4;

/** How a number of a figure is written: ms, bytes, seconds… */
export type Unit = (value: number) => string;

export type Figure = {
  label: string;
  /** The number measured, or text where there is none ("not timed (--reuse-builds)"). */
  value: number | string;
  /** The value as written where its unit does not say it all ("1.2 MB in 9 requests"). */
  shown?: string;
  /** How the value, Pagefind's and the budget are written: ms unless said. */
  unit?: Unit;
  /** A phone estimate beside it: 4 × the value, or the value itself when measured 4x slower. */
  phone?: 'scaled' | 'measured';
  /** The budget: held against the phone estimate where there is one, else against the value. */
  budget?: number;
  /** A verdict written already, where no budget says it. */
  verdict?: string;
  /** Pagefind's value of the same figure, in a table that sets the two side by side. */
  pagefind?: number | string;
  /** Whether the table shows the app's value ÷ Pagefind's. */
  ratio?: boolean;
  /** The app should need less than Pagefind: the word for "less" ("fewer"), after the verdict. */
  belowPagefind?: string;
};

/** The columns of a table beside the label, the value and the verdict. */
export type Columns = { phone?: boolean; pagefind?: boolean; ratio?: boolean };

export const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—';

const write = (value: number | string | undefined, unit: Unit) =>
  typeof value === 'number' ? unit(value) : (value ?? '');

function phoneEstimate(figure: Figure, unit: Unit): string {
  if (typeof figure.value !== 'number') return '';
  if (figure.phone === 'scaled') return unit(figure.value * PHONE);
  return figure.phone === 'measured' ? unit(figure.value) : '';
}

function verdict(figure: Figure, unit: Unit): string {
  if (figure.verdict !== undefined) return figure.verdict;
  if (figure.budget === undefined || typeof figure.value !== 'number') return '';
  const judged = figure.phone === 'scaled' ? figure.value * PHONE : figure.value;
  const text = against(judged, figure.budget, unit);
  const less = figure.belowPagefind;
  if (!less || typeof figure.pagefind !== 'number') return text;
  return judged < figure.pagefind
    ? `${text}, ${less} than Pagefind ✓`
    : `${text}, not ${less} than Pagefind ✗`;
}

/** Each figure as cells: label, value, [Pagefind, [ratio]], [phone estimate], verdict. */
export function figureRows(figures: readonly Figure[], columns: Columns = {}): string[][] {
  return figures.map((figure) => {
    const unit = figure.unit ?? ms;
    const { value, pagefind } = figure;
    const compared =
      figure.ratio && typeof value === 'number' && typeof pagefind === 'number'
        ? ratio(value, pagefind)
        : '';
    return [
      figure.label,
      figure.shown ?? write(value, unit),
      ...(columns.pagefind ? [write(pagefind, unit), ...(columns.ratio ? [compared] : [])] : []),
      ...(columns.phone ? [phoneEstimate(figure, unit)] : []),
      verdict(figure, unit),
    ];
  });
}

export function figureTable(
  header: readonly string[],
  figures: readonly Figure[],
  columns: Columns = {},
): string {
  return table([header, ...figureRows(figures, columns)]);
}
