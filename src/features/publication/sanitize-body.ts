import DOMPurify from 'dompurify';

/**
 * Publication bodies come from other people's CMSs. They keep their structure (headings,
 * paragraphs, lists, links, emphasis, quotes, tables, images) and lose everything that could run
 * or phone home: scripts, event handlers, `javascript:` URLs, iframes, forms, styles, and images
 * from other sites, which become links so that opening a publication requests nothing from a
 * third party.
 */

const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
];
const ALLOWED_ATTR = [
  'alt',
  'colspan',
  'datetime',
  'dir',
  'height',
  'href',
  'lang',
  'rowspan',
  'scope',
  'src',
  'title',
  'width',
];

/** The body's own top-level headings would compete with the page's one `h1`: shift them down. */
function demoteHeadings(root: DocumentFragment) {
  for (const level of [5, 4, 3, 2, 1]) {
    for (const heading of root.querySelectorAll(`h${level}`)) {
      const replacement = heading.ownerDocument.createElement(`h${level + 1}`);
      for (const attribute of heading.attributes) {
        replacement.setAttribute(attribute.name, attribute.value);
      }
      replacement.append(...heading.childNodes);
      heading.replaceWith(replacement);
    }
  }
}

function resolve(href: string, base: string | undefined): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function fixLinks(root: DocumentFragment, sourceUrl: string | undefined, origin: string) {
  for (const link of root.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) continue;
    // A relative link meant the source site; without one it leads nowhere.
    const url = resolve(href, sourceUrl);
    if (
      !url ||
      (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:')
    ) {
      link.removeAttribute('href');
      continue;
    }
    link.setAttribute('href', url.href);
    if (url.origin !== origin) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
    }
  }
}

/** `src` names no scheme and no host: it is on the site that shows it, whatever that is. */
function isRelative(src: string): boolean {
  return !/^\s*([a-z][a-z0-9+.-]*:|\/\/|\\)/i.test(src);
}

function replaceForeignImages(root: DocumentFragment, origin: string) {
  for (const image of root.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? '';
    if (isRelative(src)) continue;
    const url = resolve(src, undefined);
    // An unknown origin ("null": the build without SITE_URL) is nobody's: no absolute address
    // is the site's own, http://localhost included.
    if (url && (url.protocol === 'data:' || (origin !== 'null' && url.origin === origin))) continue;
    const document = image.ownerDocument;
    const alt = image.getAttribute('alt')?.trim();
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      image.replaceWith(document.createTextNode(alt ? `[${alt}]` : ''));
      continue;
    }
    const link = document.createElement('a');
    link.setAttribute('href', url.href);
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
    link.className = 'external-image';
    link.textContent = `Image${alt ? `: ${alt}` : ''} (on ${url.hostname})`;
    image.replaceWith(link);
  }
}

/**
 * `origin` is the site's own (default: the page's); "null" when it is not known, as in the build
 * without SITE_URL (scripts/ssr-browser.ts): then every absolute address is another site's.
 */
export function sanitizeBody(
  html: string,
  options: { sourceUrl?: string | undefined; origin?: string } = {},
): string {
  const origin = options.origin ?? window.location.origin;
  const fragment = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    // Controls lose their labels too ("Submit" means nothing without its form).
    ADD_FORBID_CONTENTS: ['button', 'select', 'textarea', 'option'],
    RETURN_DOM_FRAGMENT: true,
  });
  demoteHeadings(fragment);
  fixLinks(fragment, options.sourceUrl, origin);
  replaceForeignImages(fragment, origin);
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
