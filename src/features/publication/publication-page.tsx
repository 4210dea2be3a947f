import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { usePaths } from '../../lib/link-scope.tsx';
import { RETURNING, searchOrigin } from '../../lib/search-origin.ts';
import { absoluteUrl, paths as sitePaths } from '../../lib/paths.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useHydrated } from '../../components/use-hydrated.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { startQuery, publicationQuery } from '../../lib/queries.ts';
import { SharePanel } from '../../components/share-panel.tsx';
import { embedSnippet } from '../../embed/embed-snippet.ts';
import { CiteSection } from './cite-section.tsx';
import { PublicationBody } from './publication-body.tsx';
import { RelatedPublications } from './related-publications.tsx';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function PublicationPage() {
  const id = useParams().id ?? '';
  const { data: meta } = useSuspenseQuery(startQuery());
  const {
    data: { doc, publication, translations },
  } = useSuspenseQuery(publicationQuery(id));
  const paths = usePaths();
  const i18n = useI18n();
  const { t, languageName } = i18n;
  const location = useLocation();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  // History state survives a reload, which the build's page knows nothing of: the way back to
  // the results shows once the page is adopted.
  const origin = useHydrated() ? searchOrigin(location.state) : null;

  const archive = i18n.localized(meta.name, meta.names);
  useDocumentTitle(`${publication.title} — ${archive}`);

  // After moving here within the app, put the reader at the title (a fresh load starts at the top).
  useEffect(() => {
    if (location.key !== 'default') heading.current?.focus();
  }, [location.key]);

  const type = meta.types.find((candidate) => candidate.id === publication.type);
  const typeLabel = type ? i18n.localized(type.label, type.labels) : publication.type;
  const organizations = publication.organizations.map((orgId) => {
    const org = meta.organizations.find((candidate) => candidate.id === orgId);
    return { id: orgId, name: org ? i18n.localized(org.name, org.names) : orgId };
  });
  const language = publication.language ?? meta.language;

  return (
    <article className="publication">
      <p className="publication__back">
        <Link
          to={origin?.path ?? paths.search()}
          state={origin ? RETURNING : undefined}
          onClick={(event) => {
            // Straight back in history, so the results and their scroll position come back too.
            if (origin?.direct && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
              event.preventDefault();
              void navigate(-1);
            }
          }}
        >
          <span aria-hidden="true">← </span>
          {origin ? t.backToResults : t.searchTheArchive}
        </Link>
      </p>

      <header className="publication__header">
        <p className="publication__type">
          <Link to={paths.search({ type: publication.type })}>{typeLabel}</Link>
        </p>
        <h1 ref={heading} tabIndex={-1} lang={language}>
          {publication.title}
        </h1>
        <p className="publication__meta">
          <time dateTime={publication.date}>{i18n.date(publication.date)}</time>
          {organizations.length > 0 && (
            <span className="publication__orgs">
              {organizations.map((org, index) => (
                <span key={org.id}>
                  {index > 0 && ', '}
                  <Link to={paths.search({ org: org.id })}>{org.name}</Link>
                </span>
              ))}
            </span>
          )}
          {language !== meta.language && <span>{languageName(language)}</span>}
        </p>
      </header>

      {publication.summary && (
        <p className="publication__summary" lang={language}>
          {publication.summary}
        </p>
      )}

      {publication.body && (
        <PublicationBody html={publication.body} sourceUrl={publication.url} language={language} />
      )}

      <footer className="publication__details">
        {publication.url && (
          <section aria-labelledby="publication-source">
            <h2 id="publication-source">{t.source}</h2>
            <p>
              <a href={publication.url} target="_blank" rel="noopener noreferrer">
                {t.readOriginal(hostOf(publication.url))}
              </a>
            </p>
          </section>
        )}

        <CiteSection
          organizations={organizations.map((org) => org.name)}
          title={publication.title}
          type={typeLabel}
          date={publication.date}
          archive={archive}
          permalink={absoluteUrl(sitePaths.publication('site', publication.id))}
          url={publication.url}
        />
        {paths.scope === 'site' && (
          <SharePanel
            link={() => absoluteUrl(paths.publication(publication.id))}
            snippet={() => embedSnippet({ publication: publication.id, hl: i18n.language })}
          />
        )}
        {publication.attachments && publication.attachments.length > 0 && (
          <section aria-labelledby="publication-attachments">
            <h2 id="publication-attachments">{t.attachments}</h2>
            <ul>
              {publication.attachments.map((attachment) => (
                <li key={attachment.url}>
                  <a href={attachment.url} target="_blank" rel="noopener noreferrer">
                    {attachment.title}
                  </a>{' '}
                  <span className="muted">({hostOf(attachment.url)})</span>
                </li>
              ))}
            </ul>
          </section>
        )}

        {translations.length > 0 && (
          <section aria-labelledby="publication-translations">
            <h2 id="publication-translations">{t.otherLanguages}</h2>
            <ul>
              {translations.map((translation) => (
                <li key={translation.id}>
                  <Link
                    to={paths.publication(translation.id)}
                    state={origin ? { fromSearch: origin.path } : undefined}
                  >
                    {languageName(translation.language)}:{' '}
                    <span lang={translation.language}>{translation.title}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}

        {publication.tags && publication.tags.length > 0 && (
          <section aria-labelledby="publication-tags">
            <h2 id="publication-tags">{t.topics}</h2>
            <ul className="tags">
              {publication.tags.map((tag) => (
                <li key={tag}>
                  <Link to={paths.search({ q: tag })}>{tag}</Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        <RelatedPublications
          request={{
            doc,
            title: publication.title,
            tags: publication.tags ?? [],
            organizations: publication.organizations,
            exclude: translations.map((translation) => translation.id),
          }}
        />
      </footer>
    </article>
  );
}
