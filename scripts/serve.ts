import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

/**
 * A static file server like the ones the app is hosted on: serves `--dir` under `--base`, gzips
 * what it sends (as every static host does, so byte counts are honest), and answers unknown
 * paths with index.html (the "fallback" single-page apps rely on for deep links).
 *
 *   tsx scripts/serve.ts --dir dist --port 4173 [--base /archive/] [--host 127.0.0.1]
 *                        [--app-origin http://127.0.0.1:5173]  (host pages: where the app is)
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml)|image\/svg)/;

type Options = {
  dir: string;
  base: string;
  headers?: Record<string, string>;
  /** Written in place of the app's usual origin in HTML pages (the e2e host pages). */
  appOrigin?: string;
};

/** The origin the e2e host pages name for the app; `appOrigin` replaces it. */
const USUAL_APP_ORIGIN = 'http://127.0.0.1:4173';

function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function createStaticHandler(options: Options) {
  const root = path.resolve(options.dir);
  const base = normalizeBase(options.base);
  const gzipCache = new Map<string, Buffer>();

  function send(request: IncomingMessage, response: ServerResponse, file: string, status = 200) {
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    let body: Buffer = readFileSync(file);
    if (options.appOrigin && type.startsWith('text/html')) {
      body = Buffer.from(body.toString('utf8').replaceAll(USUAL_APP_ORIGIN, options.appOrigin));
    }
    response.setHeader('Content-Type', type);
    // Hashed assets and data files named by their content never change under their URL; the
    // HTML, the start data and a publication's file keep their names: always asked again.
    const inSite = file.slice(root.length).replaceAll('\\', '/');
    const immutable =
      inSite.startsWith('/assets/') ||
      (inSite.startsWith('/data/') &&
        inSite !== '/data/start.json' &&
        !inSite.startsWith('/data/publications/'));
    response.setHeader(
      'Cache-Control',
      immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    response.setHeader('Vary', 'Accept-Encoding');
    for (const [name, value] of Object.entries(options.headers ?? {}))
      response.setHeader(name, value);
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      // Keyed by modification time too: a rebuild under a running server must not serve old bytes.
      const key = `${file}:${statSync(file).mtimeMs}`;
      let compressed = gzipCache.get(key);
      if (!compressed) gzipCache.set(key, (compressed = gzipSync(body)));
      body = compressed;
      response.setHeader('Content-Encoding', 'gzip');
    }
    response.setHeader('Content-Length', body.length);
    response.writeHead(status);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  return (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = url.pathname;
    }
    if (`${pathname}/` === base) {
      response.writeHead(301, { Location: base + url.search });
      response.end();
      return;
    }
    if (!pathname.startsWith(base)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
      return;
    }
    const file = path.join(root, pathname.slice(base.length));
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      send(request, response, file);
      return;
    }
    // A folder's index.html at the folder's address, with or without the slash, as most static
    // hosts serve it: the publication pages the build writes (publications/<id>/index.html).
    const folderIndex = path.join(file, 'index.html');
    if (file.startsWith(root) && file !== root && existsSync(folderIndex)) {
      send(request, response, folderIndex);
      return;
    }
    send(request, response, path.join(root, 'index.html'));
  };
}

function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
      'app-origin': { type: 'string' },
    },
  });
  const handler = createStaticHandler({
    dir: values.dir,
    base: values.base,
    ...(values['app-origin'] ? { appOrigin: values['app-origin'] } : {}),
  });
  const server = createServer(handler);
  server.listen(Number(values.port), values.host, () => {
    console.log(
      `Serving ${values.dir} at http://${values.host}:${values.port}${normalizeBase(values.base)}`,
    );
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
