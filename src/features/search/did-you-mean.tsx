import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { usePaths } from '../../lib/link-scope.tsx';
import { serializeSearchParams, type SearchState } from './search-params.ts';

/**
 * "Did you mean …?": the nearest frequent spelling the search core found for a query that finds
 * nothing, or far fewer than that spelling would (core/suggest.ts), one tap away.
 */
export function DidYouMean({ suggestion, state }: { suggestion: string; state: SearchState }) {
  const { t } = useI18n();
  const paths = usePaths();
  return (
    <p className="did-you-mean">
      {t.didYouMean}{' '}
      <Link to={paths.search(serializeSearchParams({ ...state, q: suggestion, page: 1 }))}>
        {suggestion}
      </Link>
      ?
    </p>
  );
}
