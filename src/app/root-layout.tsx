import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { SkipLink } from '../components/skip-link.tsx';
import { RESULTS_ID } from '../features/search/search-page.tsx';
import { formatCount, publicationCount } from '../components/format.ts';
import { startQuery } from '../lib/queries.ts';
import { paths } from '../lib/paths.ts';

/** The full site's frame: header, main, footer. Embeds get a frame without them. */
export function RootLayout() {
  const { data: meta } = useSuspenseQuery(startQuery());
  const navigating = useNavigation().state === 'loading';
  const onSearchPage = useLocation().pathname === '/';
  return (
    <>
      {onSearchPage ? (
        <SkipLink target={RESULTS_ID}>Skip to results</SkipLink>
      ) : (
        <SkipLink target="main">Skip to main content</SkipLink>
      )}
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={paths.search('site')} className="site-header__name">
            {meta.name}
          </Link>
          <span className="site-header__tagline">Statement Explorer</span>
        </div>
        {navigating && <div className="progress" role="progressbar" aria-label="Loading page" />}
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          {publicationCount(meta.publicationCount)} from {formatCount(meta.organizations.length)}{' '}
          organizations. Statement Explorer loads everything from this site: no trackers, no
          third-party requests.
        </p>
      </footer>
      <ScrollRestoration />
    </>
  );
}
