import { absoluteUrl, paths } from '../lib/paths.ts';

/** What an embed shows: the `data-*` attributes of docs/embedding.md. */
export type EmbedScope = {
  q?: string;
  types?: readonly string[];
  orgs?: readonly string[];
  langs?: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
  lock?: readonly string[];
  publication?: string;
  /** The interface language (`data-hl`). */
  hl?: string;
};

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The HTML a site pastes to embed this view (docs/embedding.md). */
export function embedSnippet(scope: EmbedScope): string {
  const attributes: [string, string][] = [];
  const add = (name: string, value: string | readonly string[] | undefined) => {
    const text = typeof value === 'string' ? value.trim() : (value ?? []).join(',');
    if (text) attributes.push([name, text]);
  };
  add('data-publication', scope.publication);
  add('data-q', scope.q);
  add('data-type', scope.types);
  add('data-org', scope.orgs);
  add('data-lang', scope.langs);
  add('data-from', scope.from);
  add('data-to', scope.to);
  add('data-lock', scope.lock);
  add('data-hl', scope.hl);
  const div = `<div data-statement-explorer${attributes
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('')}></div>`;
  return `${div}\n<script src="${absoluteUrl(paths.embedScript())}" async></script>`;
}
