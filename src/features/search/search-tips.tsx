import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Catalog } from '../../i18n/catalog.ts';
import type { RichText } from '../../i18n/catalogs/en.ts';
import type { ArchiveTips } from '../../search/protocol.ts';

/** A line of the tips: text, with what to type in `<kbd>`. */
function Tip({ text }: { text: RichText }) {
  return text.map((part, index) =>
    typeof part === 'string' ? part : <kbd key={index}>{part.kbd}</kbd>,
  );
}

/**
 * The tips, with examples from the archive itself where the build found ones that work here
 * (index/archive-tips.ts): a tip whose example this archive lacks is left out, but the syntax of
 * phrases and exclusions is always said.
 */
export function tipsFor(t: Catalog, tips: ArchiveTips | undefined): RichText[] {
  const listed: RichText[] = [];
  if (tips?.form) listed.push(t.tipForm(tips.form.typed, tips.form.finds));
  if (tips?.name) listed.push(t.tipName(tips.name.typed, tips.name.finds));
  if (tips?.typo) listed.push(t.tipTypo(tips.typo.typed, tips.typo.finds));
  if (tips?.alias) listed.push(t.tipAlias(tips.alias.typed, tips.alias.finds));
  listed.push(t.tipPhrase(tips?.phrase ?? t.tipPhraseExample));
  listed.push(t.tipExclude(tips?.exclude ?? t.tipExcludeExample));
  return [...listed, ...t.tipsAlways];
}

/** The line under the search box: a typo this archive forgives, or the promise in general. */
export function searchHint(t: Catalog, tips: ArchiveTips | undefined): string {
  return tips?.typo ? t.searchHintExample(tips.typo.typed, tips.typo.finds) : t.searchHint;
}

/** The query syntax, next to the box that takes it. */
export function SearchTips({ tips }: { tips?: ArchiveTips | undefined }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  // Closing from inside the tips hands focus back to the button that opened them.
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="search-tips">
      <button
        type="button"
        ref={toggle}
        className="search-tips__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        {t.searchTips}
      </button>
      {open && (
        // Escape anywhere inside closes the tips; what is focusable inside is a button.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
        <div
          id={panelId}
          className="search-tips__panel"
          role="region"
          aria-label={t.searchTips}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <ul>
            {tipsFor(t, tips).map((tip, index) => (
              <li key={index}>
                <Tip text={tip} />
              </li>
            ))}
          </ul>
          <button type="button" className="button button--quiet" onClick={close}>
            {t.closeTips}
          </button>
        </div>
      )}
    </div>
  );
}
