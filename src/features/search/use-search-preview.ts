import { usePagePreview } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { CorpusMeta } from '../../search/protocol.ts';
import { hasWords, type SearchState } from './search-params.ts';
import { useFacetNames } from './use-facet-names.ts';

/**
 * The tab's title (the search text `q` as the results on screen follow it), and what a shared
 * link of the search in the URL previews: its words, its filters and how many it finds.
 */
export function useSearchPreview(
  meta: CorpusMeta,
  q: string,
  committed: SearchState,
  /** How many publications the URL's search finds, once known. */
  found: number | undefined,
) {
  const i18n = useI18n();
  const { t } = i18n;
  const { typeLabels, orgNames } = useFacetNames(meta);
  const archive = i18n.localized(meta.name, meta.names);
  const query = hasWords(q) ? q.trim() : '';
  const named = [
    ...(hasWords(committed.q) ? [t.quoted(committed.q.trim())] : []),
    ...committed.types.map((id) => typeLabels.get(id) ?? id),
    ...committed.orgs.map((id) => orgNames.get(id) ?? id),
  ].join(', ');
  usePagePreview(
    query ? t.queryTitle(query, archive) : archive,
    found === undefined
      ? undefined
      : t.searchPreview(i18n.count(t.publicationCount, found), named, archive),
  );
}
