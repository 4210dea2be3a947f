import * as v from 'valibot';
import { dataFiles } from './index/files.ts';
import { FETCHED_CHANNEL } from './fetched-channel.ts';

/**
 * Where the build put the corpus's data files, and how to read them. One folder, the same from
 * one deploy to the next (docs/decisions/017-growing-archive.md): every file but the start data
 * and the publications' own is named by its content, so it can be cached for good; those two
 * keep their names and are asked for again each time (`revalidated`).
 */

export const dataRoot = `${import.meta.env.BASE_URL}data/`;

export const dataUrls = {
  start: `${dataRoot}${dataFiles.start}`,
  publication: (id: string) => `${dataRoot}${dataFiles.publication(encodeURIComponent(id))}`,
};

/**
 * Whether a data file keeps its name when its content changes (the start data, a publication's
 * file): the browser asks the server whether it changed before using a copy it holds, whatever
 * the host's caching headers say. Every other data file is named by its content.
 */
export function keepsItsName(url: string): boolean {
  return url === dataUrls.start || url.startsWith(`${dataRoot}publications/`);
}

/**
 * Why a file could not be read, in two kinds a reader must be told apart: the network failed
 * (offline, a dropped connection, no answer: "check your connection"), or the server answered
 * wrongly (an error status, a page instead of the file, garbage: not the reader's connection).
 * Errors cross from the search worker as messages; each kind's message begins with its tag, so
 * `errorFromMessage` makes the same error again on the other side.
 */
const TAGS = { network: 'Network: ', notFound: 'Not found: ', data: 'Data: ' } as const;

/** The file does not exist: an unknown publication id, say. Not worth retrying. */
export class NotFoundError extends Error {
  constructor(url: string) {
    super(url.startsWith(TAGS.notFound) ? url : `${TAGS.notFound}${url}`);
    this.name = 'NotFoundError';
  }
}

/** The server answered, but not with the file (a failed request, or a host's HTML fallback page). */
export class DataError extends Error {
  constructor(message: string) {
    super(message.startsWith(TAGS.data) ? message : `${TAGS.data}${message}`);
    this.name = 'DataError';
  }
}

/** The network did not answer: offline, the connection dropped, or no answer in time. */
export class NetworkError extends Error {
  constructor(
    url: string,
    /** No answer came in time (the connection hangs): not worth an automatic retry. */
    readonly timedOut = false,
  ) {
    super(
      url.startsWith(TAGS.network) ? url : `${TAGS.network}${url}${timedOut ? ' (timed out)' : ''}`,
    );
    this.name = 'NetworkError';
  }
}

/** The error a message stands for (one from the search worker: its `message`). */
export function errorFromMessage(message: string): Error {
  if (message.startsWith(TAGS.network))
    return new NetworkError(message, message.endsWith('(timed out)'));
  if (message.startsWith(TAGS.notFound)) return new NotFoundError(message);
  if (message.startsWith(TAGS.data)) return new DataError(message);
  return new Error(message);
}

export type FailureKind = 'offline' | 'network' | 'server';

/**
 * What to tell the reader about a failure: the browser is offline (`online`: what
 * `navigator.onLine` says), the network failed while it says it is online, or the server (or the
 * data) is at fault. A fetch that rejects (a TypeError: "Failed to fetch"), a script that could
 * not be loaded, and `NetworkError` are the network's; everything else is the server's.
 */
export function failureKind(error: unknown, online: boolean): FailureKind {
  const network =
    error instanceof NetworkError ||
    (error instanceof TypeError &&
      /fetch|network|load failed|dynamically imported module|import/i.test(error.message));
  if (network) return online ? 'network' : 'offline';
  return 'server';
}

/** How long a file may take to begin to arrive before the network counts as gone. */
export const RESPONSE_TIMEOUT_MS = 8000;

/** Half of a surrogate pair without its other half: not a character, and not UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * JSON with every lone surrogate in its strings replaced by U+FFFD, as UTF-8 writes it. The
 * pages the build writes are UTF-8, which has no lone surrogates: a title holding one ("\ud800"
 * in the corpus) reaches the HTML as U+FFFD. The data must say the same, or React finds the page
 * differs from what it renders and cannot adopt it.
 */
export function parseWellFormedJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(LONE_SURROGATE, '\uFFFD') : value,
  );
}

let fetchedChannel: BroadcastChannel | null | undefined;

function announceFetched(url: string) {
  if (fetchedChannel === undefined) {
    try {
      fetchedChannel = new BroadcastChannel(FETCHED_CHANNEL);
      // Node keeps a process alive for an open channel; a browser has no such method.
      (fetchedChannel as { unref?: () => void }).unref?.();
    } catch {
      // No BroadcastChannel (or an opaque origin): offline keeps what the worker caught.
      fetchedChannel = null;
    }
  }
  fetchedChannel?.postMessage(url);
}

/**
 * Fetches a file, failing with `NetworkError` when the network fails or sends nothing for
 * RESPONSE_TIMEOUT_MS (a dropped connection hangs rather than fails), and with NotFoundError or
 * DataError when the server answers otherwise than with the file.
 */
async function request(url: string, signal: AbortSignal | undefined): Promise<Response> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, RESPONSE_TIMEOUT_MS);
  const stop = () => controller.abort(signal?.reason);
  if (signal?.aborted) stop();
  signal?.addEventListener('abort', stop, { once: true });
  let response: Response;
  try {
    response = await fetch(url, {
      signal: controller.signal,
      ...(keepsItsName(url) ? { cache: 'no-cache' as const } : {}),
    });
  } catch (error) {
    // The caller gave up: that is no failure of anyone's.
    if (signal?.aborted) throw error;
    throw new NetworkError(url, timedOut);
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 404) throw new NotFoundError(url);
  if (!response.ok) throw new DataError(`${url}: HTTP ${response.status}`);
  // Static hosts that fall back to index.html answer unknown paths with HTML and status 200.
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new NotFoundError(url);
  }
  announceFetched(url);
  return response;
}

export async function fetchData<T extends v.GenericSchema>(
  url: string,
  schema: T,
  signal?: AbortSignal,
): Promise<v.InferOutput<T>> {
  const response = await request(url, signal);
  let json: unknown;
  try {
    json = parseWellFormedJson(await response.text());
  } catch {
    throw new DataError(`${url}: not JSON`);
  }
  const result = v.safeParse(schema, json);
  if (!result.success) throw new DataError(`${url}: unexpected content`);
  return result.output;
}

export async function fetchBinary(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  return (await request(url, signal)).arrayBuffer();
}
