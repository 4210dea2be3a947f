import * as v from 'valibot';
import { dateKey } from './dates.ts';
import {
  ANY_REFERENCES,
  organizationSchema,
  publicationSchema,
  typeSchema,
  type Corpus,
  type Publication,
} from './schema.ts';
import { tokenize } from './text.ts';

/**
 * The files the build makes from a valid corpus (docs/decisions/002-build-time-data.md):
 * - `meta.json`: the archive's name, types, organizations and languages (for labels and facets);
 * - `search.json`: what the search core needs, the publications' search fields and a term index;
 * - `publications/<id>.json`: one publication with everything its page shows.
 * Each file has a schema so that the app reads them without casts.
 */

/** Where a term occurs in a publication; a term may occur in several fields (bits combine). */
export const FIELD = { title: 1, summary: 2, tags: 4 } as const;

export const metaSchema = v.object({
  name: v.string(),
  language: v.string(),
  types: v.array(typeSchema),
  organizations: v.array(organizationSchema),
  /** Languages of the publications, most used first. */
  languages: v.array(v.string()),
  publicationCount: v.number(),
  /** The first and last year of the publications' dates, or null when there are none. */
  years: v.nullable(v.object({ first: v.number(), last: v.number() })),
});
export type CorpusMeta = v.InferOutput<typeof metaSchema>;

const indexes = v.array(v.number());

export const searchDataSchema = v.object({
  /** Publications newest first; everything below is indexed by this order. */
  docs: v.object({
    ids: v.array(v.string()),
    titles: v.array(v.string()),
    summaries: v.array(v.string()),
    dates: v.array(v.string()),
    /** Index into `meta.types`. */
    types: indexes,
    /** Indexes into `meta.organizations`. */
    organizations: v.array(indexes),
    /** Index into `meta.languages`. */
    languages: indexes,
    tags: v.array(v.array(v.string())),
  }),
  index: v.object({
    /** Every distinct folded term of titles, summaries and tags, sorted. */
    terms: v.array(v.string()),
    /** Per term: pairs of (publication index minus the previous pair's, FIELD bits). */
    postings: v.array(indexes),
  }),
});
export type SearchData = v.InferOutput<typeof searchDataSchema>;

export const publicationFileSchema = v.object({
  publication: publicationSchema(ANY_REFERENCES),
  /** The publications this one is translated into, with their titles for the links. */
  translations: v.array(v.object({ language: v.string(), id: v.string(), title: v.string() })),
});
export type PublicationFile = v.InferOutput<typeof publicationFileSchema>;

function byNewest(a: Publication, b: Publication): number {
  return (
    (dateKey(b.date) ?? 0) - (dateKey(a.date) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function languagesByUse(corpus: Corpus, defaultLanguage: string): string[] {
  const counts = new Map<string, number>();
  for (const publication of corpus.publications) {
    const language = publication.language ?? defaultLanguage;
    counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
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

function buildIndex(publications: readonly Publication[]): SearchData['index'] {
  const fieldsByTerm = new Map<string, Map<number, number>>();
  const add = (text: string, doc: number, field: number) => {
    for (const term of tokenize(text)) {
      let docs = fieldsByTerm.get(term);
      if (!docs) fieldsByTerm.set(term, (docs = new Map()));
      docs.set(doc, (docs.get(doc) ?? 0) | field);
    }
  };
  publications.forEach((publication, doc) => {
    add(publication.title, doc, FIELD.title);
    add(publication.summary ?? '', doc, FIELD.summary);
    for (const tag of publication.tags ?? []) add(tag, doc, FIELD.tags);
  });
  const terms = [...fieldsByTerm.keys()].sort();
  const postings = terms.map((term) => {
    const flat: number[] = [];
    let previous = 0;
    // Map iteration follows insertion, which follows publication order: deltas are never negative.
    for (const [doc, fields] of fieldsByTerm.get(term) ?? []) {
      flat.push(doc - previous, fields);
      previous = doc;
    }
    return flat;
  });
  return { terms, postings };
}

export type PreparedData = {
  meta: CorpusMeta;
  search: SearchData;
  publications: Map<string, PublicationFile>;
};

/** Turns a validated corpus into the data the app loads. Pure, so tests use it as the build does. */
export function prepareData(corpus: Corpus): PreparedData {
  const language = corpus.language ?? 'en';
  const publications = [...corpus.publications].sort(byNewest);
  const languages = languagesByUse(corpus, language);
  const typeIndex = new Map(corpus.types.map((type, index) => [type.id, index]));
  const organizationIndex = new Map(corpus.organizations.map((org, index) => [org.id, index]));
  const languageIndex = new Map(languages.map((tag, index) => [tag, index]));
  const byId = new Map(publications.map((publication) => [publication.id, publication]));

  const search: SearchData = {
    docs: {
      ids: publications.map((p) => p.id),
      titles: publications.map((p) => p.title),
      summaries: publications.map((p) => p.summary ?? ''),
      dates: publications.map((p) => p.date),
      types: publications.map((p) => typeIndex.get(p.type) ?? 0),
      organizations: publications.map((p) =>
        p.organizations.flatMap((id) => organizationIndex.get(id) ?? []),
      ),
      languages: publications.map((p) => languageIndex.get(p.language ?? language) ?? 0),
      tags: publications.map((p) => p.tags ?? []),
    },
    index: buildIndex(publications),
  };

  const files = new Map<string, PublicationFile>();
  for (const publication of publications) {
    const translations = Object.entries(publication.translations ?? {}).flatMap(([lang, id]) => {
      const target = byId.get(id);
      return target ? [{ language: lang, id, title: target.title }] : [];
    });
    files.set(publication.id, {
      publication: { ...publication, language: publication.language ?? language },
      translations,
    });
  }

  return {
    meta: {
      name: corpus.name,
      language,
      types: corpus.types,
      organizations: corpus.organizations,
      languages,
      publicationCount: publications.length,
      years: yearRange(publications),
    },
    search,
    publications: files,
  };
}
