import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readCorpusBytes, type CorpusFileResult } from './corpus-file.ts';
import { openCorpus } from './corpus-reader.ts';
import type { Problem } from './problems.ts';
import type { Corpus, Publication } from './schema.ts';

/**
 * For tests: a corpus file read every way the format can be read (its bytes whole, as a stream,
 * in chunks as small as a few bytes), and where the ways disagree. Whole, the reader validates
 * the parsed value; as a stream, the parts it scans; so each holds the other to the same answer.
 */

/** The publication as the stream keeps it: the format's fields but `body`. */
function withoutBody(publication: Publication): Publication {
  const kept: Publication = {
    id: publication.id,
    title: publication.title,
    type: publication.type,
    organizations: publication.organizations,
    date: publication.date,
  };
  for (const key of ['language', 'summary', 'url', 'tags', 'translations'] as const) {
    if (publication[key] !== undefined) Object.assign(kept, { [key]: publication[key] });
  }
  if (publication.attachments) {
    kept.attachments = publication.attachments.map(({ title, url }) => ({ title, url }));
  }
  return kept;
}

/** The whole reader's corpus as the stream gives it. */
export function withoutBodies(corpus: Corpus): Corpus {
  return { ...corpus, publications: corpus.publications.map(withoutBody) };
}

/** What a way of reading gave, in a form that compares: problems, or the corpus and records. */
export type Reading =
  { ok: false; problems: Problem[] } | { ok: true; corpus: Corpus; records: unknown[] };

/** Reads `file` as a stream in chunks of `chunkSize` bytes (8 MiB unless told). */
export async function readStream(file: string, chunkSize?: number): Promise<Reading> {
  const result = await openCorpus(file, { chunkSize });
  if (!result.ok) return result;
  const { opened } = result;
  try {
    const records = opened.corpus.publications.map((_, index) => opened.publication(index));
    return { ok: true, corpus: opened.corpus, records };
  } finally {
    opened.close();
  }
}

/** Reads `file` whole, its bytes. */
export function readWhole(file: string): { result: CorpusFileResult; reading: Reading } {
  const bytes = readFileSync(file);
  const result = readCorpusBytes(bytes);
  if (!result.ok) return { result, reading: result };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const { publications } = JSON.parse(text) as { publications: unknown[] };
  return {
    result,
    reading: { ok: true, corpus: withoutBodies(result.corpus), records: publications },
  };
}

/** Whether two readings say the same, as a sentence for a test's message, or undefined. */
export function disagreement(whole: Reading, other: Reading): string | undefined {
  const json = (value: unknown) => JSON.stringify(value);
  if (whole.ok !== other.ok) {
    const problems = whole.ok ? other : whole;
    return `one accepts, one rejects: ${json(!problems.ok && problems.problems.slice(0, 3))}`;
  }
  if (!whole.ok || !other.ok) {
    const [a, b] = [json(!whole.ok && whole.problems), json(!other.ok && other.problems)];
    return a === b ? undefined : `different problems: ${a} against ${b}`;
  }
  if (!isDeepStrictEqual(whole.corpus, other.corpus)) return 'different corpora';
  if (!isDeepStrictEqual(whole.records, other.records)) return 'different publications read again';
  return undefined;
}

/** Files in a folder of their own, for the tests of one file; `remove` deletes them. */
export function corpusFiles(name: string) {
  const directory = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  let count = 0;
  return {
    write(content: string | Uint8Array): string {
      const file = path.join(directory, `corpus-${count++}.json`);
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

/**
 * Reads `file` whole and as a stream in chunks of each of `chunkSizes` (undefined: the default),
 * and returns the whole reader's result and any disagreement, with the chunk size it came at.
 */
export async function readAllWays(
  file: string,
  chunkSizes: readonly (number | undefined)[],
): Promise<{ result: CorpusFileResult; disagreements: string[] }> {
  const { result, reading } = readWhole(file);
  const disagreements: string[] = [];
  for (const chunkSize of chunkSizes) {
    const found = disagreement(reading, await readStream(file, chunkSize));
    if (found) disagreements.push(`chunk size ${chunkSize ?? 'default'}: ${found}`);
  }
  return { result, disagreements };
}
