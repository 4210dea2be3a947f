// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { corpusFixture } from '../../testing/corpus-fixture.ts';
import { serveCorpus, type Responder } from '../../testing/serve-corpus.ts';
import { NetworkError, dataRoot, dataUrls, fetchData } from '../data-files.ts';
import {
  DEFAULT_REQUEST,
  OPERATIONS,
  startSchema,
  type SearchRequest,
  type SearchResponse,
} from '../protocol.ts';
import type { FromWorker, ToWorker } from '../worker/messages.ts';
import { createSearchClient, type SearchClient } from './search-client.ts';

/**
 * A Worker the test plays: it keeps what the client posts, and answers, fails or dies when the
 * test says so. The client sees the platform's Worker interface and nothing else.
 */
class FakeWorker extends EventTarget {
  static started: FakeWorker[] = [];
  readonly received: ToWorker[] = [];
  terminated = false;

  constructor() {
    super();
    FakeWorker.started.push(this);
  }

  postMessage(message: ToWorker) {
    this.received.push(message);
  }

  terminate() {
    this.terminated = true;
  }

  /** The jobs posted so far, in order. */
  jobs() {
    return this.received.flatMap((message) => (message.type === 'job' ? [message] : []));
  }

  reply(message: FromWorker) {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }

  /** The worker could not start, or died (a strict Content-Security-Policy, say). */
  crash() {
    this.dispatchEvent(new Event('error'));
  }
}

const searchFor = (query: string): SearchRequest => ({ ...DEFAULT_REQUEST, query });

/** An answer the test can tell apart from every other. */
const answerFor = (query: string) => ({ ...emptyAnswer, suggestion: query });
const emptyAnswer: SearchResponse = {
  total: 0,
  offset: 0,
  hits: [],
  facets: { types: [], organizations: [], languages: [] },
  timeline: { unit: 'year', bins: [] },
};

let client: SearchClient;

/**
 * Waits for what the client does next. The first wait includes building the test corpus's data,
 * which takes seconds on a busy machine: a ceiling, like testing-library's (testing/setup.ts).
 */
const poll = <T>(read: () => T) => expect.poll(read, { timeout: 15_000 });

function startClient(respond?: Responder) {
  serveCorpus(corpusFixture, respond);
  client = createSearchClient(dataRoot, () => fetchData(dataUrls.start, startSchema));
}

/** The worker the client started, once it has been told where the data is. */
async function startedWorker(): Promise<FakeWorker> {
  await poll(() => FakeWorker.started[0]?.received[0]?.type).toBe('init');
  return FakeWorker.started[0] as FakeWorker;
}

/** The job the worker is working on: the last posted, once there are `count`. */
async function jobNumber(worker: FakeWorker, count: number) {
  await poll(() => worker.jobs().length).toBe(count);
  const job = worker.jobs()[count - 1];
  if (!job) throw new Error('no job');
  return job;
}

beforeEach(() => {
  FakeWorker.started = [];
});

afterEach(() => {
  client.dispose();
  vi.unstubAllGlobals();
});

describe('the search client with a worker', () => {
  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
    startClient();
  });

  it('has a method for every operation the protocol lists', () => {
    for (const operation of Object.keys(OPERATIONS)) {
      expect(client).toHaveProperty(operation, expect.any(Function));
    }
  });

  it('sends one job at a time and gives each caller its own answer', async () => {
    const first = client.search(searchFor('viasna'));
    const second = client.search(searchFor('bialiatski'));
    const worker = await startedWorker();
    const job = await jobNumber(worker, 1);
    expect(job.job).toEqual({ kind: 'search', request: searchFor('viasna') });

    worker.reply({ type: 'answer', id: job.id, answer: answerFor('viasna') });
    await expect(first).resolves.toEqual(answerFor('viasna'));
    const next = await jobNumber(worker, 2);
    expect(next.job).toEqual({ kind: 'search', request: searchFor('bialiatski') });
    worker.reply({ type: 'answer', id: next.id, answer: answerFor('bialiatski') });
    await expect(second).resolves.toEqual(answerFor('bialiatski'));
  });

  it('drops a queued search its caller gave up, and a stale answer never lands on a newer search', async () => {
    const first = client.search(searchFor('v'));
    const typing = new AbortController();
    const stale = client.search(searchFor('vi'), typing.signal);
    const latest = client.search(searchFor('via'));
    const worker = await startedWorker();
    const job = await jobNumber(worker, 1);

    // The reader typed on: the query that asked for "vi" no longer shows it.
    typing.abort();
    await expect(stale).rejects.toMatchObject({ name: 'AbortError' });
    worker.reply({ type: 'answer', id: job.id, answer: answerFor('v') });
    await expect(first).resolves.toEqual(answerFor('v'));

    const next = await jobNumber(worker, 2);
    expect(next.job.request).toEqual(searchFor('via'));
    // The first job's answer again (late, or twice): it is not the answer to "via".
    worker.reply({ type: 'answer', id: job.id, answer: answerFor('v') });
    worker.reply({ type: 'answer', id: next.id, answer: answerFor('via') });
    await expect(latest).resolves.toEqual(answerFor('via'));
    expect(worker.jobs()).toHaveLength(2);
  });

  it('gives the caller the worker’s error, of the same kind, and goes on with the next job', async () => {
    const failing = client.search(searchFor('viasna'));
    const next = client.related({
      doc: 0,
      title: 'x',
      tags: [],
      organizations: [],
      exclude: [],
    });
    const worker = await startedWorker();
    const job = await jobNumber(worker, 1);
    worker.reply({ type: 'error', id: job.id, message: new NetworkError('/data/x.bin').message });
    const error: unknown = await failing.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ message: new NetworkError('/data/x.bin').message });

    const related = await jobNumber(worker, 2);
    expect(related.job.kind).toBe('related');
    worker.reply({ type: 'answer', id: related.id, answer: [] });
    await expect(next).resolves.toEqual([]);
  });

  it('searches on the main thread when the worker dies, and still answers', async () => {
    const answer = client.search(searchFor('Bialiatski'));
    const worker = await startedWorker();
    await jobNumber(worker, 1);
    worker.crash();
    expect(worker.terminated).toBe(true);

    const response = await answer;
    expect(response.total).toBeGreaterThan(0);
    expect(response.hits.map((hit) => hit.id)).toContain('solidarity-with-viasna');
    // Later searches stay on the main thread too.
    const later = await client.search(searchFor('Viasna'));
    expect(later.total).toBeGreaterThan(0);
    expect(worker.jobs()).toHaveLength(1);
  });

  it('rejects what is queued when disposed, and stops the worker', async () => {
    void client.search(searchFor('v'));
    const queued = client.search(searchFor('vi'));
    const worker = await startedWorker();
    await jobNumber(worker, 1);
    client.dispose();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });
});

describe('the search client without a worker', () => {
  it.each([
    ['where Worker is missing', undefined],
    [
      'where the worker cannot be made',
      class {
        constructor() {
          throw new DOMException('Blocked by the Content-Security-Policy', 'SecurityError');
        }
      },
    ],
  ])('searches on the main thread %s', async (_where, worker) => {
    vi.stubGlobal('Worker', worker);
    startClient();
    const response = await client.search(searchFor('Bialiatski'));
    expect(response.hits.map((hit) => hit.id)).toContain('solidarity-with-viasna');
  });

  it('gives the caller a failed load, and the next search loads again', async () => {
    vi.stubGlobal('Worker', undefined);
    let online = false;
    startClient((url) => {
      if (!online && url.includes('/columns/')) throw new TypeError('Failed to fetch');
      return undefined;
    });

    await expect(client.search(searchFor('Bialiatski'))).rejects.toBeInstanceOf(NetworkError);
    online = true;
    const response = await client.search(searchFor('Bialiatski'));
    expect(response.hits.map((hit) => hit.id)).toContain('solidarity-with-viasna');
  });
});
