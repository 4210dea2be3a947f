// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../corpus/schema.ts';
import { corpusFixture } from '../../testing/corpus-fixture.ts';
import { searchFixture } from '../../testing/search-fixture.ts';
import { DEFAULT_REQUEST } from '../protocol.ts';

/** The search tips' examples come from the archive, and each does what the tip says. */

const { start, core } = await searchFixture(corpusFixture);

describe('archive tips', () => {
  it('draw their examples from the archive’s own names, aliases and words', () => {
    expect(start.tips?.alias).toEqual({ typed: 'Вясна', finds: 'Viasna Human Rights Centre' });
    expect(start.tips?.typo?.finds).toBe('Bialiatski');
    expect(['human rights', 'political prisoners']).toContain(start.tips?.phrase);
  });

  it('each find what they promise', async () => {
    for (const tip of [start.tips?.typo, start.tips?.name, start.tips?.form, start.tips?.alias]) {
      if (!tip) continue;
      const response = await core.search({
        ...DEFAULT_REQUEST,
        query: tip.typed,
        sort: 'relevance',
        limit: 50,
      });
      expect(response.total, tip.typed).toBeGreaterThan(0);
    }
  });

  it('leave out what an archive has no example of', async () => {
    const bare: Corpus = {
      ...corpusFixture,
      organizations: [],
      publications: [
        {
          id: 'one',
          title: 'a note',
          type: 'statement',
          organizations: [],
          date: '2020',
        },
      ],
    };
    const { start: tips } = await searchFixture(bare);
    expect(tips.tips).toEqual({});
  });
});
