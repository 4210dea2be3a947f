import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/corpus/corpus-reader.ts';
import type { Corpus, Publication } from '../../src/corpus/schema.ts';
import {
  dateOrder,
  dayAfter,
  NO_CHANGE,
  planChanges,
  replaceWords,
  words,
  writeChangedCorpus,
} from './growth-changes.ts';

function publication(index: number, date: string, extra: Partial<Publication> = {}): Publication {
  return {
    id: `p-${index}`,
    title: `Title number ${index} about prisoners`,
    type: 'statement',
    organizations: ['viasna'],
    date,
    language: index % 2 ? 'be' : 'en',
    summary: `Summary of publication ${index}`,
    body: `<p>Body of publication ${index}, with words &amp; more words in it.</p>`,
    ...extra,
  };
}

// In file order; by date: 4 (2019), 1, 5, 3, 0, 2 (2024-05-02, the newest).
const publications = [
  publication(0, '2023-07-01'),
  publication(1, '2020-01-15', { translations: { en: 'p-0' } }),
  publication(2, '2024-05-02', { url: 'https://example.org/p-2' }),
  publication(3, '2022', { translations: { be: 'p-1' } }),
  publication(4, '2019-11-30'),
  publication(5, '2021-06'),
];

const corpus: Corpus = {
  version: 1,
  name: 'Test archive',
  language: 'en',
  types: [{ id: 'statement', label: 'Statement' }],
  organizations: [{ id: 'viasna', name: 'Viasna' }],
  publications,
};

const read = (index: number) => publications[index] as Publication;

describe('words and replaceWords', () => {
  it('reads the words of an HTML text, leaving tags and entities out', () => {
    expect(words('<p class="x">Праваабаронцы &amp; “Вясна”</p>')).toEqual([
      'Праваабаронцы',
      'Вясна',
    ]);
  });

  it('replaces words spread evenly through the text, tags and entities untouched', () => {
    const text = '<p class="lead">one two &amp; three four five</p>';
    expect(replaceWords(text, ['A', 'B'], 2)).toBe('<p class="lead">one A &amp; three B five</p>');
    // A donor word equal to the one it replaces is skipped.
    expect(replaceWords('one two three', ['two', 'X'], 1)).toBe('one X three');
    expect(replaceWords('one', [], 3)).toBe('one');
  });
});

describe('dates and order', () => {
  it('gives the day after the first day of a date, partial or not', () => {
    expect(dayAfter('2024-05-02')).toBe('2024-05-03');
    expect(dayAfter('2024-02-28')).toBe('2024-02-29');
    expect(dayAfter('2023-12-31')).toBe('2024-01-01');
    expect(dayAfter('2025-12')).toBe('2025-12-02');
    expect(dayAfter('2022')).toBe('2022-01-02');
  });

  it('orders publications as the build numbers them: oldest first, of one date the later id first', () => {
    expect(dateOrder(publications)).toEqual([4, 1, 5, 3, 0, 2]);
    const sameDay = [publication(0, '2020-01-01'), publication(1, '2020-01-01')];
    expect(dateOrder(sameDay)).toEqual([1, 0]);
  });
});

describe('planChanges', () => {
  const [add, edit, remove] = planChanges(publications, read);

  it('adds a copy of the newest publication, dated the day after it, with a new id and a few words changed', () => {
    expect(add?.change).toBe('add');
    const added = add?.added;
    expect(added).toMatchObject({
      id: 'p-2-2',
      date: '2024-05-03',
      type: 'statement',
      organizations: ['viasna'],
      language: 'en',
      url: 'https://example.org/p-2-2',
    });
    expect(added?.body).not.toBe(publications[2]?.body);
    expect(words(added?.body ?? '')).toHaveLength(words(publications[2]?.body ?? '').length);
    expect(added?.translations).toBeUndefined();
  });

  it('appends a sentence to the body of a publication a third of the way through the dates', () => {
    expect(edit).toMatchObject({ change: 'edit', index: 5 });
    const before = publications[5]?.body ?? '';
    const after = edit?.replacement?.body ?? '';
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toMatch(/^<p>[^<]+\.<\/p>$/);
    expect({ ...edit?.replacement, body: before }).toEqual(publications[5]);
  });

  it('removes one from the middle of the dates that no translation points to', () => {
    // Position 3 of the order is publication 3; it is not translated from anywhere (p-1 and
    // p-0 are), and it is not the one edited.
    expect(remove).toMatchObject({ change: 'remove', index: 3 });
    expect(remove?.replacement).toBeUndefined();
  });
});

describe('writeChangedCorpus', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the corpus again, with the change, as a valid corpus', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'growth-'));
    const source = path.join(dir, 'corpus.json');
    writeFileSync(source, JSON.stringify(corpus));
    const opened = await openCorpus(source);
    if (!opened.ok) throw new Error('invalid');
    const plans = [
      ...planChanges(opened.opened.corpus.publications, opened.opened.publication),
      NO_CHANGE,
    ];
    const written: Record<string, Publication[]> = {};
    for (const plan of plans) {
      const out = path.join(dir, `${plan.change}.json`);
      writeChangedCorpus(opened.opened, plan, out);
      const again = await openCorpus(out);
      if (!again.ok) throw new Error(`${plan.change}: ${JSON.stringify(again.problems)}`);
      written[plan.change] = again.opened.corpus.publications.map((_, index) =>
        again.opened.publication(index),
      );
      expect({ ...again.opened.corpus, publications: [] }).toEqual({
        ...opened.opened.corpus,
        publications: [],
      });
      again.opened.close();
    }
    opened.opened.close();
    expect(written.none).toEqual(publications);
    expect(written.add?.map((p) => p.id)).toEqual([...publications.map((p) => p.id), 'p-2-2']);
    expect(written.edit?.[5]?.body).toBe(plans[1]?.replacement?.body);
    expect(
      written.edit?.filter(
        (p, index) => p !== written.edit?.[5] && p.body !== publications[index]?.body,
      ),
    ).toEqual([]);
    expect(written.remove?.map((p) => p.id)).toEqual(['p-0', 'p-1', 'p-2', 'p-4', 'p-5']);
  });
});
