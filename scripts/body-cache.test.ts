import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sanitizeBody as sanitizeNow } from '../src/features/publication/sanitize-body.ts';
import { readBodiesFrom, sanitizeBody, sanitizeInto } from './body-cache.ts';

const body =
  '<h1>Title</h1><p onclick="x()">Text <a href="/x">link</a><script>alert(1)</script></p>';
const options = { sourceUrl: 'https://source.example/news/1' };
let dir = '';

afterEach(() => {
  readBodiesFrom(undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('bodies sanitized ahead', () => {
  it('are what sanitizeBody gives, found again by what it was given', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bodies-'));
    sanitizeInto(dir, body, options);
    const [name] = readdirSync(dir);
    expect(readdirSync(dir)).toHaveLength(1);
    // The page reads the file, not the sanitizer: mark it to tell.
    writeFileSync(path.join(dir, name ?? ''), 'from the folder');
    readBodiesFrom(dir);
    expect(sanitizeBody(body, options)).toBe('from the folder');
    // Another source URL resolves links otherwise: not the same body.
    expect(sanitizeBody(body, { sourceUrl: undefined })).toBe(sanitizeNow(body, {}));
  });

  it('are sanitized as the page renders when not there', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bodies-'));
    readBodiesFrom(dir);
    expect(sanitizeBody(body, options)).toBe(sanitizeNow(body, options));
    expect(sanitizeBody(body, options)).not.toContain('script');
  });
});
