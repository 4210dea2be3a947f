import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ID_ATTRIBUTES,
  TEXT_ATTRIBUTE,
  VARIANT_ATTRIBUTE,
  idSuffix,
  keepLanguage,
} from '../src/app/language-variants.ts';
import { renderPublicationPage, renderStartPage } from '../src/app/prerender.tsx';
import { INTERFACE_LANGUAGES } from '../src/i18n/languages.ts';
import { publicationFileSchema } from '../src/search/index/data-schemas.ts';
import { dataFiles } from '../src/search/index/files.ts';
import { corpusFixture } from '../src/testing/corpus-fixture.ts';
import { searchFixture } from '../src/testing/search-fixture.ts';
import { BOOT_SCRIPT } from './boot-script.ts';
import { mergeLanguageVariants, parseFragment, type Render } from './language-variants.ts';

/** What the browser makes of some HTML, serialized again: the form hydration compares. */
function asParsed(html: string): string {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container.innerHTML;
}

/** The merged page as the browser keeps it for a reader of `language` (start.tsx). */
function kept(merged: string, language: string): string {
  const container = document.createElement('div');
  container.innerHTML = merged;
  keepLanguage(container, language);
  return container.innerHTML;
}

function expectRoundTrip(renders: readonly Render[], primary: string) {
  const merged = mergeLanguageVariants(renders, primary);
  for (const render of renders) {
    expect(kept(merged, render.language), render.language).toBe(asParsed(render.html));
  }
  return merged;
}

function duplicateIds(html: string): string[] {
  const container = document.createElement('div');
  container.innerHTML = html;
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const element of container.querySelectorAll('[id]')) {
    if (seen.has(element.id)) twice.push(element.id);
    seen.add(element.id);
  }
  return twice;
}

describe('one page in every language', () => {
  it('writes what is the same once and what differs once per language, marked', () => {
    const merged = mergeLanguageVariants(
      [
        { language: 'en', html: '<p class="a">Hello<!-- --> <b>world</b></p><div>same</div>' },
        { language: 'be', html: '<p class="a">Прывітанне<!-- --> <b>world</b></p><div>same</div>' },
      ],
      'en',
    );
    expect(merged).toBe(
      '<p class="a"><span data-l10n-text="en">Hello</span><span data-l10n-text="be">Прывітанне</span><!-- --> <b>world</b></p><div>same</div>',
    );
  });

  it('copies an element whose attributes differ, and renames ids outside the page language', () => {
    const renders = [
      {
        language: 'en',
        html: '<nav aria-label="Pages"><a href="/?hl=en" id="x" aria-describedby="x y">Back</a></nav>',
      },
      {
        language: 'ru',
        html: '<nav aria-label="Страницы"><a href="/?hl=ru" id="x" aria-describedby="x y">Назад</a></nav>',
      },
    ];
    const merged = expectRoundTrip(renders, 'en');
    expect(merged).toContain('<nav data-l10n="en" aria-label="Pages">');
    expect(merged).toContain('id="x--l10n-ru" aria-describedby="x--l10n-ru y"');
    expect(duplicateIds(merged)).toEqual([]);
  });

  it('never wraps text where the parser keeps no elements (options): the select is copied', () => {
    const renders = [
      {
        language: 'en',
        html: '<label for="s">Sort</label><select id="s"><option>Newest</option></select>',
      },
      {
        language: 'be',
        html: '<label for="s">Парадак</label><select id="s"><option>Новыя</option></select>',
      },
    ];
    const merged = expectRoundTrip(renders, 'en');
    expect(merged).not.toMatch(/<option><span/);
    expect(merged).toContain('<select data-l10n="be" id="s--l10n-be">');
    expect(duplicateIds(merged)).toEqual([]);
  });

  it('keeps renders of different shapes whole, each in a wrapper the browser removes', () => {
    const renders = [
      { language: 'en', html: '<p>One</p>' },
      { language: 'be', html: '<p>Адзін</p><p id="z">Два</p>' },
    ];
    const merged = expectRoundTrip(renders, 'en');
    expect(merged).toContain('<div data-l10n-text="be">');
  });

  it('reads void elements, raw text and attributes holding ">" as the browser does', () => {
    const html =
      '<p title="a > b">x<br>y<img src="i.png" alt="&quot;q&quot;"/></p><textarea>a <b> c</textarea><!--$--><ul><li>1<li>2</ul>';
    const nodes = parseFragment(html);
    expect(nodes.map((node) => node.raw).join('')).toBe(html);
    expect(nodes.map((node) => node.kind)).toEqual(['element', 'element', 'comment', 'element']);
  });

  it("turns the app's own renders into one page that becomes each of them again", async () => {
    const { start, files } = await searchFixture(corpusFixture);
    const startPage = expectRoundTrip(renderStartPage(start), 'en');
    expect(duplicateIds(startPage)).toEqual([]);

    for (const id of ['bialiatski-sentenced', 'zayavlenie-o-solidarnosti']) {
      const json = new TextDecoder().decode(files.get(dataFiles.publication(id)));
      const file = v.parse(publicationFileSchema, JSON.parse(json));
      const renders = await renderPublicationPage(start, file);
      expect(renders.map((render) => render.language)).toEqual([...INTERFACE_LANGUAGES]);
      const merged = expectRoundTrip(renders, 'en');
      expect(duplicateIds(merged)).toEqual([]);
      // The publication's own text is in the page once, whatever the languages.
      const title = file.publication.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      expect(merged.split(`>${title}</h1>`)).toHaveLength(2);
      // Less than a page per language: what they share is written once.
      const total = renders.reduce((sum, render) => sum + render.html.length, 0);
      expect(merged.length).toBeLessThan(total);
    }
  });
});

describe('keepLanguage', () => {
  it('goes into the boot script whole: the names it spells out are the merge’s', () => {
    const source = keepLanguage.toString();
    for (const name of [VARIANT_ATTRIBUTE, TEXT_ATTRIBUTE, ...ID_ATTRIBUTES, idSuffix('')]) {
      expect(source).toContain(name);
    }
    expect(BOOT_SCRIPT).toContain(source);
  });
});
