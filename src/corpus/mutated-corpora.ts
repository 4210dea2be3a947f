import { random } from '../testing/random.ts';
import { LIMITS } from './limits.ts';
import { corpus, pretty, publication } from './test-corpus.ts';

/**
 * For the fuzz test (corpus-fuzz.test.ts): corpora broken in the ways producers' files break and
 * in the ways the readers could get wrong. Before a corpus is written, its value gets keys given
 * twice, numbers that overflow, values of any type, nesting at the limit or beyond, fields over
 * their limits, members in another order; once written, its bytes get flipped, cut, or given
 * bytes that are not UTF-8, JSON's own characters, a byte order mark, line ends of Windows.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/**
 * A corpus on its way: a value, where some leaves and members are markers (`"@@n@@"`, member
 * `"@@n@@": 0`) to be replaced by raw JSON once written, with why the corpus is then invalid if it
 * is. A later change may overwrite a marker: only those left in the text count.
 */
type Mutant = {
  value: Json;
  markers: Map<string, { raw: string; member: boolean; invalid?: string }>;
};

const BASES: Json[] = [
  corpus(3),
  corpus(2, {
    names: { be: 'Архіў', ru: 'Архив' },
    glossary: [{ terms: { be: ['палітвязень'], en: ['political prisoner'] } }],
  }),
  { ...corpus(1), publications: [publication(0, { language: 'be' })] },
].map((value) => JSON.parse(JSON.stringify(value)) as Json);

const BAD_UTF8 = [
  [0x80],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0xff],
  [0xfe],
];
const HUGE = ['1e400', '-1e999', `1${'0'.repeat(400)}`, '1.5E+309'];
/** Values that read right, some of the wrong type where they are put. */
const READABLE = [
  '1e308',
  '1e-400',
  '-0',
  '123456789012345678901234567890',
  '"\\ud800"',
  '"\\u0000"',
  '[]',
  '{}',
  'null',
  'true',
  '""',
  '"x"',
  '[1, "a"]',
  '{"a": []}',
];
const PIECES = [
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  ' ',
  '\n',
  'x',
  '1',
  '\t',
  '\u0001',
  '\uFEFF',
  '\\u12',
];

/** Every path of a value (but the root), with the number of containers around the value there. */
function pathsOf(value: Json, path: Path = [], found: { path: Path; depth: number }[] = []) {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [index, item] as const)
      : Object.entries(value);
    for (const [key, item] of entries) {
      found.push({ path: [...path, key], depth: path.length + 1 });
      pathsOf(item, [...path, key], found);
    }
  }
  return found;
}

function getAt(value: Json, path: Path): Json {
  let at = value;
  for (const key of path) at = (at as Record<string | number, Json>)[key] ?? null;
  return at;
}

/** Sets the value at `path`, if its parent is still an array or object (false if not). */
function setAt(value: Json, path: Path, item: Json): boolean {
  const parent = getAt(value, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return false;
  (parent as Record<string | number, Json>)[path.at(-1) ?? 0] = item;
  return true;
}

const isObject = (value: Json): value is { [key: string]: Json } =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A seeded source of broken corpora: a function that gives the bytes of the next one and, when
 * how it was broken says so for sure, why it is invalid (undefined when it may be valid).
 */
export function mutatedCorpora(seed: number) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const integer = (below: number) => Math.floor(next() * below);
  let count = 0;

  /** Puts raw JSON at a random path (or `path`). */
  function put(
    mutant: Mutant,
    raw: string,
    invalid?: string,
    path = pick(pathsOf(mutant.value)).path,
  ) {
    const name = `@@${count++}@@`;
    if (setAt(mutant.value, path, name)) mutant.markers.set(name, { raw, member: false, invalid });
  }

  /** Changes of the value, before it is written. */
  const valueChanges: ((mutant: Mutant) => void)[] = [
    // A key given twice, in any object (unknown ones too).
    (mutant) => {
      const objects = [[], ...pathsOf(mutant.value).map(({ path }) => path)].filter((path) => {
        const found = getAt(mutant.value, path);
        return isObject(found) && Object.keys(found).length > 0;
      });
      const path = pick(objects);
      const object = getAt(mutant.value, path) as { [key: string]: Json };
      const key = pick(Object.keys(object));
      const name = `@@${count++}@@`;
      object[name] = 0;
      const raw = `${JSON.stringify(key)}: ${JSON.stringify(pick([object[key] ?? null, 'other']))}`;
      mutant.markers.set(name, { raw, member: true, invalid: `"${key}" twice` });
    },
    (mutant) => put(mutant, pick(HUGE), 'a number overflows'),
    (mutant) => put(mutant, pick(READABLE)),
    // Nesting at the limit or beyond.
    (mutant) => {
      const { path, depth } = pick(pathsOf(mutant.value));
      const levels = pick([LIMITS.depth - depth, LIMITS.depth - depth + 1, 5_000]);
      const tooDeep = depth + levels > LIMITS.depth ? 'nested too deep' : undefined;
      put(mutant, `${'['.repeat(levels)}${']'.repeat(levels)}`, tooDeep, path);
    },
    // A field over its limit (now and then a body of 4 MiB).
    (mutant) => {
      const { publications = [], organizations = [] } = mutant.value as Record<string, Json[]>;
      const item = ['publications', integer(publications.length)];
      const [path, value] = pick<[Path, () => Json]>([
        [[...item, 'title'], () => 'Я'.repeat(LIMITS.title + 1 + integer(5))],
        [[...item, 'summary'], () => 'x'.repeat(LIMITS.summary + 1)],
        [[...item, 'tags'], () => Array.from({ length: LIMITS.tags + 1 }, String)],
        [[...item, 'url'], () => `https://example.org/${'a'.repeat(LIMITS.url)}`],
        [
          ['organizations', integer(organizations.length), 'aliases'],
          () => Array.from({ length: LIMITS.aliases + 1 }, String),
        ],
        next() < 0.2
          ? [[...item, 'body'], () => `<p>${'Вясна '.repeat(LIMITS.bodyBytes / 11 + 1)}</p>`]
          : [[...item, 'title'], () => 'x'.repeat(LIMITS.title + 1)],
      ]);
      put(mutant, JSON.stringify(value()), `${path.at(-1)} over its limit`, path);
    },
    // Members in another order (valid if the rest is).
    (mutant) => {
      if (isObject(mutant.value)) {
        const entries = Object.entries(mutant.value).sort(() => next() - 0.5);
        mutant.value = Object.fromEntries(entries);
      }
    },
  ];

  /** Changes of the bytes once written: each says why the file is invalid, or undefined if unknown. */
  const byteChanges: ((bytes: Buffer) => [Buffer, string | undefined])[] = [
    (bytes) => {
      const at = integer(bytes.length);
      return [
        Buffer.concat([bytes.subarray(0, at), Buffer.from([integer(256)]), bytes.subarray(at + 1)]),
        undefined,
      ];
    },
    (bytes) => [bytes.subarray(0, integer(bytes.length)), 'cut short'],
    (bytes) => {
      const at = integer(bytes.length + 1);
      return [
        Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(BAD_UTF8)), bytes.subarray(at)]),
        'not UTF-8',
      ];
    },
    (bytes) => {
      const at = integer(bytes.length + 1);
      return [
        Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(PIECES)), bytes.subarray(at)]),
        undefined,
      ];
    },
    (bytes) => {
      const at = integer(bytes.length);
      return [
        Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + integer(3))]),
        undefined,
      ];
    },
  ];

  /** The next corpus, from one to three changes (now and then none), and why it is invalid if known. */
  return (): { bytes: Buffer; invalid: string | undefined } => {
    const mutant: Mutant = {
      value: JSON.parse(JSON.stringify(pick(BASES))) as Json,
      markers: new Map(),
    };
    const changes = next() < 0.05 ? 0 : 1 + integer(3);
    const ofBytes: (typeof byteChanges)[number][] = [];
    for (let n = 0; n < changes; n++) {
      if (next() < 0.6) pick(valueChanges)(mutant);
      else ofBytes.push(pick(byteChanges));
    }
    let text = next() < 0.5 ? pretty(mutant.value) : JSON.stringify(mutant.value);
    let reasons: string[] = [];
    for (const [name, { raw, member, invalid }] of mutant.markers) {
      const pattern = member ? new RegExp(`"${name}": ?0`, 'g') : new RegExp(`"${name}"`, 'g');
      if (!pattern.test(text)) continue;
      text = text.replace(pattern, () => raw);
      if (invalid) reasons.push(invalid);
    }
    if (next() < 0.2) text = text.replace(/\n/g, '\r\n');
    let bytes: Buffer = Buffer.from(next() < 0.15 ? `\uFEFF${text}` : text);
    for (const change of ofBytes) {
      const [changed, invalid] = change(bytes);
      bytes = changed;
      // A change of unknown effect may undo a known break (a flipped byte in a repeated key).
      reasons = invalid ? [...reasons, invalid] : [];
    }
    return { bytes, invalid: reasons[0] };
  };
}
