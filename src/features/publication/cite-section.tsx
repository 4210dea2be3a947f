import { useState } from 'react';
import { copyText } from '../../components/copy-text.ts';
import { citation, type CitationParts } from './citation.ts';

/** "Cite": a citation ready to paste, and the permanent link, each one click from the clipboard. */
export function CiteSection(parts: Omit<CitationParts, 'accessed'>) {
  const [message, setMessage] = useState('');
  // The access date is the day the reader copies, which is the day they read.
  const text = citation({ ...parts, accessed: new Date() });
  const copy = (value: string, what: string) =>
    void copyText(value).then((copied) =>
      setMessage(copied ? `${what} copied` : `Select the ${what.toLowerCase()} and copy it`),
    );
  return (
    <section aria-labelledby="publication-cite" className="cite">
      <h2 id="publication-cite">Cite</h2>
      <p className="cite__text">{text}</p>
      <p className="cite__actions">
        <button type="button" className="button" onClick={() => copy(text, 'Citation')}>
          Copy citation
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => copy(parts.permalink, 'Link')}
        >
          Copy link
        </button>
        <span className="cite__message" aria-live="polite">
          {message}
        </span>
      </p>
    </section>
  );
}
