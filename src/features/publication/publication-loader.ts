import type { QueryClient } from '@tanstack/react-query';
import { data, type LoaderFunctionArgs } from 'react-router';
import { NotFoundError } from '../../search/data-files.ts';
import { startQuery, publicationQuery } from '../../lib/queries.ts';
import { isPublicationId } from '../../corpus/schema.ts';

/** Fills the cache before the page renders; an unknown id becomes the "not found" page. */
export function publicationLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const id = params.id ?? '';
    if (!isPublicationId(id)) throw data('No such publication', { status: 404 });
    try {
      await Promise.all([
        queryClient.ensureQueryData(startQuery()),
        queryClient.ensureQueryData(publicationQuery(id)),
      ]);
    } catch (error) {
      if (error instanceof NotFoundError) throw data('No such publication', { status: 404 });
      throw error;
    }
    return null;
  };
}
