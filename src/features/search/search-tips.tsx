import { useId, useRef, useState } from 'react';

/** The query syntax, next to the box that takes it. */
export function SearchTips() {
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
        Search tips
      </button>
      {open && (
        // Escape anywhere inside closes the tips; what is focusable inside is a button.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
        <div
          id={panelId}
          className="search-tips__panel"
          role="region"
          aria-label="Search tips"
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <ul>
            <li>
              Words are found in every form: <kbd>парушаецца</kbd> finds парушалася,{' '}
              <kbd>prisoner</kbd> finds prisoners.
            </li>
            <li>
              Names in every spelling: <kbd>Беляцкого</kbd> finds Бяляцкі and Bialiatski,{' '}
              <kbd>Гулак</kbd> finds Hulak, <kbd>Lukashenka</kbd> finds Лукашэнка.
            </li>
            <li>
              A word found nowhere is read as a typo: <kbd>Bialatski</kbd> finds Bialiatski.
            </li>
            <li>
              <kbd>"political prisoners"</kbd> — this phrase, exactly.
            </li>
            <li>
              <kbd>-Amnesty</kbd> — leave out publications with this word;{' '}
              <kbd>-"human rights"</kbd> with this phrase.
            </li>
            <li>
              Publications must contain every word; small words like <kbd>on</kbd> or <kbd>the</kbd>{' '}
              may be missing.
            </li>
          </ul>
          <button type="button" className="button button--quiet" onClick={close}>
            Close tips
          </button>
        </div>
      )}
    </div>
  );
}
