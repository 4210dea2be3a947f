/**
 * Debian's Chromium, as the e2e tests, the bench and Lighthouse launch it: nothing is downloaded,
 * and nothing the browser does on its own (updates, sync, background requests) touches the
 * network or the figures.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
