/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { corpusPlugin } from './scripts/corpus-plugin.ts';

/** BASE_PATH=/archive/ builds the site for hosting under that path. */
function basePath(): string {
  const value = process.env.BASE_PATH?.trim() || '/';
  return `/${value.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

export default defineConfig(() => {
  const testing = Boolean(process.env.VITEST);
  return {
    base: basePath(),
    plugins: [react(), testing ? null : corpusPlugin()],
    worker: { format: 'es' as const },
    build: { target: 'es2022', sourcemap: true },
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
      setupFiles: ['src/testing/setup.ts'],
      restoreMocks: true,
      // A ceiling, not a wait: tests wait for what they check (findBy…, waitFor). On a machine
      // busy with other work, building a test corpus's index alone can take seconds.
      testTimeout: 30_000,
    },
  };
});
