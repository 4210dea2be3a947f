import { Link } from 'react-router';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { usePaths } from '../lib/link-scope.tsx';

export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'publication' }) {
  const paths = usePaths();
  const { t } = useI18n();
  const heading = what === 'publication' ? t.publicationNotFound : t.pageNotFound;
  useDocumentTitle(heading);
  return (
    <div className="not-found">
      <h1>{heading}</h1>
      <p>{t.notFoundText}</p>
      <p>
        <Link to={paths.search()} className="button">
          {t.goToSearch}
        </Link>
      </p>
    </div>
  );
}
