import * as v from 'valibot';
import { dataFiles } from '../index/files.ts';

/**
 * Where the build put the corpus's data files, and how to read them. The folder name is a hash of
 * their content, so they can be cached forever (docs/decisions/002-build-time-data.md).
 */

export const dataRoot = `${import.meta.env.BASE_URL}data/${__DATA_VERSION__}/`;

export const dataUrls = {
  start: `${dataRoot}${dataFiles.start}`,
  publication: (id: string) => `${dataRoot}${dataFiles.publication(encodeURIComponent(id))}`,
};

/** The file does not exist: an unknown publication id, say. Not worth retrying. */
export class NotFoundError extends Error {
  constructor(url: string) {
    super(`Not found: ${url}`);
    this.name = 'NotFoundError';
  }
}

/** The server answered, but not with the file (a failed request, or a host's HTML fallback page). */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

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

async function request(url: string, signal: AbortSignal | undefined): Promise<Response> {
  const response = await fetch(url, signal ? { signal } : {});
  if (response.status === 404) throw new NotFoundError(url);
  if (!response.ok) throw new DataError(`${url}: HTTP ${response.status}`);
  // Static hosts that fall back to index.html answer unknown paths with HTML and status 200.
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new NotFoundError(url);
  }
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
