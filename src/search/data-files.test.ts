// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  DataError,
  NetworkError,
  NotFoundError,
  errorFromMessage,
  failureKind,
  parseWellFormedJson,
} from './data-files.ts';

describe('parseWellFormedJson', () => {
  it('reads lone surrogates as U+FFFD, as the UTF-8 pages say them', () => {
    expect(
      parseWellFormedJson('{"title":"a \\ud800 b","list":["\\udc00", "x\\ud83d"],"n":1}'),
    ).toEqual({ title: 'a \uFFFD b', list: ['\uFFFD', 'x\uFFFD'], n: 1 });
  });

  it('keeps whole characters, pairs included', () => {
    const text = 'Вясна 😀 \u00e9';
    expect(parseWellFormedJson(JSON.stringify({ text }))).toEqual({ text });
  });
});

describe('failures', () => {
  it('tell the network from the server, across the worker boundary too', () => {
    const network = new NetworkError('/data/x/index/d1.bin');
    const notFound = new NotFoundError('/data/x/cards/1.json');
    const data = new DataError('/data/x/start.json: HTTP 500');
    for (const error of [network, notFound, data]) {
      const again = errorFromMessage(error.message);
      expect(again).toBeInstanceOf(error.constructor);
      expect(again.message).toBe(error.message);
    }
    expect(failureKind(network, true)).toBe('network');
    expect(failureKind(network, false)).toBe('offline');
    expect(failureKind(new TypeError('Failed to fetch'), false)).toBe('offline');
    expect(failureKind(notFound, true)).toBe('server');
    // A server fault is one whatever the browser says of its connection.
    expect(failureKind(data, false)).toBe('server');
    expect(failureKind(new Error('invalid block header'), true)).toBe('server');
    expect((errorFromMessage(new NetworkError('/a', true).message) as NetworkError).timedOut).toBe(
      true,
    );
  });
});
