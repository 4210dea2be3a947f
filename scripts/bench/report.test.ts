import { describe, expect, it } from 'vitest';
import {
  ALL,
  REAL_NODE_ONLY,
  REAL_OVER_BUDGET,
  REAL_WITH_PAGEFIND,
  REAL_WITHOUT_PAGEFIND,
  SYNTHETIC,
} from './report-fixture.ts';
import { overview, report } from './report.ts';

/** The line of a report that starts with `label`, its cells split where two spaces are. */
function cells(text: string, label: string): string[] {
  const line = text.split('\n').find((candidate) => candidate.startsWith(label));
  if (!line) throw new Error(`no line "${label}"`);
  return line.split(/ {2,}/);
}

describe('the bench report', () => {
  it('sets Pagefind beside the app where it ran, and says why where it failed', () => {
    const text = report(REAL_WITH_PAGEFIND);
    expect(cells(text, 'build time')).toEqual([
      'build time',
      '4.2 min (250 s)',
      '95.0 s',
      '✓ (budget 5.0 min (300 s))',
    ]);
    expect(cells(text, 'bytes until settled, median')).toEqual([
      'bytes until settled, median',
      '39.1 kB',
      '50.8 kB',
      '0.77×',
      '✓ (budget 150.0 kB), fewer than Pagefind ✓',
    ]);
    const failed = report(REAL_WITHOUT_PAGEFIND);
    expect(failed).toContain('\nPagefind failed: pagefind exited with code 1');
    expect(failed).not.toContain('app ÷ Pagefind');
    expect(cells(failed, 'bytes until settled, median')).toEqual([
      'bytes until settled, median',
      '39.1 kB',
      '✓ (budget 150.0 kB)',
    ]);
  });

  it('marks each budget a corpus misses, and the queries that never settled', () => {
    const text = report(REAL_OVER_BUDGET);
    expect(cells(text, 'build time').at(-1)).toBe('✗ over budget 25.0 min (1500 s)');
    expect(cells(text, 'bytes until settled, median').at(-1)).toBe(
      '✓ (budget 150.0 kB), not fewer than Pagefind ✗',
    );
    expect(cells(text, 'time to settled results, median (phone = 4×)').at(-1)).toBe(
      '✗ over budget 1,000 ms',
    );
    expect(cells(text, 'cold queries that never settled (30 s)')).toEqual([
      'cold queries that never settled (30 s)',
      '1',
    ]);
    expect(cells(text, 'query p95 (core, warm)')).toEqual([
      'query p95 (core, warm)',
      '90.0 ms',
      '360 ms',
      '✗ over budget 100 ms',
    ]);
  });

  it('says what was not measured', () => {
    const text = report(REAL_NODE_ONLY);
    expect(cells(text, 'build time')).toEqual(['build time', 'not timed (--reuse-builds)']);
    expect(text).not.toContain('Cold and warm queries');
    expect(text).not.toContain('In Chromium');
  });

  it('compares with plain Fuse.js on the synthetic corpus only', () => {
    expect(report(SYNTHETIC)).toContain('ratio = plain Fuse.js time ÷ ours');
    expect(cells(report(SYNTHETIC), 'plain Fuse.js index build')).toEqual([
      'plain Fuse.js index build',
      '5,400 ms',
    ]);
    expect(report(REAL_WITH_PAGEFIND)).not.toContain('Fuse.js');
  });

  it('sets the realistic sizes side by side, with the growth of cold-query bytes', () => {
    const text = overview(ALL);
    expect(text).toContain('=== Side by side (issue 9), realistic corpora ===');
    expect(text).toContain(
      'Cold-query bytes (median) from 50,000 to 200,000 publications: ×3.00 ✗ (budget ×1.5)',
    );
    expect(overview([SYNTHETIC])).toBe('');
  });
});
