import { describe, expect, it } from 'vitest';
import { figureRows, figureTable, type Figure } from './figure-table.ts';
import { bytes } from './stats.ts';

const row = (figure: Figure, columns = {}) => figureRows([figure], columns)[0];

describe('figureRows', () => {
  it('marks a figure within its budget and one over it, the budget in the figure’s unit', () => {
    expect(row({ label: 'query', value: 40, budget: 50 })).toEqual([
      'query',
      '40.0 ms',
      '✓ (budget 50.0 ms)',
    ]);
    expect(row({ label: 'bytes', value: 3 * 1024 ** 2, unit: bytes, budget: 1024 ** 2 })).toEqual([
      'bytes',
      '3.00 MB',
      '✗ over budget 1.00 MB',
    ]);
  });

  it('holds the phone estimate, 4 × the value, against the budget', () => {
    expect(row({ label: 'q', value: 20, phone: 'scaled', budget: 50 }, { phone: true })).toEqual([
      'q',
      '20.0 ms',
      '80.0 ms',
      '✗ over budget 50.0 ms',
    ]);
    expect(row({ label: 'q', value: 20, phone: 'measured', budget: 50 }, { phone: true })).toEqual([
      'q',
      '20.0 ms',
      '20.0 ms',
      '✓ (budget 50.0 ms)',
    ]);
  });

  it('writes text as it is, a number as shown, and no verdict without a budget', () => {
    expect(row({ label: 'build', value: 'not timed' })).toEqual(['build', 'not timed', '']);
    expect(row({ label: 'build', value: 'not timed', budget: 5 })).toEqual([
      'build',
      'not timed',
      '',
    ]);
    expect(
      row({ label: 'heap', value: 42.25, shown: '42.3 MB', unit: (mb) => `${mb} MB`, budget: 150 }),
    ).toEqual(['heap', '42.3 MB', '✓ (budget 150 MB)']);
    expect(row({ label: 'task', value: 'none', verdict: '✓' })).toEqual(['task', 'none', '✓']);
    expect(row({ label: 'never', value: Number.NaN, budget: 50 })).toEqual(['never', '—', '']);
  });

  it('sets Pagefind beside the app where the table compares them', () => {
    const figure: Figure = {
      label: 'bytes',
      value: 2048,
      pagefind: 4096,
      unit: bytes,
      ratio: true,
      budget: 3000,
      belowPagefind: 'fewer',
    };
    expect(row(figure)).toEqual(['bytes', '2.0 kB', '✓ (budget 2.9 kB), fewer than Pagefind ✓']);
    expect(row(figure, { pagefind: true, ratio: true })).toEqual([
      'bytes',
      '2.0 kB',
      '4.0 kB',
      '0.50×',
      '✓ (budget 2.9 kB), fewer than Pagefind ✓',
    ]);
    expect(row({ ...figure, pagefind: 1024 }, { pagefind: true })).toEqual([
      'bytes',
      '2.0 kB',
      '1.0 kB',
      '✓ (budget 2.9 kB), not fewer than Pagefind ✗',
    ]);
    expect(row({ label: 'time', value: 5 }, { pagefind: true, ratio: true })).toEqual([
      'time',
      '5.0 ms',
      '',
      '',
      '',
    ]);
  });
});

describe('figureTable', () => {
  it('lines the columns up under the header', () => {
    const text = figureTable(
      ['figure', 'measured', 'budget'],
      [
        { label: 'a long label', value: 1 },
        { label: 'short', value: 1000, budget: 500 },
      ],
    );
    expect(text.split('\n')).toEqual([
      'figure        measured  budget',
      'a long label  1.0 ms',
      'short         1,000 ms  ✗ over budget 500 ms',
    ]);
  });
});
