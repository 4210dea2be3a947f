import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { useFailureText } from '../components/connection-notice.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/**
 * A route that failed: "not found" for unknown ids, otherwise what went wrong (offline, the
 * network, or the server: src/search/data-files.ts) and a way to try again. It is tried
 * again by itself when the connection comes back (providers.tsx, retryWhenOnline).
 */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const { t } = useI18n();
  const failureText = useFailureText();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useDocumentTitle(notFound ? t.publicationNotFound : t.somethingWentWrong);
  if (notFound) return <NotFoundPage what="publication" />;
  return (
    <div className="notice notice--error" role="alert">
      <h1>{t.pageCouldNotLoad}</h1>
      <p>{failureText(isRouteErrorResponse(error) ? new Error(error.statusText) : error)}</p>
      <button type="button" className="button" onClick={() => void revalidator.revalidate()}>
        {t.tryAgain}
      </button>
    </div>
  );
}
