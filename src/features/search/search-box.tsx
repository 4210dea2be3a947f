import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ArchiveTips } from '../../search/protocol.ts';
import { SearchTips, searchHint } from './search-tips.tsx';

type SearchBoxProps = {
  value: string;
  onChange(text: string): void;
  onCommit(): void;
  /** Search titles, summaries and tags only, not bodies. */
  titlesOnly: boolean;
  onTitlesOnlyChange(titlesOnly: boolean): void;
  /** The archive's own examples for the tips (start data). */
  tips?: ArchiveTips | undefined;
};

/** The one search box; its name begins "Search publications", as the interface promises. */
export function SearchBox({
  value,
  onChange,
  onCommit,
  titlesOnly,
  onTitlesOnlyChange,
  tips,
}: SearchBoxProps) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  /** The text the box and `value` last agreed on. */
  const synced = useRef(value);
  // Fixed: a `defaultValue` that followed `value` would have React rewrite the input's value
  // attribute on every keystroke, twice (render, then its change handling).
  const [initialValue] = useState(value);
  const latestChange = useRef(onChange);
  // The box is uncontrolled, so no render ever overwrites what the reader typed. Text typed
  // before the app took the pre-rendered page over (React does not see those keystrokes) is
  // adopted as soon as it is noticed; otherwise the box follows `value` when it changes from
  // elsewhere (Back, "Clear search").
  useLayoutEffect(() => {
    latestChange.current = onChange;
    const box = input.current;
    if (!box) return;
    if (box.value !== synced.current) {
      synced.current = box.value;
      if (box.value !== value) onChange(box.value);
    } else if (value !== synced.current) {
      box.value = value;
      synced.current = value;
    }
  });
  // Keystrokes during hydration reach the DOM but not React: listen to the box itself too.
  useLayoutEffect(() => {
    const box = input.current;
    if (!box) return;
    const adopt = () => {
      if (box.value === synced.current) return;
      synced.current = box.value;
      latestChange.current(box.value);
    };
    adopt();
    box.addEventListener('input', adopt);
    return () => box.removeEventListener('input', adopt);
  }, []);
  const hintId = `${id}-hint`;
  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        onCommit();
      }}
    >
      <label htmlFor={id} className="search-box__label">
        {t.searchPublications}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        className="search-box__input"
        ref={input}
        defaultValue={initialValue}
        onChange={(event) => {
          // The box's own listener may have seen this keystroke first.
          if (event.target.value === synced.current) return;
          synced.current = event.target.value;
          onChange(event.target.value);
        }}
        placeholder={t.searchPlaceholder}
        aria-describedby={hintId}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
      />
      <p id={hintId} className="search-box__hint">
        {searchHint(t, tips)}
      </p>
      <div className="search-box__options">
        <SearchTips tips={tips} />
        <label className="search-box__option">
          <input
            type="checkbox"
            checked={titlesOnly}
            onChange={(event) => onTitlesOnlyChange(event.target.checked)}
          />{' '}
          {t.titlesOnly}
        </label>
      </div>
    </form>
  );
}
