import { useEffect } from 'react';

/** Sets the tab's title while the page is shown; history and bookmarks read it too. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

function setMeta(attribute: 'name' | 'property', key: string, content: string) {
  let meta = document.head.querySelector<HTMLMetaElement>(`meta[${attribute}="${key}"]`);
  if (!meta) {
    meta = document.createElement('meta');
    meta.setAttribute(attribute, key);
    document.head.append(meta);
  }
  meta.content = content;
}

/**
 * The page's title and its preview (description, Open Graph title and description), naming
 * what is on screen: a search's words and filters. A static host serves one index.html for
 * every search, so link previews made without scripts show the archive's (the build writes it);
 * those made with scripts, and the browser's own, show this.
 */
export function usePagePreview(title: string, description: string | undefined) {
  useDocumentTitle(title);
  useEffect(() => {
    setMeta('property', 'og:title', title);
    if (description === undefined) return;
    setMeta('name', 'description', description);
    setMeta('property', 'og:description', description);
  }, [title, description]);
}
