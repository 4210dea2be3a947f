/**
 * The boot script: a few lines that run in <head>, before the pre-rendered page is parsed, so
 * that no link ever shows a blank screen, the wrong page or the wrong language
 * (docs/decisions/014-pages-as-files.md, 015-pages-in-every-language.md). It is a file
 * (assets/boot-<hash>.js), not inline, so the Content-Security-Policy allows no inline script.
 *
 * - It chooses the interface language as the app will, and shows the page in it: the build wrote
 *   the page's interface in every language (src/app/language-variants.ts), and CSS shows the one
 *   `<html data-hl>` names. `<html lang>` and the tab's title follow. The publication's own text
 *   is never hidden, in any language, whether the app arrives or not.
 * - On the page the HTML was rendered for (the start page at its address, a publication page at
 *   its own), it leaves the page alone, to be hydrated in place.
 * - On a search link (`/?q=…`, filters, another page) it puts the query in the pre-rendered
 *   search box and hides what the start page pre-rendered below it (boot.css), saying
 *   "Searching…" instead, until the app renders the answer.
 * - Anywhere else (a host's index.html fallback for a deep link) it marks the page stale:
 *   hidden, with "Loading…" in the chosen language, until the app renders the right page.
 * - If the app has not come after BOOT_STALLED_MS, "Searching…" or "Loading…" gives way to a
 *   sentence saying what is missing (a publication's page needs no app, and is never hidden).
 *
 * The language rule is the app's (src/i18n/languages.ts): `hl` if it is en/be/ru; else the first
 * of `navigator.languages` the app has; else the page's own language (the corpus language, or
 * English). It is written in ES5 (and keepLanguage in little more) so that it runs on anything.
 */

import { keepLanguage } from '../src/app/language-variants.ts';

/** The few words the boot path shows before the app's catalogs arrive, in each interface language. */
export const BOOT_TEXTS = {
  en: {
    loading: 'Loading…',
    searching: 'Searching…',
    stalled:
      'This needs the page’s script, which has not arrived yet. It may still come; reloading the page may help.',
  },
  be: {
    loading: 'Загрузка…',
    searching: 'Шукаем…',
    stalled:
      'Для гэтага патрэбны скрыпт старонкі, а ён яшчэ не загрузіўся. Ён яшчэ можа загрузіцца; магчыма, дапаможа перазагрузка старонкі.',
  },
  ru: {
    loading: 'Загрузка…',
    searching: 'Ищем…',
    stalled:
      'Для этого нужен скрипт страницы, а он ещё не загрузился. Он ещё может загрузиться; возможно, поможет перезагрузка страницы.',
  },
} as const;

/**
 * How long "Searching…" or "Loading…" may stand before the reader is told the app has not come
 * (on the phone of issue 17 it comes in about 2 s). If it comes later, it takes over as ever.
 */
export const BOOT_STALLED_MS = 10_000;

/** The URL parameters of a search (docs: README "Links and URL parameters"); any one makes a search. */
export const SEARCH_PARAMETERS = ['q', 'type', 'org', 'lang', 'from', 'to', 'sort', 'page', 'in'];

export const BOOT_SCRIPT = `(function () {
  var script = document.currentScript;
  var html = document.documentElement;
  var base = script.getAttribute('data-base') || '/';
  var page = script.getAttribute('data-page') || 'start';
  var texts = ${JSON.stringify(BOOT_TEXTS)};
  var searchKeys = ${JSON.stringify(SEARCH_PARAMETERS)};
  var params = new URLSearchParams(location.search);
  function known(tag) {
    var primary = String(tag || '').replace(/^\\s+|\\s+$/g, '').toLowerCase().split(/[-_]/)[0];
    return Object.prototype.hasOwnProperty.call(texts, primary) ? primary : null;
  }
  function choose() {
    var hl = String(params.get('hl') || '').replace(/^\\s+|\\s+$/g, '').toLowerCase();
    if (Object.prototype.hasOwnProperty.call(texts, hl)) return hl;
    var preferred = navigator.languages && navigator.languages.length
      ? navigator.languages : [navigator.language];
    for (var i = 0; i < preferred.length; i++) {
      if (known(preferred[i])) return known(preferred[i]);
    }
    return known(html.getAttribute('lang')) || 'en';
  }
  var language = choose();
  var text = texts[language];
  var path = location.pathname;
  var atBase = path === base || path + '/' === base;
  var searching = false;
  for (var k = 0; k < searchKeys.length; k++) if (params.has(searchKeys[k])) searching = true;
  html.setAttribute('data-boot', '');
  // The page's interface in the reader's language (boot.css shows it), from the first paint.
  html.setAttribute('data-hl', language);
  html.setAttribute('lang', language);
  try {
    var titles = JSON.parse(script.getAttribute('data-titles') || '{}');
    if (typeof titles[language] === 'string') document.title = titles[language];
  } catch (error) {
    // A title in the page's language is still a title.
  }
  html.style.setProperty('--boot-loading', JSON.stringify(text.loading));
  html.style.setProperty('--boot-searching', JSON.stringify(text.searching));
  html.style.setProperty('--boot-stalled', JSON.stringify(text.stalled));
  var stale = page === 'start' && !atBase;
  var boxSearch = !stale && page === 'start' && searching;
  if (boxSearch) {
    // The app renders the answer afresh; meanwhile the header and the box show, not old results.
    html.setAttribute('data-stale-snapshot', '');
    html.setAttribute('data-boot-search', '');
  } else if (stale) {
    html.setAttribute('data-stale-snapshot', '');
  }
  if (stale || boxSearch) {
    // The app removes data-stale-snapshot when it takes over; if it has not by then, say why.
    setTimeout(function () {
      if (html.hasAttribute('data-stale-snapshot')) html.setAttribute('data-boot-stalled', '');
    }, ${BOOT_STALLED_MS});
  }
  var keepLanguage = ${keepLanguage.toString()};
  var parsed = function () {
    // Only the reader's language stays, its ids and labels whole, long before the app arrives.
    keepLanguage(document.getElementById('root'), language);
    if (!boxSearch) return;
    var box = document.querySelector('#root input[type="search"]');
    if (box) box.value = params.get('q') || '';
    var titles = document.querySelector('#root .search-box__option input[type="checkbox"]');
    if (titles) titles.checked = params.get('in') === 'titles';
  };
  if (document.readyState === 'loading') {
    document.addEventListener('readystatechange', parsed, { once: true });
  } else {
    parsed();
  }
})();
`;
