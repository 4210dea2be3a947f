import * as v from 'valibot';
import { inflate } from '../index/compression.ts';
import { timed, waited } from './trace.ts';

/**
 * Where the search core reads the data files the build wrote (names in index/files.ts): over
 * HTTP in the browser (the worker's session), from memory or disk in Node (the build, the tests,
 * the bench). A failed read rejects; the core forgets it, so the next search tries again.
 */
export type DataSource = {
  read(name: string): Uint8Array | Promise<Uint8Array>;
};

const decoder = new TextDecoder();

/**
 * A binary data file's bytes. The build stores every `.bin` file deflated (raw DEFLATE), so that
 * it travels small from any host, including those that compress only text types; the platform's
 * DecompressionStream inflates it.
 */
export async function readBinary(source: DataSource, name: string): Promise<Uint8Array> {
  const bytes = await source.read(name);
  return waited('decode', () => inflate(bytes));
}

/** A JSON data file, checked against the shape the build writes. */
export async function readJson<T extends v.GenericSchema>(
  source: DataSource,
  name: string,
  schema: T,
): Promise<v.InferOutput<T>> {
  const bytes = await source.read(name);
  return timed('decode', () => v.parse(schema, JSON.parse(decoder.decode(bytes))));
}

/**
 * A cache of promises that forgets a promise when it fails: a file that could not be loaded is
 * asked for again next time, not remembered as broken.
 */
export class PromiseCache<K, V> {
  private readonly entries = new Map<K, Promise<V>>();
  private readonly settled = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value if it has arrived, without waiting. */
  peek(key: K): V | undefined {
    return this.settled.get(key);
  }

  get(key: K, load: () => V | Promise<V>): V | Promise<V> {
    const ready = this.settled.get(key);
    if (ready !== undefined) {
      // Most recently used last, so the oldest goes first.
      this.settled.delete(key);
      this.settled.set(key, ready);
      return ready;
    }
    let pending = this.entries.get(key);
    if (!pending) {
      pending = Promise.resolve()
        .then(load)
        .then(
          (value) => {
            this.entries.delete(key);
            this.settled.set(key, value);
            if (this.settled.size > this.limit) {
              const oldest = this.settled.keys().next();
              if (!oldest.done) this.settled.delete(oldest.value);
            }
            return value;
          },
          (error: unknown) => {
            this.entries.delete(key);
            throw error;
          },
        );
      this.entries.set(key, pending);
    }
    return pending;
  }
}
