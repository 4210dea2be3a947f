/**
 * Plain BM25, the baseline of the judged bench: lower-cased word tokens (letters and digits), no
 * stemming, no typo tolerance, no phrases (quotes are ignored), title + summary + body as one
 * field; k1 = 1.2, b = 0.75, Lucene's idf ln(1 + (N − df + 0.5) / (df + 0.5)).
 */

export const BM25_PARAMS = { k1: 1.2, b: 0.75 } as const;

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export type Bm25Document = { id: string; text: string };

export type Bm25 = {
  /** The ids of the best `limit` documents, best first; documents matching no word are left out. */
  search(query: string, limit: number): string[];
};

export function createBm25(documents: readonly Bm25Document[]): Bm25 {
  const { k1, b } = BM25_PARAMS;
  const postings = new Map<string, { doc: number; tf: number }[]>();
  const lengths: number[] = [];
  documents.forEach((document, doc) => {
    const words = tokens(document.text);
    lengths.push(words.length);
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    for (const [word, tf] of counts) {
      const list = postings.get(word) ?? [];
      list.push({ doc, tf });
      postings.set(word, list);
    }
  });
  const count = documents.length;
  const averageLength = lengths.reduce((a, c) => a + c, 0) / Math.max(1, count);
  return {
    search(query, limit) {
      const scores = new Map<number, number>();
      for (const word of new Set(tokens(query))) {
        const list = postings.get(word);
        if (!list) continue;
        const idf = Math.log(1 + (count - list.length + 0.5) / (list.length + 0.5));
        for (const { doc, tf } of list) {
          const norm = k1 * (1 - b + (b * (lengths[doc] ?? 0)) / averageLength);
          scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / (tf + norm));
        }
      }
      return [...scores]
        .sort((x, y) => y[1] - x[1] || x[0] - y[0])
        .slice(0, limit)
        .map(([doc]) => documents[doc]?.id ?? '');
    },
  };
}
