import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Request } from '@playwright/test';
import { createStaticHandler } from '../serve.ts';

/**
 * What a browser context fetches, for the cold-query bench: every request of its pages and their
 * workers, with when it started (the browser's clock, comparable with the page's
 * `performance.timeOrigin + performance.now()`) and its bytes on the wire (`request.sizes()`:
 * response body as transferred, gzipped where the server gzips, plus headers).
 */

export type Fetched = { url: string; start: number; bytes: number };

export class NetworkLog {
  private inFlight = 0;
  private lastChange = Date.now();
  private readonly pending: Promise<void>[] = [];
  readonly fetched: Fetched[] = [];

  constructor(context: BrowserContext) {
    context.on('request', () => {
      this.inFlight += 1;
      this.lastChange = Date.now();
    });
    context.on('requestfinished', (request) => {
      this.pending.push(this.record(request));
    });
    context.on('requestfailed', () => {
      this.inFlight -= 1;
      this.lastChange = Date.now();
    });
  }

  private async record(request: Request) {
    try {
      const sizes = await request.sizes();
      this.fetched.push({
        url: request.url(),
        start: request.timing().startTime,
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      });
    } catch {
      // A request of a page that closed meanwhile: nothing to count.
    } finally {
      this.inFlight -= 1;
      this.lastChange = Date.now();
    }
  }

  /** Waits until nothing has been in flight for `quietMs` (network idle), `timeoutMs` at most. */
  async idle(quietMs = 500, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.inFlight <= 0 && Date.now() - this.lastChange >= quietMs) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(this.pending);
  }

  /** Requests that started within [from, to] (browser clock, ms since the epoch). */
  between(from: number, to = Number.POSITIVE_INFINITY): { requests: number; bytes: number } {
    const list = this.fetched.filter((entry) => entry.start >= from && entry.start <= to);
    return { requests: list.length, bytes: list.reduce((sum, entry) => sum + entry.bytes, 0) };
  }

  /** Bytes of every request so far (what the page fetched before a query, say). */
  total(): { requests: number; bytes: number } {
    return this.between(Number.NEGATIVE_INFINITY);
  }
}

/** A folder served gzipped on a free port of localhost, as scripts/serve.ts serves a build. */
export async function serveFolder(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer(createStaticHandler({ dir, base: '/' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}
