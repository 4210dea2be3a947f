/** "1,234": counts as the interface shows them (by hand: Intl's formatter costs start-up time). */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 publication", "1,234 publications". */
export function publicationCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'publication' : 'publications'}`;
}
