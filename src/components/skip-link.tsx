import type { MouseEvent } from 'react';

/**
 * The first thing a keyboard reaches: straight to the content. It moves focus itself rather than
 * changing the URL's hash, which the router would take for a navigation.
 */
export function SkipLink({ target, children }: { target: string; children: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const element = document.getElementById(target);
    if (!element) return;
    event.preventDefault();
    element.focus();
    element.scrollIntoView();
  };
  return (
    <a className="skip-link" href={`#${target}`} onClick={onClick}>
      {children}
    </a>
  );
}
