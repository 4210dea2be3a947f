import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { NavigationWaiting } from '../components/connection-notice.tsx';
import { SkipLink } from '../components/skip-link.tsx';
import { useHydrated } from '../components/use-hydrated.ts';
import { RESULTS_ID } from '../features/search/search-page.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { startQuery } from '../lib/queries.ts';
import { usePaths } from '../lib/link-scope.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

/** The full site's frame: header, main, footer. Embeds get a frame without them. */
export function RootLayout() {
  const { data: meta } = useSuspenseQuery(startQuery());
  const { t, count, localized } = useI18n();
  const paths = usePaths();
  const navigating = useNavigation().state === 'loading';
  const onSearchPage = useLocation().pathname === '/';
  const hydrated = useHydrated();
  return (
    <>
      {onSearchPage ? (
        <SkipLink target={RESULTS_ID}>{t.skipToResults}</SkipLink>
      ) : (
        <SkipLink target="main">{t.skipToMain}</SkipLink>
      )}
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={paths.search()} className="site-header__name">
            {localized(meta.name, meta.names)}
          </Link>
          <span className="site-header__tagline">{t.product}</span>
          <LanguageSwitcher />
        </div>
        {navigating && <div className="progress" role="progressbar" aria-label={t.loadingPage} />}
      </header>
      <NavigationWaiting />
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        {/* The archive's totals once the app runs, not in the pages the build writes: a page
            must not change when another publication is added (docs/decisions/017-growing-archive.md). */}
        {hydrated && (
          <p>
            {t.footer(
              count(t.publicationCount, meta.publicationCount),
              count(t.organizationCount, meta.organizations.length),
            )}
          </p>
        )}
      </footer>
      <ScrollRestoration />
    </>
  );
}
