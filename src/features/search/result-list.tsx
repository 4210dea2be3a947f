import { Link } from 'react-router';
import { usePaths } from '../../app/paths.ts';
import { formatPartialDate } from '../../corpus/dates.ts';
import { languageName } from '../../corpus/languages.ts';
import type { SearchHit } from '../../corpus/search-data.ts';

type ResultListProps = {
  hits: readonly SearchHit[];
  typeLabel(id: string): string;
  organizationName(id: string): string;
  /** The corpus's main language: other languages are pointed out on each result. */
  mainLanguage: string;
  /** The current search, so the publication page can link back to it. */
  searchLocation: string;
  busy: boolean;
};

export function ResultList({
  hits,
  typeLabel,
  organizationName,
  mainLanguage,
  searchLocation,
  busy,
}: ResultListProps) {
  const paths = usePaths();
  return (
    <ol className="results" aria-label="Results" aria-busy={busy}>
      {hits.map((hit) => (
        <li key={hit.id} className="result">
          <h2 className="result__title">
            <Link
              to={paths.publication(hit.id)}
              state={{ fromSearch: searchLocation, direct: true }}
              lang={hit.language}
            >
              {hit.title}
            </Link>
          </h2>
          <p className="result__meta">
            <time dateTime={hit.date}>{formatPartialDate(hit.date)}</time>
            <span className="result__type">{typeLabel(hit.type)}</span>
            {hit.organizations.length > 0 && (
              <span className="result__orgs">
                {hit.organizations.map(organizationName).join(', ')}
              </span>
            )}
            {hit.language !== mainLanguage && (
              <span className="result__language">{languageName(hit.language)}</span>
            )}
          </p>
          {hit.summary && (
            <p className="result__summary" lang={hit.language}>
              {hit.summary}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
