import { useId } from 'react';

type SearchBoxProps = {
  value: string;
  onChange(text: string): void;
  onCommit(): void;
};

/** The one search box; its name begins "Search publications", as the interface promises. */
export function SearchBox({ value, onChange, onCommit }: SearchBoxProps) {
  const id = useId();
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
        Search publications
      </label>
      <input
        id={id}
        type="search"
        name="q"
        className="search-box__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder="Names, places, topics — Latin or Cyrillic"
        aria-describedby={hintId}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
      />
      <p id={hintId} className="search-box__hint">
        Typos are forgiven: “Bialatski” finds Bialiatski, “Вясна” finds Viasna.
      </p>
    </form>
  );
}
