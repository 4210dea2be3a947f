import { useI18n } from '../i18n/i18n-context.tsx';

/** Shown while the archive's first file loads, so the page is never blank. */
export function LoadingPage() {
  const { t } = useI18n();
  return (
    <div className="loading-page" role="status">
      <p>{t.loadingArchive}</p>
    </div>
  );
}
