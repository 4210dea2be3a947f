import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { CorpusMeta } from '../../search/protocol.ts';

/** Type labels and organization names in the interface language, by id. */
export function useFacetNames(meta: CorpusMeta) {
  const { localized } = useI18n();
  return useMemo(
    () => ({
      typeLabels: new Map(meta.types.map((type) => [type.id, localized(type.label, type.labels)])),
      orgNames: new Map(meta.organizations.map((org) => [org.id, localized(org.name, org.names)])),
    }),
    [meta, localized],
  );
}
