import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { NavigationWaiting } from '../components/connection-notice.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { EmbedParametersContext, LinkScopeContext, withLanguage } from '../lib/link-scope.tsx';
import { absoluteUrl, paths } from '../lib/paths.ts';
import { embedParameters, parseTheme, withoutEmbedParameters, type Theme } from './embed-params.ts';
import { useReportHeight } from './use-report-height.ts';

function themeOf(search: string): Theme | null {
  return parseTheme(new URLSearchParams(search).get('theme'));
}

/** A path segment decoded, or null when it is malformed ("%E0%A4%A"): that page is not found. */
function safelyDecoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The same view on the full site: same filters, without the embed's own parameters. */
function fullSitePath(pathname: string, search: string, language: string): string {
  const publication = /^\/embed\/publications\/([^/]+)$/.exec(pathname);
  const id = publication?.[1] ? safelyDecoded(publication[1]) : null;
  if (id) return paths.publication('site', id, language);
  return paths.search('site', withLanguage(withoutEmbedParameters(search), language));
}

/**
 * The frame for embeds (/embed…): no site header or footer, links that stay under /embed, the
 * host's colour scheme, and the content's height reported to the host page.
 */
export function EmbedLayout() {
  const location = useLocation();
  const { t, language } = useI18n();
  const content = useRef<HTMLDivElement>(null);
  // The theme comes with the embed's first URL; it stays while the reader moves around inside.
  const [theme, setTheme] = useState<Theme>(() => themeOf(location.search) ?? 'auto');
  // So are the locked filters: links inside the embed keep them (see usePaths).
  const [fixed] = useState(() => embedParameters(location.search));
  const requested = themeOf(location.search);
  if (requested && requested !== theme) setTheme(requested);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.embed = '';
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
    return () => {
      delete root.dataset.embed;
      delete root.dataset.theme;
    };
  }, [theme]);
  useReportHeight(content);

  return (
    <LinkScopeContext.Provider value="embed">
      <EmbedParametersContext.Provider value={fixed}>
        <div className="embed" ref={content}>
          <NavigationWaiting />
          <main id="main" className="embed__main" tabIndex={-1}>
            <Outlet />
          </main>
          <nav className="embed__full-site" aria-label={t.fullSite}>
            <a
              href={absoluteUrl(fullSitePath(location.pathname, location.search, language))}
              target="_blank"
              rel="noopener"
            >
              {t.openInFullSite}
              <span aria-hidden="true"> ↗</span>
              <span className="visually-hidden"> {t.opensInNewTab}</span>
            </a>
          </nav>
        </div>
      </EmbedParametersContext.Provider>
    </LinkScopeContext.Provider>
  );
}
