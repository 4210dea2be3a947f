import * as v from 'valibot';
import { ANY_REFERENCES, publicationSchema } from '../../corpus/schema.ts';

/** The JSON data files the build writes for the app (names in files.ts). */

/** What one result shows. */
export const cardSchema = v.object({
  id: v.string(),
  title: v.string(),
  summary: v.string(),
  date: v.string(),
});
export type Card = v.InferOutput<typeof cardSchema>;

/**
 * Publications a folder of cards holds (files.ts, `cards`; a power of two: a columns file holds
 * whole folders).
 */
export const CARD_PACK = 32;

/** What an export lists, for `CATALOG_SIZE` publications from `first` on. */
export const catalogSchema = v.object({
  first: v.number(),
  ids: v.array(v.string()),
  titles: v.array(v.string()),
  dates: v.array(v.string()),
  /** The source URL, or '' when there is none. */
  urls: v.array(v.string()),
});
export type Catalog = v.InferOutput<typeof catalogSchema>;
/** Publications a catalog file lists (a power of two: a columns file holds whole files). */
export const CATALOG_SIZE = 512;

export const publicationFileSchema = v.object({
  /** The publication's place in the build's order (what the search worker calls it). */
  doc: v.number(),
  publication: publicationSchema(ANY_REFERENCES),
  /** The publications this one is translated into, with their titles for the links. */
  translations: v.array(v.object({ language: v.string(), id: v.string(), title: v.string() })),
});
export type PublicationFile = v.InferOutput<typeof publicationFileSchema>;
