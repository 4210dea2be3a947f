import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { NotFoundPage } from './not-found-page.tsx';

/** A route that failed: "not found" for unknown ids, otherwise what went wrong and a retry. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  useDocumentTitle('Something went wrong');
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage what="Publication" />;
  }
  return (
    <div className="notice notice--error" role="alert">
      <h1>This page could not be loaded</h1>
      <p>Check your connection and try again. Nothing you were doing is lost.</p>
      <button type="button" className="button" onClick={() => void revalidator.revalidate()}>
        Try again
      </button>
    </div>
  );
}
