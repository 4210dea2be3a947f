/**
 * UTF-8 as the corpus readers count it. Platform neutral: the stream reads bytes from a file, the
 * whole-text reader from memory.
 */

/**
 * How many UTF-16 code units (JavaScript string length) valid UTF-8 bytes decode to: one for
 * each byte that starts a character, two for a four-byte one. Counts the same when the bytes come
 * in pieces cut anywhere.
 */
export function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let at = from; at < to; at++) {
    const byte = bytes[at] ?? 0;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}
