import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  parseSearchParams,
  serializeSearchParams,
  type KnownValues,
  type SearchState,
} from './search-params.ts';

/** How long typing pauses before the URL catches up; results do not wait for it. */
export const URL_DEBOUNCE_MS = 250;

type Draft = {
  /** What the search box shows: the live text, ahead of the URL while typing. */
  text: string;
  /** The URL's `q` this draft last saw. */
  urlQ: string;
  /** The `q` this hook last wrote (or is about to write) to the URL. */
  written: string;
  /** Whether a typing run is under way: its first keystroke pushed, the rest replace. */
  typing: boolean;
};

/** The `q` a text becomes in the URL (blank text is left out). */
function urlForm(text: string): string {
  return text.trim() ? text : '';
}

function freshDraft(q: string): Draft {
  return { text: q, urlQ: q, written: q, typing: false };
}

export type SearchStateControls = {
  /** The state in the URL, with the live search text as `q`. */
  state: SearchState;
  setQueryText(text: string): void;
  /** Writes the URL now instead of after the pause (Enter in the search box). */
  commitQueryText(): void;
  /** Changes filters, sort or page: one history entry each. */
  update(changes: Partial<SearchState>): void;
};

/**
 * The search state lives in the URL (docs/decisions/004-url-state.md). The search box runs ahead
 * of it while the reader types: results follow every keystroke, the first keystroke of a search
 * pushes a history entry, and later ones replace it after a pause, so Back leaves the search
 * instead of stepping through it letter by letter.
 */
export function useSearchState(known: KnownValues): SearchStateControls {
  const [params, setParams] = useSearchParams();
  const urlState = useMemo(() => parseSearchParams(params, known), [params, known]);
  const [draft, setDraft] = useState<Draft>(() => freshDraft(urlState.q));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL moved since the last render: either it caught up with our own write, or someone else
  // (Back, a link) moved it, and then the box shows what the URL says.
  let current = draft;
  if (urlState.q !== draft.urlQ) {
    current =
      urlState.q === draft.written ? { ...draft, urlQ: urlState.q } : freshDraft(urlState.q);
    setDraft(current);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const state: SearchState =
    current.text === urlState.q ? urlState : { ...urlState, q: current.text, page: 1 };

  function write(next: SearchState, replace: boolean) {
    setParams(serializeSearchParams(next), { replace, preventScrollReset: true });
  }

  function writeQueryLater(text: string, expectedQ: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setParams(
        (previous) => {
          // Someone else moved the URL meanwhile (Back, say): this write is stale.
          if ((previous.get('q') ?? '') !== expectedQ) return previous;
          return serializeSearchParams({ ...parseSearchParams(previous, known), q: text, page: 1 });
        },
        { replace: true, preventScrollReset: true },
      );
    }, URL_DEBOUNCE_MS);
  }

  return {
    state,
    setQueryText(text) {
      if (!current.typing) {
        clearTimeout(timer.current);
        write({ ...urlState, q: text, page: 1 }, false);
        setDraft({ text, urlQ: current.urlQ, written: urlForm(text), typing: true });
        return;
      }
      writeQueryLater(text, current.written);
      setDraft({ ...current, text, written: urlForm(text) });
    },
    commitQueryText() {
      clearTimeout(timer.current);
      if (urlForm(current.text) === urlState.q) return;
      write({ ...urlState, q: current.text, page: 1 }, current.typing);
      setDraft({ ...current, written: urlForm(current.text) });
    },
    update(changes) {
      clearTimeout(timer.current);
      const text = changes.q ?? current.text;
      write({ ...state, page: 1, ...changes, q: text }, false);
      setDraft({ text, urlQ: current.urlQ, written: urlForm(text), typing: false });
    },
  };
}
