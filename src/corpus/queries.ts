import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { NotFoundError, dataUrls, fetchData } from './data-files.ts';
import type { SearchRequest } from './search-core.ts';
import type { SearchClient } from './search-client.ts';
import { metaSchema, publicationFileSchema } from './search-data.ts';

/**
 * One queryOptions factory per data source. The files never change under a given URL (their
 * folder is a content hash), so nothing is ever stale.
 */

function retryUnlessNotFound(failures: number, error: unknown): boolean {
  return !(error instanceof NotFoundError) && failures < 2;
}

export const metaQuery = () =>
  queryOptions({
    queryKey: ['corpus', 'meta'],
    queryFn: ({ signal }) => fetchData(dataUrls.meta, metaSchema, signal),
    staleTime: Infinity,
    gcTime: Infinity,
  });

export const publicationQuery = (id: string) =>
  queryOptions({
    queryKey: ['corpus', 'publication', id],
    queryFn: ({ signal }) => fetchData(dataUrls.publication(id), publicationFileSchema, signal),
    staleTime: Infinity,
    retry: retryUnlessNotFound,
  });

export const searchQuery = (client: SearchClient, request: SearchRequest) =>
  queryOptions({
    queryKey: ['corpus', 'search', request],
    queryFn: ({ signal }) => client.search(request, signal),
    staleTime: Infinity,
    // Keep the last results on screen while the next ones compute.
    placeholderData: keepPreviousData,
    retry: 1,
  });
