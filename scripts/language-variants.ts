import {
  ID_ATTRIBUTES,
  TEXT_ATTRIBUTE,
  VARIANT_ATTRIBUTE,
  idSuffix,
} from '../src/app/language-variants.ts';

/**
 * One page in every interface language (docs/decisions/015-pages-in-every-language.md): the
 * renders of a page in each language, merged into one HTML where what is the same is written
 * once and what differs is written once per language, marked (src/app/language-variants.ts says
 * how the browser keeps one).
 *
 * The renders come from the same components with the same data, so they have the same shape; the
 * merge walks them side by side. A subtree that is the same everywhere is copied once (the
 * publication's text, however long, is in the page once). An element whose tag is the same
 * everywhere is descended into; a text that differs is wrapped once per language; an element
 * that differs (a link whose `hl` differs, say) is copied once per language, marked. Pure string
 * work on React's own output and DOMPurify's: a small tokenizer, no DOM.
 */

export type Render = { language: string; html: string };

type HtmlNode =
  | { kind: 'text' | 'comment'; raw: string }
  | {
      kind: 'element';
      tag: string;
      startTag: string;
      children: HtmlNode[];
      endTag: string;
      raw: string;
    };

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
/** Elements a text in which cannot be wrapped: the HTML parser keeps no `<span>` in them. */
const NO_WRAPPERS = new Set([
  'option',
  'optgroup',
  'select',
  'textarea',
  'title',
  'script',
  'style',
]);

const TOKEN =
  /<!--[\s\S]*?-->|<\/([a-zA-Z][^\s/>]*)\s*>|<([a-zA-Z][^\s/>]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;

type Open = { tag: string; startTag: string; children: HtmlNode[]; from: number };

/** The nodes of an HTML fragment, each with its source text. Tolerant: an unclosed element ends with its parent. */
export function parseFragment(html: string): HtmlNode[] {
  const root: HtmlNode[] = [];
  const stack: Open[] = [];
  const children = () => stack.at(-1)?.children ?? root;
  const close = (until: number) => {
    const open = stack.pop();
    if (!open) return;
    const raw = html.slice(open.from, until);
    const endTag = raw.endsWith('>') && /<\/[^<]*>$/.exec(raw)?.[0];
    children().push({
      kind: 'element',
      tag: open.tag,
      startTag: open.startTag,
      children: open.children,
      endTag: endTag || '',
      raw,
    });
  };
  let at = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    if (match.index > at) children().push({ kind: 'text', raw: html.slice(at, match.index) });
    const token = match[0];
    at = match.index + token.length;
    if (token.startsWith('<!--')) {
      children().push({ kind: 'comment', raw: token });
    } else if (match[1] !== undefined) {
      const tag = match[1].toLowerCase();
      const depth = stack.map((open) => open.tag).lastIndexOf(tag);
      if (depth < 0) continue;
      // Elements left open inside it end where it ends.
      while (stack.length > depth + 1) close(match.index);
      close(at);
    } else {
      const tag = (match[2] ?? '').toLowerCase();
      if (VOID.has(tag) || token.endsWith('/>')) {
        children().push({
          kind: 'element',
          tag,
          startTag: token,
          children: [],
          endTag: '',
          raw: token,
        });
        continue;
      }
      stack.push({ tag, startTag: token, children: [], from: match.index });
      if (RAW_TEXT.has(tag)) {
        const end = html.toLowerCase().indexOf(`</${tag}`, at);
        const stop = end < 0 ? html.length : end;
        if (stop > at) children().push({ kind: 'text', raw: html.slice(at, stop) });
        at = stop;
        TOKEN.lastIndex = stop;
      }
    }
  }
  if (html.length > at) children().push({ kind: 'text', raw: html.slice(at) });
  while (stack.length > 0) close(html.length);
  return root;
}

const ATTRIBUTE = /(\s)([^\s"'>/=]+)(\s*=\s*)("[^"]*"|'[^']*')/g;

/** `<a href="…">` as `<a` and ` href="…">`, so that attributes can go in after the name. */
function splitStartTag(startTag: string): [string, string] {
  const end = /^<[^\s/>]+/.exec(startTag)?.[0].length ?? 1;
  return [startTag.slice(0, end), startTag.slice(end)];
}

function renameIds(attributes: string, rename: (id: string) => string): string {
  return attributes.replace(
    ATTRIBUTE,
    (whole, space: string, name: string, equals: string, value: string) => {
      if (!ID_ATTRIBUTES.includes(name.toLowerCase())) return whole;
      const quote = value[0] ?? '"';
      const ids = value
        .slice(1, -1)
        .split(/(\s+)/)
        .map((part) => (/\S/.test(part) ? rename(part) : part));
      return `${space}${name}${equals}${quote}${ids.join('')}${quote}`;
    },
  );
}

/** The ids an element's subtree defines. */
function idsIn(node: HtmlNode, found = new Set<string>()): Set<string> {
  if (node.kind !== 'element') return found;
  const id = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(node.startTag);
  const value = id?.[1] ?? id?.[2];
  if (value) found.add(value);
  for (const child of node.children) idsIn(child, found);
  return found;
}

/** A node's HTML with `mark` added to its start tag and ids renamed by `rename`, if given. */
function serialize(node: HtmlNode, mark: string, rename: ((id: string) => string) | null): string {
  if (node.kind !== 'element' || (!mark && !rename)) return node.raw;
  const [name, attributes] = splitStartTag(node.startTag);
  const startTag = `${name}${mark}${rename ? renameIds(attributes, rename) : attributes}`;
  const children = node.children.map((child) => serialize(child, '', rename)).join('');
  return `${startTag}${children}${node.endTag}`;
}

/** Outside the page's own language, ids a subtree defines get the language's suffix. */
function renamerFor(nodes: readonly HtmlNode[], language: string, primary: string) {
  if (language === primary) return null;
  const ids = new Set<string>();
  for (const node of nodes) idsIn(node, ids);
  if (ids.size === 0) return null;
  return (id: string) => (ids.has(id) ? `${id}${idSuffix(language)}` : id);
}

/** An element once per language, each marked; ids renamed outside the page's own language. */
function perLanguage(nodes: HtmlNode[], languages: readonly string[], primary: string): string {
  return nodes
    .map((node, index) => {
      const language = languages[index] ?? primary;
      const rename = renamerFor([node], language, primary);
      return serialize(node, ` ${VARIANT_ATTRIBUTE}="${language}"`, rename);
    })
    .join('');
}

function mergeLists(
  lists: HtmlNode[][],
  languages: readonly string[],
  primary: string,
  wrappable: boolean,
): string | null {
  const length = lists[0]?.length ?? 0;
  if (lists.some((list) => list.length !== length)) return null;
  let out = '';
  for (let index = 0; index < length; index++) {
    const merged = mergeNode(
      lists.map((list) => list[index] as HtmlNode),
      languages,
      primary,
      wrappable,
    );
    if (merged === null) return null;
    out += merged;
  }
  return out;
}

function mergeNode(
  nodes: HtmlNode[],
  languages: readonly string[],
  primary: string,
  wrappable: boolean,
): string | null {
  const first = nodes[0];
  if (!first) return '';
  if (nodes.every((node) => node.raw === first.raw)) return first.raw;
  if (nodes.every((node) => node.kind === 'text')) {
    if (!wrappable) return null;
    return nodes
      .map(
        (node, index) =>
          `<span ${TEXT_ATTRIBUTE}="${languages[index] ?? primary}">${node.raw}</span>`,
      )
      .join('');
  }
  if (!nodes.every((node) => node.kind === 'element')) return null;
  const elements = nodes as Extract<HtmlNode, { kind: 'element' }>[];
  const head = elements[0] as (typeof elements)[number];
  if (elements.every((node) => node.tag === head.tag && node.startTag === head.startTag)) {
    const inner = mergeLists(
      elements.map((node) => node.children),
      languages,
      primary,
      !NO_WRAPPERS.has(head.tag),
    );
    if (inner !== null) return `${head.startTag}${inner}${head.endTag}`;
  }
  if (!wrappable) return null;
  return perLanguage(nodes, languages, primary);
}

/**
 * The renders of one page in every language, merged. `primary` is the page's own language: its
 * copies keep their ids, and its text comes first. Renders whose shapes cannot be merged at all
 * are kept whole, each wrapped, so the page still shows in every language.
 */
export function mergeLanguageVariants(renders: readonly Render[], primary: string): string {
  const ordered = [
    ...renders.filter((render) => render.language === primary),
    ...renders.filter((render) => render.language !== primary),
  ];
  if (ordered.length <= 1) return ordered[0]?.html ?? '';
  const languages = ordered.map((render) => render.language);
  const merged = mergeLists(
    ordered.map((render) => parseFragment(render.html)),
    languages,
    primary,
    true,
  );
  if (merged !== null) return merged;
  return ordered
    .map((render) => {
      const nodes = parseFragment(render.html);
      const rename = renamerFor(nodes, render.language, primary);
      const html = nodes.map((node) => serialize(node, '', rename)).join('');
      return `<div ${TEXT_ATTRIBUTE}="${render.language}">${html}</div>`;
    })
    .join('');
}
