import { FETCHED_CHANNEL } from '../../search/fetched-channel.ts';

/**
 * Registers the service worker (docs/decisions/013-offline.md) once the page has loaded and the
 * browser is idle, so that the first visit is not slower; then tells it what was loaded before
 * it was there, so that it opens offline too: this page, the data files the page read, and those
 * the search worker read (the filter columns, the first search's blocks), which only the worker
 * sees; it says them on FETCHED_CHANNEL as it reads them, and they are passed on as they come.
 */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  const fetched = new Set<string>();
  let tell: ((urls: string[]) => void) | null = null;
  try {
    new BroadcastChannel(FETCHED_CHANNEL).addEventListener('message', (event: MessageEvent) => {
      if (typeof event.data !== 'string' || fetched.has(event.data)) return;
      fetched.add(event.data);
      tell?.([event.data]);
    });
  } catch {
    // No BroadcastChannel: the page's own files are still told.
  }
  const register = () => {
    navigator.serviceWorker
      .register(`${base}sw.js`, { scope: base })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        tell = (urls) => registration.active?.postMessage({ type: 'cache', urls });
        const loaded = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => name.startsWith(`${location.origin}${base}data/`));
        tell([location.href, ...loaded, ...fetched]);
      })
      .catch(() => undefined);
  };
  const whenIdle = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 5000 });
    else setTimeout(register, 1000);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
