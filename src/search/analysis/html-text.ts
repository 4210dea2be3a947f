/**
 * The text of a publication body, for the full-text index and result snippets. Regular
 * expressions, not a DOM: it runs in the build (Node) and in the search worker, which have none.
 * It only reads text; what the page shows goes through DOMPurify.
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) {
      const value = Number.parseInt(code.slice(2), 16);
      return Number.isFinite(value) && value <= 0x10ffff ? String.fromCodePoint(value) : entity;
    }
    if (code.startsWith('#')) {
      const value = Number.parseInt(code.slice(1), 10);
      return Number.isFinite(value) && value <= 0x10ffff ? String.fromCodePoint(value) : entity;
    }
    return ENTITIES[code.toLowerCase()] ?? entity;
  });
}

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      // A tag starts with a letter (or / or !) after "<": "1 < 2" is text. Quoted attribute
      // values may hold ">" (alt="a > b").
      .replace(/<[a-z/!?](?:"[^"]*"|'[^']*'|[^'">])*>?/gi, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}
