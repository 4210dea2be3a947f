import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { RichText } from '../../i18n/catalogs/en.ts';

/** A line of the tips: text, with what to type in `<kbd>`. */
function Tip({ text }: { text: RichText }) {
  return text.map((part, index) =>
    typeof part === 'string' ? part : <kbd key={index}>{part.kbd}</kbd>,
  );
}

/** The query syntax, next to the box that takes it. */
export function SearchTips() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  // Closing from inside the tips hands focus back to the button that opened them.
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="search-tips">
      <button
        type="button"
        ref={toggle}
        className="search-tips__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        {t.searchTips}
      </button>
      {open && (
        // Escape anywhere inside closes the tips; what is focusable inside is a button.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
        <div
          id={panelId}
          className="search-tips__panel"
          role="region"
          aria-label={t.searchTips}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <ul>
            {t.tips.map((tip, index) => (
              <li key={index}>
                <Tip text={tip} />
              </li>
            ))}
          </ul>
          <button type="button" className="button button--quiet" onClick={close}>
            {t.closeTips}
          </button>
        </div>
      )}
    </div>
  );
}
