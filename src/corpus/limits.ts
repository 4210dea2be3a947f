/**
 * The limits of the corpus format, named once (docs/corpus-format.md).
 */
export const LIMITS = {
  /** Arrays and objects inside one another, the corpus object itself the first. */
  depth: 64,
} as const;

/** A whole number with its thousands separated, as messages show sizes: 4,194,304. */
export function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
