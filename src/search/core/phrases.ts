import type { Word } from '../analysis/text.ts';
import { FIELD, IN_BODY } from '../index/format.ts';
import type { IndexReader } from './index-reader.ts';
import type { Organizations } from './organizations.ts';
import { exactEntries, spellingsOf } from './word-matches.ts';

/**
 * Publications where the phrase's words stand one after another (any of their exact
 * spellings), with the fields they stand in: the postings narrow it to the publications that
 * hold every word, and only their positions are read.
 */
export async function phraseDocs(
  reader: IndexReader,
  organizations: Organizations,
  phrase: readonly Word[],
  fullText: boolean,
): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  const entries = await Promise.all(phrase.map((word) => exactEntries(reader, word)));
  for (const side of fullText ? (['text', 'body'] as const) : (['text'] as const)) {
    const perWord = await Promise.all(
      entries.map((list) =>
        Promise.all(
          list.flatMap((entry) => {
            const location = side === 'text' ? entry.text : entry.body;
            if (!location) return [];
            return [
              reader.read(location, side).then((postings) => ({
                postings,
                chunks: side === 'text' ? entry.textPositions : entry.bodyPositions,
              })),
            ];
          }),
        ),
      ),
    );
    // Publications holding every word of the phrase.
    let candidates = null as Set<number> | null;
    for (const lists of perWord) {
      const docs = new Set<number>();
      for (const { postings } of lists) for (const doc of postings.docs) docs.add(doc);
      candidates = candidates ? new Set([...candidates].filter((doc) => docs.has(doc))) : docs;
    }
    if (!candidates || candidates.size === 0) continue;
    const wanted: ReadonlySet<number> = candidates;
    const positions = await Promise.all(
      perWord.map(async (lists) => {
        const byDoc = new Map<number, Set<number>>();
        for (const { postings, chunks } of lists) {
          for (const [doc, list] of await reader.positions(chunks, postings.docs, wanted)) {
            let set = byDoc.get(doc);
            if (!set) byDoc.set(doc, (set = new Set()));
            for (const position of list) set.add(position);
          }
        }
        return byDoc;
      }),
    );
    const fieldsOf = new Map<number, number>();
    if (side === 'text') {
      for (const { postings } of perWord[0] ?? []) {
        postings.docs.forEach((doc, index) => {
          fieldsOf.set(doc, (fieldsOf.get(doc) ?? 0) | (postings.fields?.[index] ?? 0));
        });
      }
    }
    const [first, ...rest] = positions;
    for (const doc of wanted) {
      const starts = first?.get(doc);
      if (!starts) continue;
      const follows = [...starts].some((start) =>
        rest.every((byDoc, offset) => byDoc.get(doc)?.has(start + offset + 1)),
      );
      if (!follows) continue;
      const fields = side === 'text' ? (fieldsOf.get(doc) ?? FIELD.title) : IN_BODY;
      found.set(doc, (found.get(doc) ?? 0) | fields);
    }
  }
  if (phrase.length === 1) {
    // A quoted single word is that word exactly, organization names included.
    for (const doc of organizations.exactly(spellingsOf(phrase[0] as Word))) {
      found.set(doc, (found.get(doc) ?? 0) | FIELD.title);
    }
  }
  return found;
}
