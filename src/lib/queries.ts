import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  NetworkError,
  NotFoundError,
  dataUrls,
  failureKind,
  fetchData,
  parseWellFormedJson,
} from '../search/data-files.ts';
import type { SearchClient } from '../search/client/search-client.ts';
import { publicationFileSchema } from '../search/index/data-schemas.ts';
import {
  DEFAULT_REQUEST,
  START_DATA_ELEMENT_ID,
  startSchema,
  type PassageRequest,
  type RelatedRequest,
  type SearchRequest,
  type StartData,
} from '../search/protocol.ts';
import * as v from 'valibot';

/**
 * One queryOptions factory per data source. The files never change under a given URL (their
 * folder is a content hash), so nothing is ever stale.
 */

/**
 * One more try, soon, for a failure that may pass (a flaky network, a server's hiccup): never for
 * a file that is not there, nor when the browser says it is offline or the network did not answer
 * in time. Those are said at once (the page offers to try again, and does when the connection
 * comes back), not after seconds of retrying.
 */
export function retryOnce(failures: number, error: unknown): boolean {
  if (failures >= 1 || error instanceof NotFoundError) return false;
  if (error instanceof NetworkError && error.timedOut) return false;
  return failureKind(error, navigator.onLine) !== 'offline';
}

/** The one retry comes quickly: the reader is waiting. */
export const RETRY_DELAY_MS = 500;

/** The start data index.html carries, if it is there and sound (the build puts it there). */
export function embeddedStartData(): StartData | undefined {
  const text = document.getElementById(START_DATA_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  try {
    const result = v.safeParse(startSchema, parseWellFormedJson(text));
    return result.success ? result.output : undefined;
  } catch {
    return undefined;
  }
}

/** The archive's names, types and organizations, and the first page of results. */
export const startQuery = () =>
  queryOptions({
    queryKey: ['corpus', 'start'],
    // Normally already in the cache from index.html; fetched when it is not.
    queryFn: ({ signal }) => fetchData(dataUrls.start, startSchema, signal),
    staleTime: Infinity,
    gcTime: Infinity,
  });

export const publicationQuery = (id: string) =>
  queryOptions({
    queryKey: ['corpus', 'publication', id],
    queryFn: ({ signal }) => fetchData(dataUrls.publication(id), publicationFileSchema, signal),
    staleTime: Infinity,
  });

function isDefaultRequest(request: SearchRequest): boolean {
  // `progressive` says how the answer may arrive, not what it is.
  const asked: SearchRequest = { ...DEFAULT_REQUEST, ...request };
  delete asked.progressive;
  return JSON.stringify(asked) === JSON.stringify(DEFAULT_REQUEST);
}

/** How soon a search answered without the bodies asks again (the worker waits a little too). */
const FULL_TEXT_POLL_MS = 200;

export const searchQuery = (client: SearchClient, request: SearchRequest, start: StartData) =>
  queryOptions({
    queryKey: ['corpus', 'search', request],
    queryFn: ({ signal }) => client.search(request, signal),
    staleTime: Infinity,
    // The default view comes with the start file: results show before any search code runs.
    initialData: isDefaultRequest(request) ? start.first : undefined,
    // Keep the last results on screen while the next ones compute.
    placeholderData: keepPreviousData,
    // Matches in titles came first while the bodies' index loads: ask again for the whole answer.
    refetchInterval: (query) =>
      query.state.data?.fullText === 'pending' ? FULL_TEXT_POLL_MS : false,
  });

/** The passages of a page's body-only matches, once the page is on screen. */
export const passagesQuery = (client: SearchClient, request: PassageRequest) =>
  queryOptions({
    queryKey: ['corpus', 'passages', request],
    queryFn: ({ signal }) => client.passages(request, signal),
    staleTime: Infinity,
  });

export const relatedQuery = (client: SearchClient, request: RelatedRequest) =>
  queryOptions({
    queryKey: ['corpus', 'related', request.doc],
    queryFn: ({ signal }) => client.related(request, signal),
    staleTime: Infinity,
  });
