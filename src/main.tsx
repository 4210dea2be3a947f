import './app/styles.css';
import './app/boot.css';
import { registerServiceWorker } from './app/service-worker/register.ts';

/**
 * The entry point. index.html already shows the first page, pre-rendered; the app's scripts take
 * the main thread for a while when they start, so they start after the browser has painted that
 * page (a frame, or 50 ms in a background tab, where frames do not come).
 */
let started = false;

function start() {
  if (started) return;
  started = true;
  void import('./app/start.tsx');
}

requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 50);
registerServiceWorker();
