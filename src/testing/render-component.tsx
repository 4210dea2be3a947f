import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { be } from '../i18n/catalogs/be.ts';
import { en } from '../i18n/catalogs/en.ts';
import { ru } from '../i18n/catalogs/ru.ts';
import { I18nContext } from '../i18n/i18n-context.tsx';
import { createI18n } from '../i18n/i18n.ts';
import type { InterfaceLanguage } from '../i18n/languages.ts';

export const CATALOGS = { en, be, ru };

/** One component, on its own, in an interface language (English unless told). */
export function renderComponent(ui: ReactElement, language: InterfaceLanguage = 'en') {
  const i18n = createI18n(language, CATALOGS[language]);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
  );
  return render(ui, { wrapper });
}
