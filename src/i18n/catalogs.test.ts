// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { be } from './catalogs/be.ts';
import { en } from './catalogs/en.ts';
import { ru } from './catalogs/ru.ts';

/** Every message's path and what it is: the shape translators must keep. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}: function(${value.length})`];
  if (Array.isArray(value)) return [`${path}: list`];
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => shape(item, `${path}.${key}`));
  }
  return [`${path}: ${typeof value}`];
}

/** Every text a catalog holds, plain strings and lists of them. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(texts);
  return [];
}

describe('catalogs', () => {
  it('Belarusian and Russian have every message English has, and no other', () => {
    // Plural messages may have more forms than English's one and other.
    const withoutPlurals = (lines: string[]) =>
      lines.filter((line) => !/\.(zero|two|few|many): string$/.test(line));
    expect(withoutPlurals(shape(be))).toEqual(shape(en));
    expect(withoutPlurals(shape(ru))).toEqual(shape(en));
  });

  it('has no empty text and the same number of tips, months and languages', () => {
    for (const catalog of [en, be, ru]) {
      expect(texts(catalog).filter((text) => text.trim() === '')).toEqual([]);
      expect(catalog.tipsAlways).toHaveLength(en.tipsAlways.length);
      expect(catalog.months.nominative).toHaveLength(12);
      expect(catalog.months.genitive).toHaveLength(12);
      expect(Object.keys(catalog.languageNames)).toEqual(Object.keys(en.languageNames));
    }
  });

  it('writes Belarusian and Russian in Cyrillic, not English left over', () => {
    for (const catalog of [be, ru]) {
      const latin = texts(catalog).filter((text) =>
        /^[\s\p{P}]*[A-Za-z][a-z]+ [a-z]+ [a-z]+/u.test(text),
      );
      expect(latin).toEqual([]);
    }
  });

  it('uses the spec’s accessible names', () => {
    expect([be.searchPublications, ru.searchPublications]).toEqual([
      'Пошук публікацый',
      'Поиск публикаций',
    ]);
    expect([be.type, be.organization, be.language, be.showAll, be.results]).toEqual([
      'Тып',
      'Арганізацыя',
      'Мова',
      'Паказаць усе',
      'Вынікі',
    ]);
    expect([ru.type, ru.organization, ru.language, ru.showAll, ru.results]).toEqual([
      'Тип',
      'Организация',
      'Язык',
      'Показать все',
      'Результаты',
    ]);
  });
});
