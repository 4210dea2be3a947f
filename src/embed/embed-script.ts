/**
 * embed.js: turns every `<div data-statement-explorer …>` on the host page into an iframe of the
 * app's /embed view, and keeps each iframe as tall as its content (docs/embedding.md).
 * Standalone on purpose: no imports, no exports, no dependencies; the build writes it as
 * dist/embed.js. Hosts include it from the app's own origin.
 */
(() => {
  const RESIZE = 'statement-explorer:resize';
  const LIST_ATTRIBUTES = ['type', 'org', 'lang'];
  const SINGLE_ATTRIBUTES = ['q', 'from', 'to', 'lock', 'theme', 'hl'];
  const MARK = 'data-statement-explorer-frame';

  const script =
    document.currentScript instanceof HTMLScriptElement
      ? document.currentScript
      : document.querySelector<HTMLScriptElement>('script[src$="/embed.js"]');
  if (!script?.src) return;
  // The app lives where this script does: `${origin}${base}embed.js`.
  const appBase = new URL('.', script.src);
  const appOrigin = appBase.origin;

  type Registry = { frames: Set<HTMLIFrameElement>; scan(): void };
  const registryKey = '__statementExplorer';
  const host = window as unknown as Record<string, Registry | undefined>;
  const existing = host[registryKey];
  if (existing) {
    // Included twice: one listener is enough; just look for new placeholders.
    existing.scan();
    return;
  }

  const frames = new Set<HTMLIFrameElement>();

  function embedUrl(element: HTMLElement): string {
    const params = new URLSearchParams();
    for (const name of SINGLE_ATTRIBUTES) {
      const value = element.getAttribute(`data-${name}`)?.trim();
      if (value) params.set(name, value);
    }
    for (const name of LIST_ATTRIBUTES) {
      for (const value of (element.getAttribute(`data-${name}`) ?? '').split(',')) {
        if (value.trim()) params.append(name, value.trim());
      }
    }
    const publication = element.getAttribute('data-publication')?.trim();
    const path = publication ? `embed/publications/${encodeURIComponent(publication)}` : 'embed';
    const query = params.toString();
    return new URL(`${path}${query ? `?${query}` : ''}`, appBase).href;
  }

  function replace(element: HTMLElement) {
    const iframe = document.createElement('iframe');
    iframe.src = embedUrl(element);
    // The frame's name for screen readers, in the host page's language where it says which.
    const hl = element.getAttribute('data-hl')?.trim() ?? '';
    iframe.title =
      element.getAttribute('data-title')?.trim() ||
      (hl === 'be' ? 'Публікацыі' : hl === 'ru' ? 'Публикации' : 'Publications');
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute(MARK, '');
    if (element.id) iframe.id = element.id;
    if (element.className) iframe.className = element.className;
    const initial = Number(element.getAttribute('data-height'));
    iframe.style.cssText = `display:block;width:100%;border:0;overflow:hidden;height:${
      Number.isFinite(initial) && initial > 0 ? initial : 600
    }px`;
    frames.add(iframe);
    element.replaceWith(iframe);
  }

  function scan() {
    for (const element of document.querySelectorAll<HTMLElement>('div[data-statement-explorer]')) {
      replace(element);
    }
  }

  window.addEventListener('message', (event) => {
    // Only the app's own origin, only from one of our frames, only a height.
    if (event.origin !== appOrigin) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    if (!('type' in data) || data.type !== RESIZE || !('height' in data)) return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height < 0 || height > 1_000_000) return;
    for (const frame of frames) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
    }
  });

  host[registryKey] = { frames, scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();

// A module for the compiler; the build leaves no import or export in embed.js.
export {};
