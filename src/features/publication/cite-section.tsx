import { useState } from 'react';
import { copyText } from '../../components/copy-text.ts';
import { useHydrated } from '../../components/use-hydrated.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { citation, type CitationParts } from './citation.ts';

/** "Cite": a citation ready to paste, and the permanent link, each one click from the clipboard. */
export function CiteSection(parts: Omit<CitationParts, 'accessed'>) {
  const i18n = useI18n();
  const { t } = i18n;
  const [message, setMessage] = useState('');
  // The access date is the day the reader reads, and the link is this site's: neither is known
  // to the build's pre-render, so the citation appears once the page runs here (the page the
  // build wrote is then adopted as it is, not rendered again).
  const here = useHydrated();
  const text = here ? citation({ ...parts, accessed: new Date() }, i18n) : '';
  const copy = (value: string, done: string, failed: string) =>
    void copyText(value).then((copied) => setMessage(copied ? done : failed));
  return (
    <section aria-labelledby="publication-cite" className="cite">
      <h2 id="publication-cite">{t.cite}</h2>
      <p className="cite__text">{text}</p>
      <p className="cite__actions">
        <button
          type="button"
          className="button"
          onClick={() => copy(text, t.citationCopied, t.selectCitation)}
        >
          {t.copyCitation}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => copy(parts.permalink, t.permalinkCopied, t.selectLink)}
        >
          {t.copyPermalink}
        </button>
        <span className="cite__message" aria-live="polite">
          {message}
        </span>
      </p>
    </section>
  );
}
