import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { formatCount, publicationCount } from '../components/format.ts';
import { startQuery } from '../corpus/queries.ts';
import { paths } from './paths.ts';

/** The full site's frame: header, main, footer. Embeds get a frame without them. */
export function RootLayout() {
  const { data: meta } = useSuspenseQuery(startQuery());
  const navigating = useNavigation().state === 'loading';
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
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
