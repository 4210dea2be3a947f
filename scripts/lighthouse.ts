import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createStaticHandler } from './serve.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

/**
 * npm run lighthouse [-- --dir dist]: Lighthouse's phone preset on the built site, served gzipped
 * from localhost, for a few routes. Prints the scores against the targets (accessibility
 * 100, best practices ≥ 95, performance ≥ 90). It reports; it is not a test.
 */

const TARGETS = { accessibility: 100, 'best-practices': 95, performance: 90, seo: 0 } as const;

async function main() {
  const dir = process.argv.includes('--dir')
    ? (process.argv[process.argv.indexOf('--dir') + 1] ?? 'dist')
    : 'dist';
  if (!existsSync(path.join(dir, 'index.html')))
    throw new Error(`${dir} has no build: run npm run build`);
  const publicationsDir = path.join(dir, 'data', 'publications');
  const somePublication = readdirSync(publicationsDir)[0]?.replace(/\.json$/, '') ?? 'none';

  const server = createServer(createStaticHandler({ dir, base: '/' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    for (const route of ['/', '/?q=Bialiatski', `/publications/${somePublication}`, '/embed']) {
      const result = await lighthouse(`http://127.0.0.1:${port}${route}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const categories = result?.lhr.categories ?? {};
      const scores = Object.entries(TARGETS).map(([id, target]) => {
        const score = Math.round((categories[id]?.score ?? 0) * 100);
        const mark = target === 0 ? '' : score >= target ? ' ✓' : ` ✗ (target ${target})`;
        return `${id} ${score}${mark}`;
      });
      const audits = result?.lhr.audits ?? {};
      const metrics = [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
        'speed-index',
      ]
        .map((id) => `${id.replace(/-/g, ' ')} ${audits[id]?.displayValue ?? '?'}`)
        .join(', ');
      console.log(`${route.padEnd(60)} ${scores.join(' · ')}\n  ${metrics}`);
      // Which accessibility checks failed, and where: a score alone says nothing to fix.
      const accessibility = categories.accessibility?.auditRefs ?? [];
      for (const { id } of accessibility) {
        const audit = audits[id];
        if (!audit || audit.score === null || audit.score === 1) continue;
        const items = (audit.details as { items?: { node?: { snippet?: string } }[] } | undefined)
          ?.items;
        const where = (items ?? [])
          .slice(0, 3)
          .map((item) => item.node?.snippet ?? '')
          .join(' ');
        console.log(`  ✗ ${id}: ${audit.title} ${where}`);
      }
    }
  } finally {
    chrome.kill();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
