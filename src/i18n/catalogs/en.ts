import { plural } from '../plural.ts';

/**
 * The interface in English. Every language's catalog has exactly these messages (the type
 * checker holds be.ts and ru.ts to this one's shape): plain strings, plural forms (`#` is the
 * number), or functions of what the message mentions. Text from the corpus never goes in here.
 */

/** A line of text with keyboard input in it, e.g. a search tip: `{ kbd: 'prisoner' }`. */
export type RichText = readonly (string | { kbd: string })[];

export type CitationText = {
  /** The organizations, already joined; may be empty. */
  organizations: string;
  title: string;
  type: string;
  date: string;
  archive: string;
  permalink: string;
  url: string | undefined;
  accessed: string;
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Ends a title with a full stop unless it ends with a mark of its own. */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

export const en = {
  /** The interface language's tag, for `lang` and `Intl`. */
  locale: 'en',

  // English names a month the same way alone and after its day.
  months: { nominative: MONTHS, genitive: MONTHS },

  /** Languages publications are written in, by tag; others are named by `Intl.DisplayNames`. */
  languageNames: {
    be: 'Belarusian',
    ru: 'Russian',
    uk: 'Ukrainian',
    en: 'English',
    pl: 'Polish',
    lt: 'Lithuanian',
    lv: 'Latvian',
    et: 'Estonian',
    de: 'German',
    fr: 'French',
    es: 'Spanish',
    it: 'Italian',
    sv: 'Swedish',
    no: 'Norwegian',
    nb: 'Norwegian Bokmål',
    da: 'Danish',
    fi: 'Finnish',
    nl: 'Dutch',
    cs: 'Czech',
    sk: 'Slovak',
    ka: 'Georgian',
    hy: 'Armenian',
    az: 'Azerbaijani',
    kk: 'Kazakh',
    ky: 'Kyrgyz',
    uz: 'Uzbek',
    tg: 'Tajik',
    ro: 'Romanian',
    tr: 'Turkish',
  } as Record<string, string>,

  // --- The frame -------------------------------------------------------------------------------
  product: 'Statement Explorer',
  description:
    'Search an archive of human rights publications: statements, reports, news, appeals and interviews.',
  skipToResults: 'Skip to results',
  skipToMain: 'Skip to main content',
  loadingPage: 'Loading page',
  loadingArchive: 'Loading the archive…',
  interfaceLanguage: 'Interface language',
  footer: (publications: string, organizations: string) =>
    `${publications} from ${organizations}. Statement Explorer loads everything from this site: no trackers, no third-party requests.`,
  organizationCount: plural({ one: '# organization', other: '# organizations' }),

  // --- Not found and errors --------------------------------------------------------------------
  pageNotFound: 'Page not found',
  publicationNotFound: 'Publication not found',
  notFoundText:
    'The address may be mistyped, or the publication may have moved. Everything in the archive can be found from the search page.',
  goToSearch: 'Go to the search page',
  somethingWentWrong: 'Something went wrong',
  pageCouldNotLoad: 'This page could not be loaded',
  tryAgain: 'Try again',
  /** Why something could not be loaded, by what failed (src/search/data-files.ts). */
  failure: {
    offline:
      'You are offline, and this is not on this device yet. What you opened before opens without a connection; this loads by itself when the connection is back.',
    network:
      'The network did not answer. Check your connection: this loads by itself when it is back.',
    server:
      'The archive’s server answered with an error, or with something other than the archive’s files. It is not your connection: try again in a while.',
  },
  waitingForNetwork: 'No answer from the network yet: the connection is slow, or lost.',

  // --- The search page -------------------------------------------------------------------------
  searchArchive: (archive: string) => `Search ${archive}`,
  queryTitle: (query: string, archive: string) => `“${query}” — ${archive}`,
  /** Words of a search quoted in a sentence. */
  quoted: (text: string) => `“${text}”`,
  /** A search's link preview: "23 publications for “Hulak”, Statement, in …". */
  searchPreview: (publications: string, what: string, archive: string) =>
    what ? `${publications} for ${what}, in ${archive}.` : `${publications} in ${archive}.`,
  searchPublications: 'Search publications',
  searchPlaceholder: 'Names, places, topics — Latin or Cyrillic',
  searchHint: 'Typos and other forms of a word are forgiven.',
  searchHintExample: (typed: string, finds: string) =>
    `Typos are forgiven: “${typed}” finds ${finds}.`,
  titlesOnly: 'Titles and summaries only',
  searchTips: 'Search tips',
  closeTips: 'Close tips',
  // The tips with an example from the archive (start data `tips`), each where one works here.
  tipForm: (typed: string, finds: string): RichText => [
    'Words are found in every form: ',
    { kbd: typed },
    ` finds “${finds}”.`,
  ],
  tipName: (typed: string, finds: string): RichText => [
    'Names in every spelling and alphabet: ',
    { kbd: typed },
    ` finds ${finds}.`,
  ],
  tipTypo: (typed: string, finds: string): RichText => [
    'A word found nowhere is read as a typo: ',
    { kbd: typed },
    ` finds ${finds}.`,
  ],
  tipAlias: (typed: string, finds: string): RichText => [
    'Organizations by any of their names: ',
    { kbd: typed },
    ` finds ${finds}.`,
  ],
  tipPhrase: (phrase: string): RichText => [{ kbd: `"${phrase}"` }, ' — this phrase, exactly.'],
  tipExclude: (word: string): RichText => [
    { kbd: `-${word}` },
    ' — leave out publications with this word.',
  ],
  /** Where the archive gives no phrase or word to show: what to type, in general. */
  tipPhraseExample: 'two words',
  tipExcludeExample: 'word',
  tipsAlways: [
    [
      'Publications holding every word come first; those holding only some follow, marked “Matches 2 of 3 words”.',
    ],
    [
      'Terms of human rights are found in Belarusian, Russian and English alike: ',
      { kbd: 'death penalty' },
      ' finds “смяротнае пакаранне” too, and the result says which term matched.',
    ],
    ['Small words like ', { kbd: 'on' }, ' or ', { kbd: 'the' }, ' may be missing.'],
  ] as readonly RichText[],
  feed: 'Feed',
  feedTitle: (name: string) => `${name}: latest publications`,
  feedOf: (title: string) => `of ${title}`,
  searchResults: 'Search results',
  results: 'Results',
  publicationCount: plural({ one: '# publication', other: '# publications' }),
  showing: (first: string, last: string) => `showing ${first}–${last}`,
  loadingPublications: 'Loading publications…',
  searchUnavailable: 'Search is unavailable',
  archiveUpdated:
    'The archive has been updated since this page was opened: reload it to search the newest version.',
  reload: 'Reload',
  searchFailed: 'The search could not run.',
  inTheText: 'In the text: ',
  partialMatch: (held: number, of: number) => `Matches ${held} of ${of} words`,
  /** `term` is the glossary term that matched, `language` the name of its language. */
  foundThrough: (term: string, language: string) => `Found through “${term}” (${language})`,
  didYouMean: 'Did you mean',
  fullTextPending: 'Searching the full text too…',
  fullTextFailed:
    'The full text could not be loaded: these are matches in titles and summaries only.',
  fullTextRetry: 'Search the full text again',
  sortBy: 'Sort by',
  sortRelevance: 'Relevance',
  sortNewest: 'Newest first',
  sortOldest: 'Oldest first',

  // Nothing found
  noResults: 'No results',
  emptyArchive: 'There are no publications in this archive yet.',
  noMatchWithFilters: (query: string, filters: number) =>
    `No publication matches “${query}” with ${filters === 1 ? 'the filter' : `the ${filters} filters`} you chose.`,
  noMatch: (query: string) => `No publication matches “${query}”, even allowing for typos.`,
  noMatchFilters: (filters: number) =>
    `No publication matches ${filters === 1 ? 'the filter' : `the ${filters} filters`} you chose.`,
  clearFilters: 'Clear filters',
  clearSearch: 'Clear search',
  withoutFilters: (publications: string) => `Without the filters: ${publications}.`,

  // Filters
  filters: 'Filters',
  filtersWithCount: (count: string) => `Filters (${count})`,
  close: 'Close',
  showResults: 'Show results',
  showResultCount: plural({ one: 'Show # result', other: 'Show # results' }),
  clearAllFilters: 'Clear all filters',
  type: 'Type',
  organization: 'Organization',
  language: 'Language',
  filterTypes: 'Filter types',
  filterOrganizations: 'Filter organizations',
  filterLanguages: 'Filter languages',
  noValueMatches: (filter: string) => `Nothing matches “${filter}”.`,
  showAll: 'Show all',
  showFewer: 'Show fewer',
  date: 'Date',
  dateFrom: 'From',
  dateTo: 'To',
  anyDate: 'Any',
  activeFilters: 'Active filters',
  removeFilter: (label: string) => `Remove filter: ${label}`,
  clearAll: 'Clear all',
  dateFromChip: (date: string) => `From ${date}`,
  dateToChip: (date: string) => `To ${date}`,

  // Timeline
  perYear: 'Publications per year',
  perMonth: 'Publications per month',
  matchingPerYear: 'Matching publications per year',
  matchingPerMonth: 'Matching publications per month',
  year: 'Year',
  month: 'Month',
  publications: 'Publications',
  yearOnly: plural({
    one: '# publication dated only by its year is in no month',
    other: '# publications dated only by their year are in no month',
  }),

  // Pages
  pagesOfResults: 'Pages of results',
  previous: 'Previous',
  previousPage: 'Previous page',
  next: 'Next',
  nextPage: 'Next page',
  page: (page: string) => `Page ${page}`,

  // Export
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  preparingFile: 'Preparing the file…',
  savedAs: (publications: string, file: string) => `Saved ${publications} as ${file}`,
  exportFailed: 'The export failed.',
  /** Words in export file names ("publications-viasna-2026-11-24.csv"). */
  fileNames: { publications: 'publications', filtered: 'filtered', all: 'all' },

  // Share
  share: 'Share',
  linkToView: 'Link to this view',
  copyLink: 'Copy link',
  embedOnSite: 'Embed on your site',
  copyEmbedCode: 'Copy embed code',
  copied: 'Copied',
  selectAndCopy: 'Select the text and copy it',
  lockEmbedFilters: 'Readers of the embed cannot change these filters',

  // --- The publication page --------------------------------------------------------------------
  backToResults: 'Back to results',
  searchTheArchive: 'Search the archive',
  source: 'Source',
  readOriginal: (host: string) => `Read the original on ${host}`,
  attachments: 'Attachments',
  otherLanguages: 'Other languages',
  topics: 'Topics',
  related: 'Related',
  cite: 'Cite',
  copyCitation: 'Copy citation',
  citationCopied: 'Citation copied',
  /** The citation's own link: the publication's permanent address, without the language. */
  copyPermalink: 'Copy permanent link',
  permalinkCopied: 'Permanent link copied',
  linkCopied: 'Link copied',
  selectCitation: 'Select the citation and copy it',
  selectLink: 'Select the link and copy it',
  citation: (parts: CitationText) =>
    `${parts.organizations ? `${parts.organizations}. ` : ''}“${sentence(parts.title)}” ${parts.type}, ${parts.date}. ` +
    `${parts.archive}, ${parts.permalink}.${parts.url ? ` Original: ${parts.url}.` : ''} Accessed ${parts.accessed}.`,

  // --- The embed -------------------------------------------------------------------------------
  fullSite: 'Full site',
  openInFullSite: 'Open in full site',
  opensInNewTab: '(opens in a new tab)',
};
