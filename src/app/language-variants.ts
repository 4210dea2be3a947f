/**
 * Pages the build writes carry their interface in every language
 * (docs/decisions/015-pages-in-every-language.md): the page is rendered once per interface
 * language, and where the renders differ (a link's text and `hl`, a date, a label) each
 * language's version is kept, marked with the language. CSS shows the version of the language
 * on `<html data-hl>`, which the boot script sets before the page is parsed
 * (scripts/boot-script.ts), so a reader sees the page in their language from the first paint,
 * whatever it is, with or without the app. The build's side is scripts/language-variants.ts;
 * this is the browser's.
 */

/** An element rendered differently per language: `data-l10n="be"` on each language's copy. */
export const VARIANT_ATTRIBUTE = 'data-l10n';
/** A text that differs per language, in a wrapper the browser removes: `<span data-l10n-text>`. */
export const TEXT_ATTRIBUTE = 'data-l10n-text';
/** Ids in another language's copy get a suffix, so that a page never has one id twice. */
export const idSuffix = (language: string) => `--l10n-${language}`;
/** The attributes that hold ids or lists of ids. */
export const ID_ATTRIBUTES = ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls'];

/**
 * Leaves the page as the app renders it in `language`: the other languages' copies go, the kept
 * copies get back their ids and lose their marks, and text wrappers give way to their text. After
 * it, the DOM is what React renders in that language, so the app adopts it as it is (hydration).
 *
 * The boot script runs it as soon as the page is parsed, so that labels and ids are right before
 * the app arrives; the app runs it again before it adopts the page (start.tsx), in case the boot
 * script did not. It is copied into the boot script as source (`keepLanguage.toString()`), so it
 * refers to nothing outside itself: the names above are spelled out in it (the tests hold them
 * together) and it uses nothing newer than `let`, `const` and arrow functions.
 */
export function keepLanguage(root: ParentNode | null, language: string): void {
  if (!root) return;
  const suffix = '--l10n-' + language;
  const others = root.querySelectorAll(
    '[data-l10n]:not([data-l10n="' +
      language +
      '"]), [data-l10n-text]:not([data-l10n-text="' +
      language +
      '"])',
  );
  for (let index = 0; index < others.length; index++) {
    const other = others[index];
    if (other && other.parentNode) other.parentNode.removeChild(other);
  }
  const names = ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls'];
  const kept = root.querySelectorAll('[data-l10n], [data-l10n-text]');
  for (let index = 0; index < kept.length; index++) {
    const copy = kept[index];
    if (!copy) continue;
    const inside = copy.querySelectorAll('*');
    for (let at = -1; at < inside.length; at++) {
      const element = at < 0 ? copy : inside[at];
      for (let n = 0; n < names.length; n++) {
        const name = names[n];
        const value = element && name ? element.getAttribute(name) : null;
        if (element && name && value && value.indexOf(suffix) >= 0) {
          element.setAttribute(name, value.split(suffix).join(''));
        }
      }
    }
    copy.removeAttribute('data-l10n');
    if (copy.hasAttribute('data-l10n-text') && copy.parentNode) {
      while (copy.firstChild) copy.parentNode.insertBefore(copy.firstChild, copy);
      copy.parentNode.removeChild(copy);
    }
  }
}
