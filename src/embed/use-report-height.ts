import { useLayoutEffect, type RefObject } from 'react';

export const RESIZE_MESSAGE = 'statement-explorer:resize';

/**
 * Tells the page that embeds the app how tall its content is, whenever that changes, so the
 * iframe can fit it (docs/embedding.md). The message carries the height and nothing else: no
 * search, nothing about the reader. The content is measured, not the window, so a host that
 * sets the iframe's height never feeds it back into the measurement.
 *
 * Browsers pause rendering, and with it ResizeObserver, in cross-origin frames scrolled out of
 * view; a MutationObserver still sees content change, so the height stays right below the fold.
 */
export function useReportHeight(content: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const element = content.current;
    if (!element || window.parent === window || typeof ResizeObserver === 'undefined') return;
    let reported = -1;
    const report = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === reported) return;
      reported = height;
      window.parent.postMessage({ type: RESIZE_MESSAGE, height }, '*');
    };
    const resizes = new ResizeObserver(report);
    resizes.observe(element);
    let pending: ReturnType<typeof setTimeout> | undefined;
    const mutations = new MutationObserver(() => {
      clearTimeout(pending);
      pending = setTimeout(report, 50);
    });
    mutations.observe(element, { childList: true, subtree: true, characterData: true });
    report();
    return () => {
      resizes.disconnect();
      mutations.disconnect();
      clearTimeout(pending);
    };
  }, [content]);
}
