import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { usePaths } from '../../lib/link-scope.tsx';
import { formatPartialDate } from '../../corpus/dates.ts';
import { relatedQuery } from '../../lib/queries.ts';
import type { RelatedRequest } from '../../search/protocol.ts';
import { useSearchClient } from '../../lib/search-client-context.tsx';

/** Up to five publications close to this one, found by the search worker. */
export function RelatedPublications({ request }: { request: RelatedRequest }) {
  const client = useSearchClient();
  const paths = usePaths();
  const related = useQuery(relatedQuery(client, request));
  if (!related.data || related.data.length === 0) return null;
  return (
    <section aria-labelledby="publication-related" className="related">
      <h2 id="publication-related">Related</h2>
      <ul>
        {related.data.map((hit) => (
          <li key={hit.id}>
            <Link to={paths.publication(hit.id)} lang={hit.language}>
              {hit.title}
            </Link>{' '}
            <span className="muted">
              (<time dateTime={hit.date}>{formatPartialDate(hit.date)}</time>)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
