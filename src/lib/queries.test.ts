// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { corpusFixture } from '../testing/corpus-fixture.ts';
import { searchFixture } from '../testing/search-fixture.ts';
import { searchQuery } from './queries.ts';
import type { SearchClient } from '../search/client/search-client.ts';
import { DEFAULT_REQUEST } from '../search/protocol.ts';

const { start } = await searchFixture(corpusFixture);
const client = {} as SearchClient;

describe('searchQuery', () => {
  it('answers the default view from the start file, however the page asks for it', () => {
    expect(searchQuery(client, DEFAULT_REQUEST, start).initialData).toBe(start.first);
    // The search page asks progressively; that changes how answers arrive, not which.
    const progressive = { ...DEFAULT_REQUEST, progressive: true };
    expect(searchQuery(client, progressive, start).initialData).toBe(start.first);
  });

  it('has no answer in advance for any other view', () => {
    for (const request of [
      { ...DEFAULT_REQUEST, query: 'viasna' },
      { ...DEFAULT_REQUEST, types: ['report'] },
      { ...DEFAULT_REQUEST, offset: 20 },
      { ...DEFAULT_REQUEST, fullText: false, progressive: true },
    ]) {
      expect(searchQuery(client, request, start).initialData).toBeUndefined();
    }
  });
});
