/** Shown while the archive's first file loads, so the page is never blank. */
export function LoadingPage() {
  return (
    <div className="loading-page" role="status">
      <p>Loading the archive…</p>
    </div>
  );
}
