/**
 * After a control that removes itself (a filter chip, "Clear all"), focus would fall to <body>
 * and a keyboard or screen reader user would start again from the top of the page. Call this
 * right after the change: once it has rendered (at once for a change rendered synchronously,
 * else a moment later), focus goes to `target` if it was lost, and stays where it is if not.
 */
export function focusWhenLost(target: () => HTMLElement | null | undefined) {
  const apply = () => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    target()?.focus();
  };
  apply();
  setTimeout(apply, 0);
}

/** The results section (search-page.tsx's RESULTS_ID), which takes focus when nothing else can. */
export function resultsSection(): HTMLElement | null {
  return document.getElementById('results');
}
