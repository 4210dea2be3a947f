/**
 * The service worker (docs/decisions/013-offline.md): after a first visit, the app opens, searches
 * what it has fetched and opens the publications read before, offline.
 *
 * - The app's shell (its HTML, scripts, styles, the start data) is cached when the worker
 *   installs, in a cache named after the build; the build writes the list into this file.
 * - Data files named by their content (index blocks, columns, cards…) come from the cache first,
 *   and are cached as they are fetched, in one cache that outlives deploys: a file that did not
 *   change in a deploy keeps its name, so what a reader holds stays valid
 *   (docs/decisions/017-growing-archive.md). The start data and a publication's file keep their
 *   names when they change: they come from the network first, the cache offline. Never a page
 *   in a file's place: a host answers a missing file (during a deploy, say) with its
 *   index.html, and that must not stand for the file for good.
 * - Pages (navigations) come from the network first, so each visit online takes the newest
 *   build, and are cached by path; offline, a page read before opens, and any other address gets
 *   the start page, which the app turns into the page asked for (or says it is unavailable). The
 *   start page offline is always this build's, never one cached before a deploy.
 * - A new build takes over at once, but the files of the build before it stay: a tab still
 *   running it can load what it needs. Older builds' shells are deleted; the data cache keeps
 *   its newest DATA_LIMIT files.
 *
 * It is a classic script with no imports: the build emits it as sw.js beside index.html.
 */

type Manifest = {
  /** The name of this build's shell cache: a hash of what it holds. */
  shell: string;
  /** Addresses to cache at install, the start page first. */
  urls: string[];
};

type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & {
  request: Request;
  respondWith(response: Promise<Response>): void;
};
type MessageEventLike = ExtendableEvent & { data: unknown };
type WorkerScope = {
  location: Location;
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
};

const scope = self as unknown as WorkerScope;
// The build puts the list of this build's files in the place of this string (corpus-plugin.ts).
const manifest = JSON.parse('__SW_MANIFEST__') as Manifest;
const base = new URL(scope.registration.scope).pathname;
const PAGES = 'pages';
const DATA = 'data';
/** Caches of data folders named by version, before data files were named by their content. */
const OLD_DATA_PREFIX = 'data-';
const SHELL_PREFIX = 'shell-';
/** Where the worker notes the shells in the order their builds took over. */
const META = 'meta';
const SHELL_ORDER = 'shell-order';
/** Data files kept at most: the oldest cached go first (a few kB each). */
const DATA_LIMIT = 4000;

/** What a data file is to the cache: not data, named by its content, or keeping its name. */
function dataKind(url: URL): 'none' | 'content' | 'named' {
  const path = url.pathname.slice(base.length);
  if (!path.startsWith('data/')) return 'none';
  return path === 'data/start.json' || path.startsWith('data/publications/') ? 'named' : 'content';
}

/** Whether a response is HTML: a page, never a data file or a script (a host's fallback). */
function isHtml(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('text/html');
}

/** Removes a request from every cache that holds it. */
async function forget(request: Request | string): Promise<void> {
  for (const name of await caches.keys()) await (await caches.open(name)).delete(request);
}

/** A page is cached under its path alone: `?q=…` and `?hl=…` are the same file. */
function pageKey(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * The shell, each file checked: a host that answers a file missing mid-deploy with its
 * index.html must fail the install (it is tried again on the next visit), not put a page in the
 * place of a script.
 */
async function cacheShell(): Promise<void> {
  const cache = await caches.open(manifest.shell);
  await Promise.all(
    manifest.urls.map(async (address) => {
      const response = await fetch(address);
      if (!response.ok || (address !== base && isHtml(response))) {
        throw new Error(`${address} is not this build's file`);
      }
      await cache.put(address, response);
    }),
  );
}

scope.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => scope.skipWaiting()));
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then(async (names) => {
      // This build and the one before it: a tab still on the older one keeps working.
      const meta = await caches.open(META);
      const noted = await meta.match(SHELL_ORDER);
      const order: unknown = noted ? await noted.json().catch(() => []) : [];
      const earlier = Array.isArray(order)
        ? order.filter((name): name is string => typeof name === 'string')
        : [];
      const kept = [...earlier.filter((name) => name !== manifest.shell), manifest.shell].slice(-2);
      await meta.put(SHELL_ORDER, new Response(JSON.stringify(kept)));
      const keep = new Set(kept);
      await Promise.all(
        names
          .filter(
            (name) =>
              (name.startsWith(SHELL_PREFIX) && !keep.has(name)) ||
              name.startsWith(OLD_DATA_PREFIX),
          )
          .map((name) => caches.delete(name)),
      );
      // The data cache keeps its newest files (keys list them oldest first).
      const data = await caches.open(DATA);
      const held = await data.keys();
      await Promise.all(
        held.slice(0, Math.max(0, held.length - DATA_LIMIT)).map((request) => data.delete(request)),
      );
      await scope.clients.claim();
    }),
  );
});

/** Keeps a data file's response, unless it is a page standing in for it. */
function keep(request: Request | string, response: Response): void {
  if (!response.ok || isHtml(response)) return;
  const copy = response.clone();
  void caches.open(DATA).then((cache) => cache.put(request, copy));
}

/** A file named by its content: what the cache holds is it, for good. */
async function fromCacheFirst(request: Request, url: URL): Promise<Response> {
  const cached = await caches.match(request);
  // A page held for a file (cached by an earlier build of this worker) is thrown away.
  if (cached && !isHtml(cached)) return cached;
  if (cached) void forget(request);
  const response = await fetch(request);
  if (dataKind(url) === 'content') keep(request, response);
  return response;
}

/**
 * A data file that keeps its name when it changes (the start data, a publication's): the
 * network's, the cache's offline. The start data offline is this build's, as its shell holds it.
 */
async function fromNetworkFirst(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    keep(request, response);
    return response;
  } catch (error) {
    const shell = await caches.open(manifest.shell);
    const cached =
      (await shell.match(request, { ignoreSearch: true })) ??
      (await (await caches.open(DATA)).match(request, { ignoreSearch: true }));
    if (cached && !isHtml(cached)) return cached;
    throw error;
  }
}

async function page(request: Request, url: URL): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && isHtml(response)) {
      const copy = response.clone();
      void caches.open(PAGES).then((cache) => cache.put(pageKey(url), copy));
    }
    return response;
  } catch (error) {
    // This build's start page: the one this worker's scripts and styles go with.
    const shell = await caches.open(manifest.shell);
    const start =
      (await shell.match(`${url.origin}${base}`)) ??
      (await shell.match(`${url.origin}${base}index.html`));
    const atStart = url.pathname === base || url.pathname === `${base}index.html`;
    const cached = atStart ? start : ((await caches.match(pageKey(url))) ?? start);
    if (cached) return cached;
    throw error;
  }
}

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin || !url.pathname.startsWith(base)) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request, url));
    return;
  }
  const path = url.pathname.slice(base.length);
  const kind = dataKind(url);
  if (kind === 'named') {
    event.respondWith(fromNetworkFirst(request));
    return;
  }
  if (path.startsWith('assets/') || kind === 'content') {
    event.respondWith(fromCacheFirst(request, url));
    return;
  }
  // Anything else (the icon, feeds, embed.js): the network, else what the cache has.
  event.respondWith(
    fetch(request).catch(async (error: unknown) => {
      const cached = await caches.match(request);
      if (cached) return cached;
      throw error;
    }),
  );
});

/** The page tells what it loaded before the worker was there, so that it opens offline too. */
scope.addEventListener('message', (event) => {
  const data = event.data;
  if (typeof data !== 'object' || data === null || !('type' in data) || data.type !== 'cache') {
    return;
  }
  const urls = 'urls' in data && Array.isArray(data.urls) ? data.urls : [];
  event.waitUntil(
    Promise.all(
      urls.map(async (value: unknown) => {
        if (typeof value !== 'string') return;
        const url = new URL(value, scope.location.href);
        if (url.origin !== scope.location.origin || !url.pathname.startsWith(base)) return;
        const path = url.pathname.slice(base.length);
        if (dataKind(url) !== 'none') {
          const cached = await caches.match(url.href);
          if (cached && !isHtml(cached)) return;
          const response = await fetch(url.href);
          if (response.ok && !isHtml(response))
            await (await caches.open(DATA)).put(url.href, response);
        } else if (!path.startsWith('assets/') && !/\.[a-z0-9]+$/i.test(path)) {
          const response = await fetch(url.href);
          if (response.ok && isHtml(response)) {
            await (await caches.open(PAGES)).put(pageKey(url), response);
          }
        }
      }),
    ).catch(() => undefined),
  );
});
