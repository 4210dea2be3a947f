import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { passagesQuery } from '../../lib/queries.ts';
import type { SearchClient } from '../../search/client/search-client.ts';
import type { Passage, SearchResponse } from '../../search/protocol.ts';
import { useLatestCallback } from './use-latest-callback.ts';

/**
 * The passages of body-only matches, for the results the reader has near the screen. Each passage
 * costs a publication's file, so they are asked for as results come into view (`onSeen`), a batch
 * at a time, never all twenty of a page on a phone that shows three.
 */
export function usePassages(
  client: SearchClient,
  query: string,
  /** The page of results on screen; undefined while it is only a placeholder. */
  data: SearchResponse | undefined,
) {
  const key = data ? `${query}\n${data.offset}\n${data.hits.map((hit) => hit.id).join(' ')}` : '';
  const [seen, setSeen] = useState<{ key: string; batches: string[][] }>({ key: '', batches: [] });
  const batches = seen.key === key ? seen.batches : [];
  const languages = new Map((data?.hits ?? []).map((hit) => [hit.id, hit.language]));
  const answers = useQueries({
    queries: batches.map((ids) =>
      passagesQuery(client, {
        query,
        publications: ids.map((id) => ({ id, language: languages.get(id) ?? '' })),
      }),
    ),
  });
  const passages = new Map<string, Passage>();
  for (const answer of answers)
    for (const passage of answer.data ?? []) passages.set(passage.id, passage);

  const onSeen = useLatestCallback((ids: readonly string[]) => {
    if (!key) return;
    setSeen((current) => {
      const base = current.key === key ? current : { key, batches: [] };
      const asked = new Set(base.batches.flat());
      const fresh = ids.filter((id) => !asked.has(id) && languages.has(id));
      return fresh.length > 0 ? { key, batches: [...base.batches, fresh] } : base;
    });
  });
  return { passages, onSeen };
}
