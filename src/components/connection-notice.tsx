import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useNavigation } from 'react-router';
import { useI18n } from '../i18n/i18n-context.tsx';
import { failureKind } from '../search/data-files.ts';

/**
 * How long a search or a page may wait for the network before the reader is told. A dropped
 * connection rarely fails a request: it hangs it. On the slow phone of issue 17 a file the app
 * needs arrives in well under a second, so 2.5 s without one says something is wrong, and the
 * reader hears it within 3 s.
 */
export const STALL_MS = 2500;

/**
 * Whether the wait named `waiting` (a key: a search's, a navigation's; null when nothing is
 * awaited) has lasted STALL_MS. A new wait starts from zero.
 */
export function useStalled(waiting: string | null, ms = STALL_MS): boolean {
  const [stalled, setStalled] = useState<string | null>(null);
  useEffect(() => {
    if (waiting === null) return;
    const timer = setTimeout(() => setStalled(waiting), ms);
    return () => clearTimeout(timer);
  }, [waiting, ms]);
  return waiting !== null && stalled === waiting;
}

/** What failed, told as the reader needs it: offline, the network, or the server (not them). */
export function useFailureText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => t.failure[failureKind(error, navigator.onLine)];
}

/**
 * "No answer from the network yet", with a way to try again: shown while a load has waited too
 * long, in place of what it would replace (never beside a stale answer that looks like one).
 */
export function WaitingNotice({ onRetry }: { onRetry(): void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--waiting" role="alert">
      <p>{t.waitingForNetwork}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t.tryAgain}
      </button>
    </div>
  );
}

/**
 * A page that waits too long for the network (a tapped result on a dropped connection): "No
 * answer from the network yet", above the page still on screen, and "Try again", which asks
 * afresh (what hangs is given up). Layouts show it: the site's and the embed's.
 */
export function NavigationWaiting() {
  const navigation = useNavigation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const pending = navigation.state === 'loading' ? navigation.location : undefined;
  const stalled = useStalled(pending ? pending.key : null);
  if (!stalled || !pending) return null;
  const retry = () => {
    void queryClient.cancelQueries({ fetchStatus: 'fetching' });
    void navigate(
      { pathname: pending.pathname, search: pending.search, hash: pending.hash },
      { state: pending.state as unknown },
    );
  };
  return (
    <div className="navigation-waiting">
      <WaitingNotice onRetry={retry} />
    </div>
  );
}
