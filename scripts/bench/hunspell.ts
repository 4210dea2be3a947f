import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Real word forms of Belarusian, Russian and English, from Debian's hunspell dictionaries, for the
 * realistic bench corpus and the stemmer measurements (docs/benchmarking.md). `unmunch` expands
 * every dictionary entry into all its forms; `hunspell -s` gives each form's stem (its lemma), so
 * forms with the same stem are one lemma family. The lists are made once and cached in
 * bench-results/vocabulary/ (a minute's work); unit and e2e tests never need them.
 */

export type VocabularyLanguage = 'be' | 'ru' | 'en';

export const DICTIONARIES: Record<VocabularyLanguage, string> = {
  be: 'be_BY',
  ru: 'ru_RU',
  en: 'en_US',
};

const DICTIONARY_DIR = '/usr/share/hunspell';
const CACHE_DIR = path.join('bench-results', 'vocabulary');
const PACKAGES = 'hunspell hunspell-tools hunspell-be hunspell-ru hunspell-en-us';

/** One word form and the lemma hunspell gives for it (the form itself when it gives none). */
export type WordForm = { form: string; lemma: string };

function missingTools(): string[] {
  const missing: string[] = [];
  for (const tool of ['unmunch', 'hunspell']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) missing.push(tool);
  }
  for (const name of Object.values(DICTIONARIES)) {
    if (!existsSync(path.join(DICTIONARY_DIR, `${name}.dic`))) missing.push(`${name}.dic`);
  }
  return missing;
}

/**
 * Installs the dictionaries and tools with apt-get when they are missing and this process may
 * (root); otherwise says exactly what to install.
 */
export function ensureHunspell(): void {
  if (missingTools().length === 0) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    console.log(`Installing ${PACKAGES} with apt-get…`);
    execFileSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq ${PACKAGES}`], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  const missing = missingTools();
  if (missing.length > 0) {
    throw new Error(
      `The realistic corpus needs Debian's hunspell dictionaries and tools (missing: ${missing.join(', ')}).\n` +
        `Install them with: apt-get install -y ${PACKAGES}`,
    );
  }
}

/** Every form of every entry of the dictionary, in dictionary order, without repeats. */
function expand(language: VocabularyLanguage): string[] {
  const name = DICTIONARIES[language];
  const output = execFileSync(
    'unmunch',
    [path.join(DICTIONARY_DIR, `${name}.dic`), path.join(DICTIONARY_DIR, `${name}.aff`)],
    { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const seen = new Set<string>();
  const forms: string[] = [];
  for (const line of output.split('\n')) {
    const form = line.trim();
    if (form.length === 0 || seen.has(form)) continue;
    seen.add(form);
    forms.push(form);
  }
  return forms;
}

/** `hunspell -s` over the forms: the first stem it gives for each (its own lemma first). */
async function lemmatize(language: VocabularyLanguage, forms: readonly string[]) {
  const child = spawn('hunspell', ['-s', '-i', 'utf-8', '-d', DICTIONARIES[language]], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const lemmas = new Map<string, string>();
  let rest = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const [form, lemma] = line.split(' ');
      if (form && lemma && !lemmas.has(form)) lemmas.set(form, lemma);
    }
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  for (const form of forms) {
    if (!child.stdin.write(`${form}\n`)) {
      await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
  }
  child.stdin.end();
  await done;
  return lemmas;
}

/**
 * All word forms of a language with their lemmas, from the cache when it is there
 * (bench-results/vocabulary/<language>.tsv: "form<TAB>lemma" a line).
 */
export async function loadVocabulary(language: VocabularyLanguage): Promise<WordForm[]> {
  const file = path.join(CACHE_DIR, `${language}.tsv`);
  if (!existsSync(file)) {
    ensureHunspell();
    const started = performance.now();
    const forms = expand(language);
    const lemmas = await lemmatize(language, forms);
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(file, forms.map((form) => `${form}\t${lemmas.get(form) ?? form}`).join('\n'));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Wrote ${forms.length.toLocaleString('en')} ${language} forms to ${file} in ${seconds} s`,
    );
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const [form, lemma] = line.split('\t');
      return form && lemma ? [{ form, lemma }] : [];
    });
}
