import { runJob } from '../protocol.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import { createSearchSession } from './search-session.ts';

/** Only dispatches: all the work is in the search session and core. */
let session: ReturnType<typeof createSearchSession> | null = null;

function reply(message: FromWorker) {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    session = createSearchSession(message.dataRoot, message.meta);
    // Start loading now, so the data is ready by the time the first search arrives.
    session.load().catch(() => undefined);
    return;
  }
  const { id, job } = message;
  if (!session) {
    reply({ type: 'error', id, message: 'The search worker was not initialised' });
    return;
  }
  runJob(session, job).then(
    (answer) => reply({ type: 'answer', id, answer }),
    (error: unknown) =>
      reply({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }),
  );
});
