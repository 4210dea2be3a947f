import { useLayoutEffect, type RefObject } from 'react';

export const RESIZE_MESSAGE = 'statement-explorer:resize';

/** How long the content's height must hold before the first report (the page settling). */
export const SETTLE_MS = 300;

/**
 * Tells the page that embeds the app how tall its content is, whenever that changes, so the
 * iframe can fit it (docs/embedding.md). The message carries the height and nothing else: no
 * search, nothing about the reader. The content is measured, not the window, so a host that
 * sets the iframe's height never feeds it back into the measurement.
 *
 * While the embed loads, its height passes through what a page in the making measures: nothing
 * (before its first layout), the search box alone (before the results), and so on. The host's
 * frame would jump down and up with it, and the host's page with it. So until nothing in it is
 * busy loading and its height has held for SETTLE_MS, only growth beyond the frame's height is
 * reported (the frame never shrinks on the way), then the settled height; from then on every
 * change is.
 *
 * Browsers pause rendering, and with it ResizeObserver, in cross-origin frames scrolled out of
 * view; a MutationObserver still sees content change, so the height stays right below the fold.
 */
export function useReportHeight(content: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const element = content.current;
    if (!element || window.parent === window || typeof ResizeObserver === 'undefined') return;
    let reported = -1;
    let settled = false;
    let settling: ReturnType<typeof setTimeout> | undefined;
    const send = (height: number) => {
      if (height === reported) return;
      reported = height;
      window.parent.postMessage({ type: RESIZE_MESSAGE, height }, '*');
    };
    const settle = () => {
      // Still loading (the first results on their way): the page has not settled yet.
      if (element.querySelector('[aria-busy="true"]')) {
        settling = setTimeout(settle, SETTLE_MS);
        return;
      }
      settled = true;
      report();
    };
    const report = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      // No layout yet (the page hidden until the app's first render): nothing to say.
      if (height === 0) return;
      if (settled) return send(height);
      // Still loading: grow the frame if the content needs it, never shrink it on the way.
      if (height > Math.max(reported, window.innerHeight)) send(height);
      clearTimeout(settling);
      settling = setTimeout(settle, SETTLE_MS);
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
      clearTimeout(settling);
    };
  }, [content]);
}
