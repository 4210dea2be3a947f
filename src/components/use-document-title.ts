import { useEffect } from 'react';

/** Sets the tab's title while the page is shown; history and bookmarks read it too. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
