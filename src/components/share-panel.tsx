import { useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { copyText } from './copy-text.ts';

function CopyField({
  label,
  value,
  multiline,
  copyLabel,
}: {
  label: string;
  value: string;
  multiline?: boolean;
  copyLabel: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [message, setMessage] = useState('');
  return (
    <div className="share__field">
      <label htmlFor={id}>{label}</label>
      <div className="share__row">
        {multiline ? (
          <textarea id={id} ref={field} readOnly value={value} rows={4} spellCheck={false} />
        ) : (
          <input id={id} ref={field} readOnly value={value} type="text" spellCheck={false} />
        )}
        <button
          type="button"
          className="button"
          onClick={() => {
            void copyText(value, field.current).then((copied) =>
              setMessage(copied ? t.copied : t.selectAndCopy),
            );
          }}
        >
          {copyLabel}
        </button>
      </div>
      {/* Polite, but not role="status": that role belongs to the result count. */}
      <p className="share__message" aria-live="polite">
        {message}
      </p>
    </div>
  );
}

type SharePanelProps = {
  /** The permanent link to what is on screen (asked for when the panel opens). */
  link: () => string;
  /** The HTML that embeds it on another site. */
  snippet: () => string;
  /** Choices that change the snippet (locking filters). */
  options?: ReactNode;
};

/** "Share": the link to this view and the snippet that embeds it, each with a copy button. */
export function SharePanel({ link, snippet, options }: SharePanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="share">
      <button
        type="button"
        className="button button--quiet"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {t.share}
      </button>
      {open && (
        <section id={panelId} className="share__panel" aria-label={t.share}>
          <CopyField label={t.linkToView} value={link()} copyLabel={t.copyLink} />
          <CopyField
            label={t.embedOnSite}
            value={snippet()}
            multiline
            copyLabel={t.copyEmbedCode}
          />
          {options}
        </section>
      )}
    </div>
  );
}
