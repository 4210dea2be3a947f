import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { HOST_PORT } from '../playwright.config.ts';

/** An invalid corpus must stop the build (and the dev server) and say exactly what is wrong. */

function runVite(args: string[], corpus: string) {
  return spawnSync('npx', ['vite', ...args], {
    env: { ...process.env, CORPUS: corpus },
    encoding: 'utf8',
    // A ceiling: on a busy machine starting Vite alone takes a while.
    timeout: 150_000,
  });
}

test.describe.configure({ timeout: 180_000 });

test('an invalid corpus fails the build with every problem listed by path', () => {
  const result = runVite(
    ['build', '--outDir', 'dist-e2e/invalid'],
    'e2e/fixtures/invalid-corpus.json',
  );
  expect(result.status).not.toBe(0);
  const output = result.stdout + result.stderr;
  expect(output).toContain('e2e/fixtures/invalid-corpus.json: 6 problems');
  for (const line of [
    'publications[1].date: "2023-02-30" is not a calendar date',
    'publications[2].type: "statment" is not one of the declared types (statement)',
    'publications[3].id: "ok" is used again (first at publications[0])',
    'publications[4].organizations[0]: "nobody" is not one of the declared organizations (viasna)',
    'publications[4].url: "javascript:alert(1)" is not an http(s) URL',
    'publications[4].translations.ru: "missing" is not the id of a publication in this corpus',
  ]) {
    expect(output).toContain(line);
  }
});

test('malformed JSON is reported with its line and column', () => {
  const result = runVite(
    ['build', '--outDir', 'dist-e2e/invalid'],
    'e2e/fixtures/malformed-corpus.json',
  );
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toContain(
    'e2e/fixtures/malformed-corpus.json: 1 problem\n  line 7, column 3: malformed JSON',
  );
});

test('what JSON readers would let pass is named too: repeated keys, huge numbers, sizes', () => {
  const result = runVite(
    ['build', '--outDir', 'dist-e2e/invalid'],
    'e2e/fixtures/unreadable-corpus.json',
  );
  expect(result.status).not.toBe(0);
  const output = result.stdout + result.stderr;
  expect(output).toContain('e2e/fixtures/unreadable-corpus.json: 4 problems');
  for (const line of [
    'version: the number 1e400 overflows (beyond ±1.8e308)',
    'types[0].labels: must be an object from language tags to text',
    'publications[0].date: is given again at line 24, column 7 (first at line 23, column 7)',
    'publications[1].title: is 1,201 characters long (the limit is 1,000)',
  ]) {
    expect(output).toContain(line);
  }
});

test('the dev server refuses to start on an invalid corpus', () => {
  const result = runVite(
    ['--port', String(HOST_PORT + 1), '--strictPort'],
    'e2e/fixtures/invalid-corpus.json',
  );
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toContain('publications[1].date');
});

test('a missing corpus file is named', () => {
  const result = runVite(
    ['build', '--outDir', 'dist-e2e/invalid'],
    'e2e/fixtures/does-not-exist.json',
  );
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toContain(
    'e2e/fixtures/does-not-exist.json: cannot read the corpus',
  );
});
