import { useId, useState } from 'react';

/** The query syntax, next to the box that takes it. */
export function SearchTips() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="search-tips">
      <button
        type="button"
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
        <div id={panelId} className="search-tips__panel" role="region" aria-label="Search tips">
          <ul>
            <li>
              Words are found loosely: <kbd>Bialatski</kbd> finds Bialiatski, <kbd>Гулак</kbd> finds
              Hulak, <kbd>Lukashenka</kbd> finds Лукашэнка.
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
          <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
            Close tips
          </button>
        </div>
      )}
    </div>
  );
}
