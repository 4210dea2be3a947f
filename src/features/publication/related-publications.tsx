import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { usePaths } from '../../lib/link-scope.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { relatedQuery } from '../../lib/queries.ts';
import type { RelatedRequest } from '../../search/protocol.ts';
import { useSearchClient } from '../../lib/search-client-context.tsx';

/** Up to five publications close to this one, found by the search worker. */
export function RelatedPublications({ request }: { request: RelatedRequest }) {
  const client = useSearchClient();
  const paths = usePaths();
  const { t, date } = useI18n();
  const related = useQuery(relatedQuery(client, request));
  if (!related.data || related.data.length === 0) return null;
  return (
    <section aria-labelledby="publication-related" className="related">
      <h2 id="publication-related">{t.related}</h2>
      <ul>
        {related.data.map((hit) => (
          <li key={hit.id}>
            <Link to={paths.publication(hit.id)} lang={hit.language}>
              {hit.title}
            </Link>{' '}
            <span className="muted">
              (<time dateTime={hit.date}>{date(hit.date)}</time>)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
