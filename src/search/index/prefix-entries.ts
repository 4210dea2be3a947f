import { emptyEntry, KIND, type Completion, type Entry } from './format.ts';
import { prefixBlock } from './directory.ts';

/** Prefixes longer than this get no entry of their own (no one types them). */
const MAX_LOOKUP_LENGTH = 64;

/**
 * For every prefix whose words run across a block boundary, an entry listing its most used
 * words, placed where a lookup of the prefix goes (see `prefixBlock`): a reader who has typed
 * "па" then fetches one block, not the hundred that hold words beginning so.
 */
export function addPrefixEntries(
  blocks: readonly { entries: Entry[] }[],
  firstTerms: readonly string[],
  wordEntries: readonly Entry[],
  limit: number,
): number {
  // Words and spellings may share a term; each is a completion of its own.
  const prefixes = new Set<string>();
  for (let i = 0; i + 1 < blocks.length; i++) {
    const last = blocks[i]?.entries.at(-1)?.term ?? '';
    const next = blocks[i + 1]?.entries[0]?.term ?? '';
    let shared = 0;
    while (shared < last.length && shared < next.length && last[shared] === next[shared]) {
      shared++;
    }
    for (let length = 1; length <= Math.min(shared, MAX_LOOKUP_LENGTH); length++) {
      const prefix = next.slice(0, length);
      if (prefix === prefix.toLowerCase()) prefixes.add(prefix);
    }
  }
  const terms = wordEntries.map((entry) => entry.term);
  for (const prefix of prefixes) {
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((terms[mid] ?? '') < prefix) low = mid + 1;
      else high = mid;
    }
    // The most used words in the range (a short prefix's range is a tenth of the vocabulary:
    // keep the best few in one pass rather than sorting it).
    const best: Entry[] = [];
    const used = (entry: Entry) => entry.textCount + entry.bodyCount;
    for (let i = low; i < terms.length && (terms[i] ?? '').startsWith(prefix); i++) {
      const entry = wordEntries[i];
      if (!entry || entry.term === prefix) continue;
      if (best.length === limit && used(entry) <= used(best[limit - 1] as Entry)) continue;
      let at = best.length;
      while (at > 0 && used(best[at - 1] as Entry) < used(entry)) at--;
      best.splice(at, 0, entry);
      if (best.length > limit) best.pop();
    }
    const completions: Completion[] = best.map((entry) => ({
      term: entry.term,
      kind: entry.kind === KIND.spelling ? KIND.spelling : KIND.word,
      textCount: entry.textCount,
      bodyCount: entry.bodyCount,
      text: entry.text,
      body: entry.body,
    }));
    const target = blocks[prefixBlock(firstTerms, prefix)];
    target?.entries.push({ ...emptyEntry(prefix, KIND.prefix), completions });
  }
  return prefixes.size;
}
