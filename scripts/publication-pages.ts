/**
 * The HTML files of publication pages (docs/decisions/014-pages-as-files.md): the build writes one
 * per publication, at publications/<id>/index.html, which static hosts serve at
 * /publications/<id>. Pure string work, so that it is tested in Node; scripts/prerender.ts
 * renders the page's body with the app's own components and writes the files.
 */

/** The interface languages the app has (src/i18n/languages.ts). */
const INTERFACE_LANGUAGES = ['en', 'be', 'ru'];

/** The language a page is pre-rendered in: the corpus language where the app has it, else English. */
export function pageLanguage(corpusLanguage: string | undefined): string {
  const primary = (corpusLanguage ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return INTERFACE_LANGUAGES.includes(primary) ? primary : 'en';
}

/**
 * What every HTML page the build writes allows: its own origin only, no inline script, no eval.
 * Inline style attributes stay allowed: the pre-rendered timeline draws its bars with them
 * (decision 014 says what removing them would take).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function cspMetaTag(): string {
  return `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
}

/**
 * The archive's name in an interface language: its `names` entry for it, else its `name`
 * (start.json's fields, as the build reads them back; anything unexpected falls back).
 */
export function archiveNameIn(
  start: { name?: unknown; names?: unknown },
  language: string,
): string {
  const name = typeof start.name === 'string' ? start.name : 'Statement Explorer';
  const names = start.names;
  if (typeof names !== 'object' || names === null) return name;
  const localized: unknown = (names as Record<string, unknown>)[language];
  return typeof localized === 'string' && localized.trim() ? localized : name;
}

/**
 * The boot script's tag with the page's title in the other interface languages, where it differs
 * (the archive's name is part of it): the boot script puts the reader's in place at once.
 */
export function bootTagWithTitles(
  bootTag: string,
  titles: Readonly<Record<string, string>>,
  title: string,
): string {
  const others = Object.fromEntries(
    Object.entries(titles).filter(([, localized]) => localized !== title),
  );
  if (Object.keys(others).length === 0) return bootTag;
  const attribute = ` data-titles="${escapeHtml(JSON.stringify(others))}"`;
  return bootTag.replace(/><\/script>$/, () => `${attribute}></script>`);
}

/**
 * `<html lang="…" data-hl="…"` for a page in `language`: the language its interface shows in
 * until the boot script says which the reader's is (src/app/language-variants.ts).
 */
export function htmlStartTag(language: string): string {
  const tag = escapeHtml(language);
  return `<html lang="${tag}" data-hl="${tag}"`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Where a publication's page is, from the site's root: relative to `base`, or absolute under SITE_URL. */
export function publicationAddress(
  id: string,
  site: { base: string; siteUrl?: string | undefined },
) {
  const path = `publications/${encodeURIComponent(id)}`;
  return site.siteUrl
    ? new URL(path, site.siteUrl.replace(/\/?$/, '/')).href
    : `${site.base}${path}`;
}

export type PublicationHead = {
  id: string;
  title: string;
  summary: string | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601 allows each). */
  date: string;
  language: string;
  archiveName: string;
  translations: readonly { id: string; language: string }[];
};

/** A description of at most ~300 characters, cut at a word. */
function shorten(text: string, limit = 300): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const cut = clean.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit - 40)).trimEnd()}…`;
}

/** The tags of a publication page's head, after its <title>: description, canonical link, Open Graph, hreflang. */
export function publicationHeadTags(
  head: PublicationHead,
  site: { base: string; siteUrl?: string | undefined },
): string {
  const address = publicationAddress(head.id, site);
  const description = shorten(head.summary?.trim() || head.title);
  const meta = (attribute: 'name' | 'property', key: string, value: string) =>
    `<meta ${attribute}="${key}" content="${escapeHtml(value)}" />`;
  const tags = [
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(address)}" />`,
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', head.title),
    meta('property', 'og:description', description),
    meta('property', 'og:site_name', head.archiveName),
    meta('property', 'article:published_time', head.date),
    meta('name', 'twitter:card', 'summary'),
  ];
  if (site.siteUrl) tags.push(meta('property', 'og:url', address));
  if (head.translations.length > 0) {
    for (const version of [{ id: head.id, language: head.language }, ...head.translations]) {
      tags.push(
        `<link rel="alternate" hreflang="${escapeHtml(version.language)}" href="${escapeHtml(
          publicationAddress(version.id, site),
        )}" />`,
      );
    }
  }
  return tags.join('\n    ');
}

/**
 * The start page's preview tags (index.html, which static hosts also serve for every search
 * link): the archive's name and what it holds, in the page's language. A search link cannot
 * have a preview of its own without a server; the app names the search in these tags once it
 * runs (src/components/use-document-title.ts), for previews made with scripts.
 */
export function startHeadTags(
  start: { archiveName: string; description: string },
  site: { base: string; siteUrl?: string | undefined },
): string {
  const meta = (attribute: 'name' | 'property', key: string, value: string) =>
    `<meta ${attribute}="${key}" content="${escapeHtml(value)}" />`;
  const tags = [
    meta('name', 'description', start.description),
    meta('property', 'og:type', 'website'),
    meta('property', 'og:title', start.archiveName),
    meta('property', 'og:description', start.description),
    meta('property', 'og:site_name', start.archiveName),
    meta('name', 'twitter:card', 'summary'),
  ];
  if (site.siteUrl) {
    tags.push(meta('property', 'og:url', new URL(site.siteUrl.replace(/\/?$/, '/')).href));
  }
  return tags.join('\n    ');
}

/**
 * The built index.html turned into a publication page: its language, title, description and
 * head tags, the boot script told which page it is, no start data (the page does not need it to
 * show), and the pre-rendered page in #root.
 */
export function publicationPageHtml(
  template: string,
  page: { language: string; title: string; headTags: string; root: string; bootTag: string },
): string {
  return template
    .replace(/<html lang="[^"]*"/, () => htmlStartTag(page.language))
    .replace(/\s*<meta\s+name="description"[^>]*>/, '')
    .replace(
      /<title>[^<]*<\/title>/,
      () => `<title>${escapeHtml(page.title)}</title>\n    ${page.bootTag}\n    ${page.headTags}`,
    )
    .replace(/<script type="application\/json"[^>]*>[^<]*<\/script>\s*/, '')
    .replace('<div id="root"></div>', () => `<div id="root">${page.root}</div>`);
}
