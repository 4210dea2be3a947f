import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.ts';

/**
 * End-to-end tests drive built apps in Debian's Chromium (/usr/bin/chromium: nothing is
 * downloaded). Each project gets its own build, served as a static host would serve it.
 */

/** The first of four ports the suite serves on; E2E_PORT moves them (two suites side by side). */
const FIRST_PORT = Number(process.env.E2E_PORT ?? 4173);
export const HOST_PORT = FIRST_PORT + 3;

type Site = { name: string; port: number; env?: Record<string, string>; base?: string };

export const SITES = {
  main: { name: 'main', port: FIRST_PORT },
  hostile: {
    name: 'hostile',
    port: FIRST_PORT + 1,
    env: { CORPUS: 'e2e/fixtures/hostile-corpus.json' },
  },
  basePath: {
    name: 'base-path',
    port: FIRST_PORT + 2,
    env: { BASE_PATH: '/archive/' },
    base: '/archive/',
  },
} satisfies Record<string, Site>;

/** The main site's origin, as the host pages in e2e/host embed it. */
export const APP_ORIGIN = `http://127.0.0.1:${SITES.main.port}`;

function server(site: Site) {
  const outDir = `dist-e2e/${site.name}`;
  const base = site.base ?? '/';
  return {
    command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx tsx scripts/serve.ts --dir ${outDir} --port ${site.port} --base ${base}`,
    url: `http://127.0.0.1:${site.port}${base}`,
    env: { ...process.env, ...site.env } as Record<string, string>,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  },
  // The app registers a service worker; tests that need it allow it (offline.spec.ts). Others
  // block it, so that page.route() sees every request.
  serviceWorkers: 'block' as const,
};

export default defineConfig({
  testDir: 'e2e',
  // Ceilings, not waits: tests wait for what they check, and a busy machine is slow.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  webServer: [
    server(SITES.main),
    server(SITES.hostile),
    server(SITES.basePath),
    // A partner's page on another origin (another port), embedding the main site.
    {
      command: `npx tsx scripts/serve.ts --dir e2e/host --port ${HOST_PORT} --app-origin ${APP_ORIGIN}`,
      url: `http://127.0.0.1:${HOST_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
  ],
  projects: [
    {
      name: 'main',
      testIgnore: ['hostile*.spec.ts', 'base-path*.spec.ts'],
      use: { ...chromium, baseURL: `http://127.0.0.1:${SITES.main.port}` },
    },
    {
      name: 'hostile',
      testMatch: 'hostile*.spec.ts',
      use: { ...chromium, baseURL: `http://127.0.0.1:${SITES.hostile.port}` },
    },
    {
      name: 'base-path',
      testMatch: 'base-path*.spec.ts',
      use: { ...chromium, baseURL: `http://127.0.0.1:${SITES.basePath.port}` },
    },
  ],
});
