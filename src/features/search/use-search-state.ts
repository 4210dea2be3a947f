import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useShowsLiveLocation } from '../../lib/live-location.tsx';
import type { LinkScope } from '../../lib/paths.ts';
import {
  keepLocks,
  parseSearchParams,
  serializeSearchParams,
  withQuery,
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
  /**
   * The `q`s this hook wrote (or is about to write) to the URL in this run of typing, latest
   * last: while navigations are in flight the URL may still show an earlier one of them.
   */
  written: string[];
  /** Whether a typing run is under way: its first keystroke pushed, the rest replace. */
  typing: boolean;
  /** Counts navigations by others (Back, links): a write scheduled before one is stale. */
  epoch: number;
};

/** The `q` a text becomes in the URL (blank text is left out). */
function urlForm(text: string): string {
  return text.trim() ? text : '';
}

function freshDraft(q: string, epoch = 0): Draft {
  return { text: q, urlQ: q, written: [], typing: false, epoch };
}

/** `list` with `value` last, and not too long. */
function remember(list: readonly string[], value: string): string[] {
  return [...list.filter((item) => item !== value), value].slice(-8);
}

export type SearchStateControls = {
  /** The state in the URL, with the live search text as `q`. */
  state: SearchState;
  /** The state in the URL as it is: behind `state` while the reader types. */
  committed: SearchState;
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
export function useSearchState(known: KnownValues, scope: LinkScope): SearchStateControls {
  const [params, setParams] = useSearchParams();
  const live = useShowsLiveLocation();
  const urlState = useMemo(() => parseSearchParams(params, known, scope), [params, known, scope]);
  const [draft, setDraft] = useState<Draft>(() => freshDraft(urlState.q));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The delayed URL write needs the URL as it is when it fires, not as it was when scheduled.
  const latest = useRef({ params, setParams, epoch: draft.epoch });
  useLayoutEffect(() => {
    latest.current = { params, setParams, epoch: draft.epoch };
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  // The URL moved since the last render: either it caught up with our own write, or someone else
  // (Back, a link) moved it, and then the box shows what the URL says.
  // A keystroke's urgent render may still show the URL from before a navigation the router has
  // already made (that one renders in a transition): such a render is behind, not a Back.
  let current = draft;
  if (urlState.q !== draft.urlQ && live) {
    current = draft.written.includes(urlState.q)
      ? { ...draft, urlQ: urlState.q }
      : freshDraft(urlState.q, draft.epoch + 1);
    setDraft(current);
  }

  const state = withQuery(urlState, current.text);

  // Typing writes the URL in a transition, which React renders in slices between keystrokes.
  const options = { preventScrollReset: true };

  function writeQueryLater(text: string) {
    clearTimeout(timer.current);
    const epoch = current.epoch;
    timer.current = setTimeout(() => {
      const { params: now, setParams: set } = latest.current;
      // Someone else moved the URL meanwhile (Back, say): this write is stale.
      if (latest.current.epoch !== epoch) return;
      // Record the write before making it, so the render it causes knows it as ours.
      setDraft((previous) => ({ ...previous, written: remember(previous.written, urlForm(text)) }));
      const next = withQuery(parseSearchParams(now, known, scope), text);
      set(serializeSearchParams(next), { ...options, replace: true });
    }, URL_DEBOUNCE_MS);
  }

  return {
    state,
    committed: urlState,
    setQueryText(text) {
      // Functional updates: a delayed write may have changed the draft since this render.
      if (current.typing) {
        setDraft((previous) => ({ ...previous, text }));
        writeQueryLater(text);
        return;
      }
      clearTimeout(timer.current);
      setDraft((previous) => ({
        ...previous,
        text,
        written: remember(previous.written, urlForm(text)),
        typing: true,
      }));
      setParams(serializeSearchParams(withQuery(urlState, text)), options);
    },
    commitQueryText() {
      clearTimeout(timer.current);
      if (urlForm(current.text) === urlState.q) return;
      setDraft((previous) => ({
        ...previous,
        written: remember(previous.written, urlForm(current.text)),
      }));
      setParams(serializeSearchParams(withQuery(urlState, current.text)), {
        ...options,
        replace: current.typing,
      });
    },
    update(changes) {
      clearTimeout(timer.current);
      const text = changes.q ?? current.text;
      setDraft((previous) => ({
        ...previous,
        text,
        written: remember(previous.written, urlForm(text)),
        typing: false,
      }));
      // Synchronous, so a checkbox shows its new state within the click that changed it.
      const next = keepLocks({ ...state, page: 1, ...changes, q: text }, urlState);
      setParams(serializeSearchParams(next), {
        ...options,
        flushSync: true,
      });
    },
  };
}
