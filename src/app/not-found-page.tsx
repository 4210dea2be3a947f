import { Link } from 'react-router';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { usePaths } from '../lib/link-scope.tsx';

export function NotFoundPage({ what = 'Page' }: { what?: string }) {
  const paths = usePaths();
  useDocumentTitle(`${what} not found`);
  return (
    <div className="not-found">
      <h1>{what} not found</h1>
      <p>
        The address may be mistyped, or the publication may have moved. Everything in the archive
        can be found from the search page.
      </p>
      <p>
        <Link to={paths.search()} className="button">
          Go to the search page
        </Link>
      </p>
    </div>
  );
}
