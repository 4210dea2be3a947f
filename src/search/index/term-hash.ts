/**
 * A 32-bit hash of a string (FNV-1a over its UTF-16 code units): where content-defined files end
 * (blocks, the directory's parts, the typo lists' files). Only ever compared with itself: any
 * stable hash would do, this one is small and fast.
 */
export function termHash(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}
