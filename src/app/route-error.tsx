import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/** A route that failed: "not found" for unknown ids, otherwise what went wrong and a retry. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const { t } = useI18n();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useDocumentTitle(notFound ? t.publicationNotFound : t.somethingWentWrong);
  if (notFound) return <NotFoundPage what="publication" />;
  return (
    <div className="notice notice--error" role="alert">
      <h1>{t.pageCouldNotLoad}</h1>
      <p>{navigator.onLine ? t.pageCouldNotLoadText : t.offline}</p>
      <button type="button" className="button" onClick={() => void revalidator.revalidate()}>
        {t.tryAgain}
      </button>
    </div>
  );
}
