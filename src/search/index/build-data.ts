import { createHash, type Hash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { dateKey } from '../../corpus/dates.ts';
import type { Corpus, Publication } from '../../corpus/schema.ts';
import { htmlToText } from '../analysis/html-text.ts';
import { SHIPPED_GLOSSARY, analyzeGlossary } from '../glossary/concepts.ts';
import { archiveTips } from './archive-tips.ts';
import { createSearchCore } from '../core/search-core.ts';
import type { DataSource } from '../core/data-source.ts';
import { DEFAULT_REQUEST, type CorpusMeta, type StartData } from '../protocol.ts';
import {
  COLUMNS_CHUNK,
  columnDate,
  encodeColumns,
  lengthCode,
  sliceColumns,
  type Columns,
} from './columns.ts';
import {
  CARD_PACK,
  CATALOG_SIZE,
  type Card,
  type Catalog,
  type PublicationFile,
} from './data-schemas.ts';
import { dataFiles, HASH } from './files.ts';
import { StateReader, StateWriter } from './builder-state.ts';
import {
  IndexBuilder,
  type DocumentLengths,
  type IndexDocument,
  type FileSink,
  type IndexOptions,
  type IndexSummary,
} from './build-index.ts';

/**
 * Turns a validated corpus into every data file the app loads (docs/index-format.md): the
 * columns, one card a publication, catalog chunks for exports, one file a publication, the term
 * index, and the start data with the first page. Publications are read one at a time through
 * `source`, so an archive larger than memory streams through (the build reads bodies from the
 * corpus file again, by offset; tests hand over a corpus in memory).
 */

export type CorpusSource = {
  /** The corpus; its publications may lack their bodies. */
  corpus: Corpus;
  /** Publication `index` (of `corpus.publications`), whole. */
  publication(index: number): Publication;
};

/** Where the files go, and how they are read back (the start data runs a search over them). */
export type DataStore = {
  write(name: string, content: Uint8Array | string): void;
  read(name: string): Uint8Array;
};

/**
 * The incremental build's saved index (docs/decisions/017-growing-archive.md): the builder's
 * state after the first `count` publications of an earlier build, whose index inputs hash to
 * `digest` (`indexDigest`). A build whose first `count` publications hash the same restores it
 * instead of adding them again; publications are numbered oldest first, so a day's additions
 * leave the others a prefix.
 */
export type SavedIndex = { count: number; digest: string; state(): Uint8Array };

export type IndexCheckpoint = {
  /** What an earlier build saved, if anything. */
  saved: SavedIndex | null;
  /** Keeps this build's state, after all its publications (`state` is its file's parts). */
  save(count: number, digest: string, state: Uint8Array[]): void;
};

/**
 * Binary files deflated by earlier builds, by the SHA-256 of their bytes before deflating (the
 * incremental build): the same bytes, deflated by the same zlib at the same level, deflate the
 * same, and level 9 is slow. The cache is kept per toolchain (scripts/build-cache.ts).
 */
export type DeflateCache = {
  /** `key`: the SHA-256 of the bytes, in hexadecimal, a dot and the level. */
  get(key: string): Uint8Array | undefined;
  put(key: string, deflated: Uint8Array): void;
};

export type BuildOptions = {
  index?: Partial<IndexOptions>;
  /** Files deflated by earlier builds (the incremental build). */
  deflated?: DeflateCache;
  /** Where the index builder's state is kept between builds (the incremental build). */
  checkpoint?: IndexCheckpoint;
  /** Called now and then with how many publications are done. */
  progress?: (done: number, total: number) => void;
};

export type BuildResult = {
  start: StartData;
  index: IndexSummary;
  /** Publications whose index state was restored from the checkpoint (0: none). */
  restored: number;
};

function compareIds(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The publications' order in the data: oldest first, and of one date the later id first (so
 * that, read backwards, the newest come first and ties go by id). A new publication is usually
 * the newest: it is numbered last, and no other publication's number changes
 * (docs/decisions/017-growing-archive.md).
 */
function oldestFirst(publications: readonly Publication[]): number[] {
  const keys = publications.map((publication) => dateKey(publication.date) ?? 0);
  return publications
    .map((_, index) => index)
    .sort(
      (a, b) =>
        (keys[a] ?? 0) - (keys[b] ?? 0) ||
        compareIds(publications[b]?.id ?? '', publications[a]?.id ?? ''),
    );
}

function languagesByUse(publications: readonly Publication[], fallback: string): string[] {
  const counts = new Map<string, number>();
  for (const publication of publications) {
    const language = publication.language ?? fallback;
    counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]))
    .map(([language]) => language);
}

function yearRange(publications: readonly Publication[]): CorpusMeta['years'] {
  let range: CorpusMeta['years'] = null;
  for (const publication of publications) {
    const year = Number(publication.date.slice(0, 4));
    range = range
      ? { first: Math.min(range.first, year), last: Math.max(range.last, year) }
      : { first: year, last: year };
  }
  return range;
}

function buildColumns(
  ordered: readonly Publication[],
  corpus: Corpus,
  languages: readonly string[],
  fallback: string,
): Columns {
  const typeIndex = new Map(corpus.types.map((type, index) => [type.id, index]));
  const organizationIndex = new Map(corpus.organizations.map((org, index) => [org.id, index]));
  const languageIndex = new Map(languages.map((tag, index) => [tag, index]));
  const count = ordered.length;
  const organizationStarts = new Uint32Array(count + 1);
  const organizations: number[] = [];
  ordered.forEach((publication, doc) => {
    organizationStarts[doc] = organizations.length;
    for (const id of publication.organizations) {
      const index = organizationIndex.get(id);
      if (index !== undefined) organizations.push(index);
    }
  });
  organizationStarts[count] = organizations.length;
  return {
    count,
    types: Uint16Array.from(ordered, (p) => typeIndex.get(p.type) ?? 0),
    languages: Uint16Array.from(ordered, (p) => languageIndex.get(p.language ?? fallback) ?? 0),
    dates: Uint32Array.from(ordered, (p) => columnDate(p.date)),
    organizationStarts,
    organizations: Uint16Array.from(organizations),
    // Filled in as the index reads each publication.
    titleLengths: new Uint8Array(count),
    summaryLengths: new Uint8Array(count),
    bodyLengths: new Uint8Array(count),
    // Named as their files are written.
    cards: [],
    catalogs: [],
  };
}

function catalogs(ordered: readonly Publication[]): Catalog[] {
  const chunks: Catalog[] = [];
  for (let first = 0; first < ordered.length; first += CATALOG_SIZE) {
    const slice = ordered.slice(first, first + CATALOG_SIZE);
    chunks.push({
      first,
      ids: slice.map((p) => p.id),
      titles: slice.map((p) => p.title),
      dates: slice.map((p) => p.date),
      urls: slice.map((p) => p.url ?? ''),
    });
  }
  return chunks;
}

export function corpusMeta(corpus: Corpus): CorpusMeta {
  const language = corpus.language ?? 'en';
  return {
    name: corpus.name,
    ...(corpus.names ? { names: corpus.names } : {}),
    language,
    types: corpus.types.map(({ id, label, labels }) => ({
      id,
      label,
      ...(labels ? { labels } : {}),
    })),
    organizations: corpus.organizations.map(({ id, name, names, aliases, url }) => ({
      id,
      name,
      ...(names ? { names } : {}),
      ...(aliases ? { aliases } : {}),
      ...(url ? { url } : {}),
    })),
    languages: languagesByUse(corpus.publications, language),
    publicationCount: corpus.publications.length,
    years: yearRange(corpus.publications),
    directory: [],
    fuzzy: '',
    columns: [],
    averageLengths: { title: 0, summary: 0, body: 0 },
  };
}

const decoder = new TextDecoder();

/** A data source over a store: what the search core reads, as the worker would fetch it. */
export function storeSource(store: Pick<DataStore, 'read'>): DataSource {
  return { read: (name) => store.read(name) };
}

const encoder = new TextEncoder();

/**
 * A file's name from its template: `{hash}` replaced by 16 hexadecimal digits of the SHA-256 of
 * its bytes (files.ts). Two builds that write the same bytes write the same name.
 */
export function contentName(template: string, bytes: Uint8Array): string {
  if (!template.includes(HASH)) return template;
  return template.replace(HASH, createHash('sha256').update(bytes).digest('hex').slice(0, 16));
}

/**
 * The build's file sink over a store: names from content, binary files stored deflated (see
 * readBinary in core/data-source.ts), each name written once. `release` says what was written: a
 * file named by its content by its name, any other (a publication's) by its name and a hash of
 * its bytes.
 */
function naming(store: DataStore, deflated?: DeflateCache): FileSink & { release(): string } {
  const written = new Set<string>();
  const said: string[] = [];
  const sink: FileSink = (template, content) => {
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    // As contentName names it, hashing the bytes once.
    const digest = createHash('sha256').update(bytes).digest('hex');
    const name = template.replace(HASH, digest.slice(0, 16));
    if (written.has(name)) return name;
    written.add(name);
    said.push(template.includes(HASH) ? name : `${name} ${digest.slice(0, 16)}`);
    if (!name.endsWith('.bin')) {
      store.write(name, bytes);
      return name;
    }
    // The level is part of the key: another level deflates otherwise.
    const key = `${digest}.${DEFLATE_LEVEL}`;
    let packed = deflated?.get(key);
    if (!packed) {
      packed = deflateRawSync(bytes, { level: DEFLATE_LEVEL });
      deflated?.put(key, packed);
    }
    store.write(name, packed);
    return name;
  };
  const release = () => {
    const hash = createHash('sha256');
    for (const entry of said.sort()) hash.update(entry).update('\n');
    return hash.digest('hex').slice(0, 16);
  };
  return Object.assign(sink, { release });
}

/** Binary files are stored deflated at this level (docs/index-format.md). */
const DEFLATE_LEVEL = 9;

/** Packs of consecutive items written as they fill: cards, catalog chunks. */
function packs<T>(size: number, write: (items: T[]) => string) {
  const names: string[] = [];
  let items: T[] = [];
  return {
    names,
    add(item: T) {
      items.push(item);
      if (items.length === size) this.flush();
    },
    flush() {
      if (items.length > 0) names.push(write(items));
      items = [];
    },
  };
}

/** Adds what the index reads of a publication to the running digest of a build's inputs. */
function indexDigest(hash: Hash, publication: Publication, language: string) {
  hash.update(
    JSON.stringify([
      language,
      publication.title,
      publication.summary ?? '',
      publication.tags ?? [],
      publication.body ?? '',
    ]),
  );
  hash.update('\n');
}

function digestOf(hash: Hash): string {
  return hash.copy().digest('hex');
}

type Lengths = Record<keyof DocumentLengths, Uint32Array>;

/** The index builder's state and the lengths of the publications it holds, as a file's parts. */
function saveIndex(index: IndexBuilder, lengths: Lengths): Uint8Array[] {
  const parts = index.saveState();
  const tail = new StateWriter();
  tail.array(lengths.title);
  tail.array(lengths.summary);
  tail.array(lengths.body);
  const tailParts = tail.finish();
  const size = new Uint8Array(8);
  new DataView(size.buffer).setFloat64(
    0,
    parts.reduce((sum, part) => sum + part.length, 0),
  );
  return [size, ...parts, ...tailParts];
}

function restoreIndex(bytes: Uint8Array, count: number, options?: Partial<IndexOptions>) {
  const size = new DataView(bytes.buffer, bytes.byteOffset).getFloat64(0);
  const index = IndexBuilder.fromState(bytes.subarray(8, 8 + size), options);
  const tail = new StateReader(bytes.subarray(8 + size));
  const lengths = { title: tail.uint32(), summary: tail.uint32(), body: tail.uint32() };
  tail.end();
  if (lengths.title.length !== count) throw new Error('the saved index is not of this corpus');
  return { index, lengths };
}

export async function buildData(
  source: CorpusSource,
  target: DataStore,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const write = naming(target, options.deflated);
  const { corpus } = source;
  const meta = corpusMeta(corpus);
  const order = oldestFirst(corpus.publications);
  const ordered = order.map((index) => corpus.publications[index] as Publication);
  const titles = new Map(corpus.publications.map((p) => [p.id, p.title]));

  const columns = buildColumns(ordered, corpus, meta.languages, meta.language);
  columns.catalogs = catalogs(ordered).map((chunk) =>
    write(dataFiles.catalog, JSON.stringify(chunk)),
  );
  // A folder per CARD_PACK cards, named by their bytes; a file a card in it.
  const cards = packs<Card>(CARD_PACK, (pack) => {
    const texts = pack.map((card) => JSON.stringify(card));
    const folder = contentName(dataFiles.cards, encoder.encode(texts.join('\n')));
    texts.forEach((text, index) => write(dataFiles.card(folder, index), text));
    return folder;
  });

  let index = new IndexBuilder(options.index);
  const totals = { title: 0, summary: 0, body: 0 };
  const lengthsOf = {
    title: new Uint32Array(order.length),
    summary: new Uint32Array(order.length),
    body: new Uint32Array(order.length),
  };
  const noteLengths = (doc: number, lengths: DocumentLengths) => {
    lengthsOf.title[doc] = lengths.title;
    lengthsOf.summary[doc] = lengths.summary;
    lengthsOf.body[doc] = lengths.body;
  };
  const indexDocument = (publication: Publication, language: string): IndexDocument => ({
    language,
    title: publication.title,
    summary: publication.summary ?? '',
    tags: publication.tags ?? [],
    body: publication.body ? htmlToText(publication.body) : '',
  });
  // Every input of the index but the code, publication after publication: what a saved state
  // must have been made from to stand for the publications before this one.
  const digest = createHash('sha256').update(JSON.stringify(options.index ?? {}));
  const saved = options.checkpoint?.saved ?? null;
  const skip = saved && saved.count > 0 && saved.count <= order.length ? saved.count : 0;
  let resumed = false;
  order.forEach((fileIndex, doc) => {
    const publication = source.publication(fileIndex);
    const language = publication.language ?? meta.language;
    const file: PublicationFile = {
      doc,
      publication: { ...publication, language },
      translations: Object.entries(publication.translations ?? {}).flatMap(([lang, id]) => {
        const title = titles.get(id);
        return title === undefined ? [] : [{ language: lang, id, title }];
      }),
    };
    write(dataFiles.publication(publication.id), JSON.stringify(file));
    cards.add({
      id: publication.id,
      title: publication.title,
      summary: publication.summary ?? '',
      date: publication.date,
    });
    indexDigest(digest, publication, language);
    if (doc >= skip) noteLengths(doc, index.addDocument(doc, indexDocument(publication, language)));
    if (skip > 0 && doc === skip - 1) {
      let restored: ReturnType<typeof restoreIndex> | null = null;
      if (saved && digestOf(digest) === saved.digest) {
        try {
          restored = restoreIndex(saved.state(), skip, options.index);
        } catch {
          // Unreadable (cut short, or not what this code writes): built again below.
          restored = null;
        }
      }
      if (restored) {
        index = restored.index;
        lengthsOf.title.set(restored.lengths.title);
        lengthsOf.summary.set(restored.lengths.summary);
        lengthsOf.body.set(restored.lengths.body);
        resumed = true;
      } else {
        // The publications before this one are not those the state was saved after.
        order.slice(0, skip).forEach((earlier, earlierDoc) => {
          const again = source.publication(earlier);
          const lengths = index.addDocument(
            earlierDoc,
            indexDocument(again, again.language ?? meta.language),
          );
          noteLengths(earlierDoc, lengths);
        });
      }
    }
    if ((doc + 1) % 5000 === 0) options.progress?.(doc + 1, order.length);
  });
  for (let doc = 0; doc < order.length; doc++) {
    const lengths = {
      title: lengthsOf.title[doc] ?? 0,
      summary: lengthsOf.summary[doc] ?? 0,
      body: lengthsOf.body[doc] ?? 0,
    };
    columns.titleLengths[doc] = lengthCode(lengths.title);
    columns.summaryLengths[doc] = lengthCode(lengths.summary);
    columns.bodyLengths[doc] = lengthCode(lengths.body);
    totals.title += lengths.title;
    totals.summary += lengths.summary;
    totals.body += lengths.body;
  }
  const finalDigest = digestOf(digest);
  if (options.checkpoint && !(resumed && skip === order.length)) {
    options.checkpoint.save(order.length, finalDigest, [...saveIndex(index, lengthsOf)]);
  }
  index.setGlossary(analyzeGlossary([...SHIPPED_GLOSSARY, ...(corpus.glossary ?? [])]));
  cards.flush();
  columns.cards = cards.names;
  const summary = index.finish(write);
  meta.directory = summary.directory;
  meta.fuzzy = summary.fuzzy;
  const count = Math.max(1, order.length);
  meta.averageLengths = {
    title: totals.title / count,
    summary: totals.summary / count,
    body: totals.body / count,
  };
  meta.columns = [];
  for (let from = 0; from < Math.max(1, columns.count); from += COLUMNS_CHUNK) {
    const to = Math.min(columns.count, from + COLUMNS_CHUNK);
    meta.columns.push(write(dataFiles.columns, encodeColumns(sliceColumns(columns, from, to))));
  }

  const core = createSearchCore(meta, columns, storeSource(target));
  const start: StartData = {
    ...meta,
    release: write.release(),
    tips: await archiveTips(corpus, core),
    first: await core.search(DEFAULT_REQUEST),
  };
  write(dataFiles.start, JSON.stringify(start));
  return { start, index: summary, restored: resumed ? skip : 0 };
}

/** A store in memory, for tests and for small builds. */
export function memoryStore(): DataStore & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  return {
    files,
    write: (name, content) =>
      files.set(name, typeof content === 'string' ? encoder.encode(content) : content),
    read: (name) => {
      const content = files.get(name);
      if (!content) throw new Error(`no data file ${name}`);
      return content;
    },
  };
}

/** A corpus held in memory, as a source (tests, small corpora). */
export function corpusSource(corpus: Corpus): CorpusSource {
  return { corpus, publication: (index) => corpus.publications[index] as Publication };
}

export function readText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
