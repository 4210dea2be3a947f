/**
 * The build's hottest loop reads every word of every publication (tens of millions at 50,000
 * publications). This scanner finds the raw tokens of a text without regular expressions and
 * looks each up in an open-addressing table by a hash computed as it scans, comparing characters
 * in place: a token seen before costs no allocation at all. A new token is handed to `analyse`
 * (the same `words()` the queries use) once, and what it says is kept.
 */

/** Characters that can belong to a word: letters, digits, marks, apostrophes (as text.ts reads). */
const WORD_CHAR = (() => {
  const table = new Uint8Array(65536);
  const pattern = /[\p{L}\p{N}\p{M}’'ʼ]/u;
  for (let code = 0; code < 65536; code++) {
    // Surrogates: an astral character is passed whole to `analyse`, which decides.
    if ((code >= 0xd800 && code <= 0xdfff) || pattern.test(String.fromCharCode(code))) {
      table[code] = 1;
    }
  }
  return table;
})();

export type TokenInfo = {
  /** The words the token holds (usually one), as ids. */
  ids: readonly number[];
  capital: boolean;
};

export class TokenTable {
  private slots = new Int32Array(1 << 16).fill(-1);
  private readonly texts: string[] = [];
  private readonly hashes: number[] = [];
  private readonly infos: TokenInfo[] = [];

  constructor(private readonly analyse: (raw: string) => TokenInfo) {}

  get size(): number {
    return this.texts.length;
  }

  private grow() {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, token) => {
      let slot = hash & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = token;
    });
    this.slots = slots;
  }

  private find(text: string, start: number, end: number, hash: number): TokenInfo {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const token = this.slots[slot] ?? -1;
      if (token === -1) break;
      if (this.hashes[token] === hash) {
        const known = this.texts[token] ?? '';
        if (known.length === end - start) {
          let same = true;
          for (let i = 0; i < known.length; i++) {
            if (known.charCodeAt(i) !== text.charCodeAt(start + i)) {
              same = false;
              break;
            }
          }
          if (same) return this.infos[token] as TokenInfo;
        }
      }
      slot = (slot + 1) & mask;
    }
    const raw = text.slice(start, end);
    const info = this.analyse(raw);
    const token = this.texts.length;
    this.texts.push(raw);
    this.hashes.push(hash);
    this.infos.push(info);
    this.slots[slot] = token;
    if (this.texts.length * 2 > this.slots.length) this.grow();
    return info;
  }

  /** Calls `visit` with each token of `text`, in order. */
  scan(text: string, visit: (info: TokenInfo) => void) {
    const length = text.length;
    let at = 0;
    while (at < length) {
      while (at < length && WORD_CHAR[text.charCodeAt(at)] === 0) at++;
      if (at >= length) break;
      const start = at;
      // FNV-1a over the UTF-16 code units.
      let hash = 0x811c9dc5;
      while (at < length) {
        const code = text.charCodeAt(at);
        if (WORD_CHAR[code] === 0) break;
        hash = Math.imul(hash ^ code, 16777619);
        at++;
      }
      visit(this.find(text, start, at, hash >>> 0));
    }
  }
}
