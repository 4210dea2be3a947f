// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { corpusFixture } from '../../testing/corpus-fixture.ts';
import { searchFixture } from '../../testing/search-fixture.ts';
import { DEFAULT_REQUEST } from '../protocol.ts';
import { clearSpans, fileKind, traceSpans, waited } from './trace.ts';

/** The split of a query the bench prints: which spans a search leaves on the timeline. */

const spans = () =>
  performance
    .getEntriesByType('measure')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith('search:'));

const fixture = await searchFixture(corpusFixture);
// A core whose every read is a span, as the worker's session reads.
const traced = fixture.coreOver((read) => ({
  read: (name) => waited(`wait:${fileKind(name)}`, async () => read(name)),
}));

afterEach(() => {
  clearSpans();
  traceSpans(false);
});

describe('the split of a query', () => {
  it('records waits by file kind, decoding and scoring when turned on', async () => {
    traceSpans(true);
    clearSpans();
    await traced.search({ ...DEFAULT_REQUEST, query: 'detention', sort: 'relevance' });
    const names = new Set(spans());
    expect(names).toContain('search:score');
    expect(names).toContain('search:decode');
    expect(names).toContain('search:wait:directory');
    expect(names).toContain('search:wait:block');
    expect(names).toContain('search:wait:cards');
  });

  it('records nothing when off (the build, the tests, Node)', async () => {
    await traced.search({ ...DEFAULT_REQUEST, query: 'court', sort: 'relevance' });
    expect(spans()).toEqual([]);
  });

  it('forgets the spans of the search before', async () => {
    traceSpans(true);
    await traced.search({ ...DEFAULT_REQUEST, query: 'verdict', sort: 'relevance' });
    clearSpans();
    expect(spans()).toEqual([]);
  });
});

describe('file kinds', () => {
  it('name each kind of data file the index writes', () => {
    expect(
      [
        'index/dir.0123456789abcdef.json',
        'index/d.0123456789abcdef.bin',
        'index/b.0123456789abcdef.bin',
        'index/tp.0123456789abcdef.bin',
        'index/fuzzy.0123456789abcdef.json',
        'glossary/c.0123456789abcdef.bin',
        'cards/0123456789abcdef/3.json',
        'publications/a-b.json',
        'start.json',
      ].map(fileKind),
    ).toEqual([
      'directory',
      'block',
      'companion',
      'pack',
      'typos',
      'glossary',
      'cards',
      'publications',
      'start.json',
    ]);
  });
});
