import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n-context.tsx';
import { INTERFACE_LANGUAGES, NATIVE_NAMES } from '../i18n/languages.ts';
import { originInLanguage } from '../lib/search-origin.ts';

/**
 * The interface languages, each named in itself: links to this very page in that language (the
 * same path and search, another `hl`), so a language can be shared and bookmarked too.
 */
export function LanguageSwitcher() {
  const { language, t } = useI18n();
  const location = useLocation();
  return (
    <nav className="language-switcher" aria-label={t.interfaceLanguage}>
      <ul>
        {INTERFACE_LANGUAGES.map((option) => {
          const params = new URLSearchParams(location.search);
          params.set('hl', option);
          return (
            <li key={option}>
              <Link
                to={{ pathname: location.pathname, search: `?${params.toString()}` }}
                hrefLang={option}
                lang={option}
                aria-current={option === language ? 'true' : undefined}
                // A publication opened from a search keeps its way back to it, in the new language.
                state={originInLanguage(location.state, option)}
                preventScrollReset
              >
                {NATIVE_NAMES[option]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
