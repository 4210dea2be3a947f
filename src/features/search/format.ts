const numbers = new Intl.NumberFormat('en');

/** "1,234": counts as the interface shows them. */
export function formatCount(count: number): string {
  return numbers.format(count);
}

/** "1 publication", "1,234 publications". */
export function publicationCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'publication' : 'publications'}`;
}
