import { useMemo } from 'react';
import { sanitizeBody } from './sanitize-body.ts';

export function PublicationBody({
  html,
  sourceUrl,
  language,
}: {
  html: string;
  sourceUrl: string | undefined;
  language: string;
}) {
  const clean = useMemo(() => sanitizeBody(html, { sourceUrl }), [html, sourceUrl]);
  // Safe: `clean` went through DOMPurify with an allow-list (sanitize-body.ts).
  return (
    <div
      className="publication__body prose"
      lang={language}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
