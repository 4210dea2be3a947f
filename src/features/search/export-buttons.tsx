import { useState } from 'react';
import { absoluteUrl, paths } from '../../lib/paths.ts';
import type { CorpusMeta, SearchRequest } from '../../search/protocol.ts';
import { useSearchClient } from '../../lib/search-client-context.tsx';
import { download, exportFileName, toCsv, toJson, toRecords } from './export-file.ts';

type ExportButtonsProps = {
  request: SearchRequest;
  meta: CorpusMeta;
  scope: { q: string; types: readonly string[]; orgs: readonly string[] };
};

/** The whole result set, not only the page on screen, as CSV or JSON. */
export function ExportButtons({ request, meta, scope }: ExportButtonsProps) {
  const client = useSearchClient();
  const [message, setMessage] = useState('');

  async function exportAs(format: 'csv' | 'json') {
    setMessage('Preparing the file…');
    try {
      const rows = await client.exportRows({ ...request, offset: 0 });
      const types = new Map(meta.types.map((type) => [type.id, type.label]));
      const orgs = new Map(meta.organizations.map((org) => [org.id, org.name]));
      const records = toRecords(rows, {
        type: (id) => types.get(id) ?? id,
        organization: (id) => orgs.get(id) ?? id,
        permalink: (id) => absoluteUrl(paths.publication('site', id)),
      });
      const name = exportFileName(scope, format, new Date());
      if (format === 'csv') download(name, toCsv(records), 'text/csv;charset=utf-8');
      else download(name, toJson(records), 'application/json;charset=utf-8');
      setMessage(
        `Saved ${records.length === 1 ? '1 publication' : `${records.length} publications`} as ${name}`,
      );
    } catch {
      setMessage('The export failed. Check your connection and try again.');
    }
  }

  return (
    <div className="export">
      <button type="button" className="button button--quiet" onClick={() => void exportAs('csv')}>
        Export CSV
      </button>
      <button type="button" className="button button--quiet" onClick={() => void exportAs('json')}>
        Export JSON
      </button>
      <p className="export__message" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
