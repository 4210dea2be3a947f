import { useState } from 'react';
import { SharePanel } from '../../components/share-panel.tsx';
import { embedSnippet } from '../../embed/embed-snippet.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { absoluteUrl } from '../../lib/paths.ts';
import { embedScope, filledFacets, type SearchState } from './search-params.ts';

type ShareSearchProps = {
  /** The search as the URL has it. */
  state: SearchState;
  /** Its router path. */
  path: string;
};

/** "Share" for a search: its link, and the snippet that embeds it, its filters locked if asked. */
export function ShareSearch({ state, path }: ShareSearchProps) {
  const { t, language } = useI18n();
  const [lockFilters, setLockFilters] = useState(false);
  return (
    <SharePanel
      link={() => absoluteUrl(path)}
      snippet={() => embedSnippet({ ...embedScope(state, lockFilters), hl: language })}
      options={
        filledFacets(state).length > 0 && (
          <label className="share__option">
            <input
              type="checkbox"
              checked={lockFilters}
              onChange={(event) => setLockFilters(event.target.checked)}
            />{' '}
            {t.lockEmbedFilters}
          </label>
        )
      }
    />
  );
}
