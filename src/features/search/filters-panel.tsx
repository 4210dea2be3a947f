import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useNarrowScreen } from './use-narrow-screen.ts';

type FiltersPanelProps = {
  /** How many filters the reader has set, shown on the phone's "Filters" button. */
  activeCount: number;
  /** Matching publications now, for the sheet's "Show N results". */
  total: number | undefined;
  /** Inside an iframe a modal sheet would open off-screen: filters fold out in place instead. */
  inline: boolean;
  children: ReactNode;
};

/**
 * Where the filters live: a column beside the results on wide screens; on phones a sheet that
 * opens from a "Filters" button (a modal dialog: Esc closes it, focus stays inside, then returns
 * to the button), or, in an embed, a section that folds out.
 */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export function FiltersPanel({ activeCount, total, inline, children }: FiltersPanelProps) {
  const { t, count, number } = useI18n();
  const narrow = useNarrowScreen();
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const label = activeCount > 0 ? t.filtersWithCount(number(activeCount)) : t.filters;

  useEffect(() => {
    const sheet = dialog.current;
    if (!sheet || inline) return;
    if (open && !sheet.open) sheet.showModal();
    if (!open && sheet.open) sheet.close();
  }, [open, inline]);

  if (!narrow) {
    return (
      <>
        {/* The pre-rendered page assumes a wide screen. On a phone, CSS shows this button in the
            column's place until the app takes over, so nothing moves when it does. */}
        <button type="button" className="button button--quiet filters-toggle filters-toggle--early">
          {label}
        </button>
        <aside className="search-page__filters" aria-labelledby={headingId}>
          <h2 id={headingId} className="filters__heading">
            {t.filters}
          </h2>
          {children}
        </aside>
      </>
    );
  }

  if (inline) {
    return (
      <section className="filters-fold" aria-labelledby={headingId}>
        <h2 id={headingId} className="filters-fold__heading">
          <button
            type="button"
            className="button button--quiet filters-toggle"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {label}
          </button>
        </h2>
        {open && <div className="filters-fold__body">{children}</div>}
      </section>
    );
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="button button--quiet filters-toggle"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        className="filters-sheet"
        aria-labelledby={headingId}
        onKeyDown={keepFocusInside}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
      >
        <div className="filters-sheet__header">
          <h2 id={headingId} className="filters__heading">
            {t.filters}
          </h2>
          <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
            {t.close}
          </button>
        </div>
        <div className="filters-sheet__body">{open && children}</div>
        <div className="filters-sheet__footer">
          <button
            type="button"
            className="button filters-sheet__show"
            onClick={() => setOpen(false)}
          >
            {total === undefined ? t.showResults : count(t.showResultCount, total)}
          </button>
        </div>
      </dialog>
    </>
  );
}
