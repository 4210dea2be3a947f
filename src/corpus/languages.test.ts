// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { languageName } from './languages.ts';

describe('languageName', () => {
  it('names languages as Intl.DisplayNames does in English', () => {
    const intl = new Intl.DisplayNames(['en'], { type: 'language' });
    for (const tag of ['be', 'ru', 'uk', 'en', 'pl', 'lt', 'de', 'sv', 'ka', 'hy', 'kk']) {
      expect(languageName(tag)).toBe(intl.of(tag));
    }
  });

  it('falls back to Intl.DisplayNames for other tags, and to the tag itself', () => {
    expect(languageName('pt-BR')).toBe('Brazilian Portuguese');
    expect(languageName('x-unknown-tag-!')).toBe('x-unknown-tag-!');
  });
});
