import { createContext, useContext } from 'react';
import type { I18n } from './i18n.ts';

export const I18nContext = createContext<I18n | null>(null);

/** The interface language at work (src/app/language-provider.tsx gives it). */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an I18nContext provider above it');
  return i18n;
}
