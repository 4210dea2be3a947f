import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRealisticCorpus, probesFileFor } from './generate-realistic-corpus.ts';
import { smallVocabulary } from './realistic-corpus/small-vocabulary.ts';

type Publication = {
  id: string;
  type: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
};
type ProbesFile = {
  count: number;
  tokens: number;
  distinctWords: number;
  families: Record<string, { lemma: string; forms: Record<string, string[]> }[]>;
  names: { name: string; forms: Record<string, string[]> }[];
};

const dir = mkdtempSync(path.join(tmpdir(), 'realistic-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A corpus drawn from a made-up dictionary (hunspell's takes a minute to expand). */
async function write(count: number, seed: number) {
  const out = path.join(dir, `real-${count}-${seed}.json`);
  const stats = await generateRealisticCorpus({ count, out, seed }, async (language) =>
    smallVocabulary(language, 3000),
  );
  const text = readFileSync(out, 'utf8');
  const corpus = JSON.parse(text) as { publications: Publication[] };
  const probes = JSON.parse(readFileSync(probesFileFor(out), 'utf8')) as ProbesFile;
  return { stats, text, publications: corpus.publications, probes };
}

const written = new Map<string, ReturnType<typeof write>>();
function generate(count: number, seed = 1) {
  const key = `${count}-${seed}`;
  const corpus = written.get(key) ?? write(count, seed);
  written.set(key, corpus);
  return corpus;
}

/** Every field a search reads, as words separated by single spaces (no tags, no punctuation). */
function words(publication: Publication): string {
  const fields = [publication.title, publication.summary, publication.body, ...publication.tags];
  return fields
    .join(' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

const holding = (texts: readonly { id: string; text: string }[], test: (text: string) => boolean) =>
  texts.filter(({ text }) => test(text)).map(({ id }) => id);

describe('the realistic corpus', () => {
  it('is the same for a seed, and a smaller corpus is the start of a bigger one', async () => {
    const [small, again, big] = [await generate(40), await write(40, 1), await generate(80)];
    expect(again.text).toBe(small.text);
    expect(big.publications.slice(0, 40)).toEqual(small.publications);
    const other = await generate(40, 2);
    expect(other.publications).not.toEqual(small.publications);
  });

  it('gives each publication its own id: type, index, title in Latin letters', async () => {
    const { publications } = await generate(120);
    publications.forEach((publication, index) => {
      expect(publication.id).toMatch(/^[a-z-]+-\d+(-[a-z0-9]+)*$/);
      expect(publication.id.startsWith(`${publication.type}-${index}-`)).toBe(true);
    });
    expect(new Set(publications.map((publication) => publication.id)).size).toBe(120);
  });

  it('lists under each probe exactly the publications holding its word or name', async () => {
    const { publications, probes } = await generate(120);
    const texts = publications.map((publication) => ({
      id: publication.id,
      text: words(publication),
    }));
    const folded = texts.map(({ id, text }) => ({
      id,
      text: new Set(text.toLowerCase().split(' ')),
    }));
    const families = Object.values(probes.families).flat();
    expect(families.length).toBeGreaterThan(50);
    for (const family of families) {
      expect(Object.keys(family.forms).length).toBeGreaterThanOrEqual(2);
      for (const [form, ids] of Object.entries(family.forms)) {
        const held = folded.filter(({ text }) => text.has(form)).map(({ id }) => id);
        expect(ids, form).toEqual(held);
      }
    }
    const names = probes.names.flatMap((name) => Object.entries(name.forms));
    expect(names.length).toBeGreaterThan(5);
    for (const [form, ids] of names) {
      expect(ids, form).toEqual(holding(texts, (text) => ` ${text} `.includes(` ${form} `)));
    }
  });

  it('counts the words it wrote and the distinct ones among them', async () => {
    const { publications, probes, stats } = await generate(120);
    const all = publications.flatMap((publication) => words(publication).split(' '));
    expect(stats.tokens).toBe(all.length);
    expect(stats.distinctWords).toBe(new Set(all.map((word) => word.toLowerCase())).size);
    expect([probes.tokens, probes.distinctWords]).toEqual([stats.tokens, stats.distinctWords]);
    expect(stats.growth.at(-1)).toEqual({
      publications: 120,
      tokens: stats.tokens,
      distinctWords: stats.distinctWords,
    });
  });
});
