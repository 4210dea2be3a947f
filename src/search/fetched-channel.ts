/**
 * Where every data file read is told, by its address (src/search/data-files.ts): the page
 * passes them to the service worker (src/app/service-worker/register.ts), so that what the search
 * worker fetched before the service worker was there (the filter columns, the first search's
 * blocks) opens offline too. The search worker's requests are its own: the page cannot see them
 * otherwise. A module of its own, so that the page's first script imports nothing more.
 */
export const FETCHED_CHANNEL = 'statement-explorer:fetched';
