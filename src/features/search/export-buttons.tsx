import { useState } from 'react';
import { useFailureText } from '../../components/connection-notice.tsx';
import { absoluteUrl, paths } from '../../lib/paths.ts';
import type { CorpusMeta, SearchRequest } from '../../search/protocol.ts';
import { useSearchClient } from '../../lib/search-client-context.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { download, exportFileName, toCsv, toJson, toRecords } from './export-file.ts';
import { useFacetNames } from './use-facet-names.ts';

type ExportButtonsProps = {
  request: SearchRequest;
  meta: CorpusMeta;
  scope: { q: string; types: readonly string[]; orgs: readonly string[] };
};

/** The whole result set, not only the page on screen, as CSV or JSON. */
export function ExportButtons({ request, meta, scope }: ExportButtonsProps) {
  const client = useSearchClient();
  const i18n = useI18n();
  const { t } = i18n;
  const [message, setMessage] = useState('');
  const failureText = useFailureText();
  const { typeLabels, orgNames } = useFacetNames(meta);

  async function exportAs(format: 'csv' | 'json') {
    setMessage(t.preparingFile);
    try {
      const rows = await client.exportRows({ ...request, offset: 0 });
      const records = toRecords(rows, {
        type: (id) => typeLabels.get(id) ?? id,
        organization: (id) => orgNames.get(id) ?? id,
        permalink: (id) => absoluteUrl(paths.publication('site', id)),
      });
      const name = exportFileName(scope, format, new Date(), t.fileNames);
      if (format === 'csv') download(name, toCsv(records), 'text/csv;charset=utf-8');
      else download(name, toJson(records), 'application/json;charset=utf-8');
      setMessage(t.savedAs(i18n.count(t.publicationCount, records.length), name));
    } catch (error) {
      setMessage(`${t.exportFailed} ${failureText(error)}`);
    }
  }

  return (
    <div className="export">
      <button type="button" className="button button--quiet" onClick={() => void exportAs('csv')}>
        {t.exportCsv}
      </button>
      <button type="button" className="button button--quiet" onClick={() => void exportAs('json')}>
        {t.exportJson}
      </button>
      <p className="export__message" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
