import { STOP_WORDS, words } from '../analysis/text.ts';
import { FIELD, KIND } from '../index/format.ts';
import type { RelatedRequest } from '../protocol.ts';
import type { IndexReader } from './index-reader.ts';
import type { Organizations } from './organizations.ts';
import { idf } from './ranking.ts';
import { selectTop } from './top-k.ts';

/** Title words and tags "Related" looks up at most. */
const RELATED_WORDS = 16;
/** Publications "Related" proposes. */
export const RELATED_COUNT = 5;

/**
 * The publications closest to one: shared organizations, the rarer the more telling, and
 * distinctive title words and tags, the same word in another title or tag counting by its rarity.
 * Best first, the publication itself left out, `limit` at most.
 */
export async function relatedDocs(
  reader: IndexReader,
  organizations: Organizations,
  count: number,
  request: RelatedRequest & { organizationIndexes: readonly number[] },
  limit: number,
): Promise<number[]> {
  const score = new Float64Array(count);
  for (const index of request.organizationIndexes) {
    const docs = organizations.publicationsOf(index);
    const weight = idf(count, docs.length);
    for (const doc of docs) score[doc] = (score[doc] ?? 0) + weight;
  }
  const titleWords = words(request.title).filter((word) => !STOP_WORDS.has(word.term));
  const tagWords = request.tags.flatMap((tag) => words(tag));
  const lookups = [
    ...[...new Set(titleWords.map((word) => word.term))].map((term) => ({
      term,
      field: FIELD.title,
      weight: 1,
    })),
    ...[...new Set(tagWords.map((word) => word.term))].map((term) => ({
      term,
      field: FIELD.tags,
      weight: 1.5,
    })),
  ].slice(0, RELATED_WORDS);
  await Promise.all(
    lookups.map(async ({ term, field, weight }) => {
      const entry = await reader.entry(term, KIND.word).catch(() => undefined);
      if (!entry?.text) return;
      const frequency = entry.textCount;
      // Too common to say anything; a small archive still lets a word shared by a few count.
      if (frequency > Math.max(3, count / 10)) return;
      const postings = await reader.read(entry.text, 'text');
      const value = weight * idf(count, frequency);
      postings.docs.forEach((doc, index) => {
        if ((postings.fields?.[index] ?? 0) & field) score[doc] = (score[doc] ?? 0) + value;
      });
    }),
  );
  score[request.doc] = 0;
  const candidates: number[] = [];
  for (let doc = 0; doc < count; doc++) if ((score[doc] ?? 0) > 0) candidates.push(doc);
  return selectTop(candidates, limit, (a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b);
}
