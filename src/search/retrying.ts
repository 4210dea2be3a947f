/**
 * A promise made once and kept, unless it fails: then the next call makes it again. For what the
 * search loads once a session (the worker's set-up, the columns, the main-thread fallback), so a
 * flaky network costs a retry, not a reload.
 */
export function retrying<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      const attempt = load();
      attempt.catch(() => {
        if (pending === attempt) pending = null;
      });
      pending = attempt;
    }
    return pending;
  };
}
