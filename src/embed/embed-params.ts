/**
 * The embed's own URL parameters (docs/embedding.md), in one place: which facets `lock` can fix,
 * the themes, and the parameters every link inside an embed must keep. Pure, so the URL state
 * of the search feature, the embed layout and the link builders agree.
 */

/** Facets an embed can fix with `lock`. */
export type LockableFacet = 'type' | 'org' | 'lang' | 'from' | 'to';
export const LOCKABLE_FACETS: readonly LockableFacet[] = ['type', 'org', 'lang', 'from', 'to'];

export type Theme = 'light' | 'dark' | 'auto';
export const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/** The facets a `lock` value names (comma-separated, possibly repeated), in canonical order. */
export function parseLock(values: readonly string[]): LockableFacet[] {
  const named = new Set(values.flatMap((value) => value.split(',')).map((name) => name.trim()));
  return LOCKABLE_FACETS.filter((facet) => named.has(facet));
}

export function parseTheme(value: string | null): Theme | null {
  return THEMES.find((theme) => theme === value) ?? null;
}

/** The parameters of an embed's URL that must survive every link inside it. */
export function embedParameters(search: string): URLSearchParams {
  const params = new URLSearchParams(search);
  const fixed = new URLSearchParams();
  const locked = new Set(parseLock(params.getAll('lock')));
  for (const facet of LOCKABLE_FACETS) {
    if (!locked.has(facet)) continue;
    for (const value of params.getAll(facet)) fixed.append(facet, value);
  }
  for (const key of ['lock', 'theme']) {
    const value = params.get(key);
    if (value) fixed.set(key, value);
  }
  return fixed;
}

/** The same search without the embed's own parameters: what the full site shows. */
export function withoutEmbedParameters(search: string): URLSearchParams {
  const params = new URLSearchParams(search);
  params.delete('lock');
  params.delete('theme');
  return params;
}
