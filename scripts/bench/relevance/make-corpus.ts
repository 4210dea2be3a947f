import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { readCorpusText } from '../../../src/corpus/corpus-file.ts';
import type { Corpus, Publication } from '../../../src/corpus/schema.ts';

/**
 * Builds the judged bench's corpus (docs/benchmarking.md, "Judged relevance"): the demo corpus
 * plus real public text with a licence we can name, written in the app's corpus format:
 *
 * - UD_Belarusian-HSE (CC BY-SA 4.0): telegraf.by news (2011), Radio Svaboda's, "Абарона
 *   Курапатаў"'s and other Telegram posts (2017–2020; official and classical spelling), two laws of
 *   the Republic of Belarus cut into articles, Belarusian Wikipedia articles, poetry;
 * - UD_Russian-GSD (CC BY-SA 4.0): Russian Wikipedia sentences (the treebank keeps no documents,
 *   so each sentence of 10 words or more is one short entry);
 * - UD_Russian-Taiga (CC BY-SA 4.0): encyclopedia articles and fiction, grouped by source;
 * - UD_English-EWT (CC BY-SA 4.0): weblogs, newsgroups, e-mails, reviews, answers;
 * - dataout-org/rf_court_cases (CC BY-SA 4.0): the table of 42 Russian first-instance criminal
 *   cases of 2021–2022 with crimes motivated by the victim's sexual orientation or gender identity,
 *   one record per case (an "event table").
 *
 * The treebanks' .conllu files are read from a folder (`--sources`), copied out of the public
 * repositories at the commits named in bench/relevance/README.md; the output is committed, so the
 * bench itself reads nothing from outside. Run once, by hand:
 *
 *   npx tsx scripts/bench/relevance/make-corpus.ts --sources DIR --out bench/relevance/corpus.json.gz
 */

type Sentence = {
  id: string;
  text: string;
  /** Comment lines since the previous sentence (`genre`, `doc_id`, `timestamp`, `newdoc`…). */
  meta: Record<string, string>;
  newpar: boolean;
};

function* sentences(file: string): Generator<Sentence> {
  let meta: Record<string, string> = {};
  let newpar = false;
  let id = '';
  let text = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# ')) {
      const body = line.slice(2);
      const eq = body.indexOf(' = ');
      const key = (eq < 0 ? body : body.slice(0, eq)).trim();
      const value = eq < 0 ? '' : body.slice(eq + 3).trim();
      if (key === 'sent_id') id = value;
      else if (key === 'text') text = value;
      else if (key.startsWith('newpar')) newpar = true;
      else if (key.startsWith('newdoc')) meta.newdoc = value || 'newdoc';
      else meta[key] = value;
    } else if (line.trim() === '' && id) {
      yield { id, text, meta, newpar };
      meta = {};
      newpar = false;
      id = '';
      text = '';
    }
  }
}

/** Treebank text carries HTML of the Telegram export and LaTeX-like quotes: plain text. */
function clean(text: string): string {
  return text
    .replace(/<a_href="[^"]*">([^<]*)<\/a>/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/``|''|&#39;&#39;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A title from the first sentence: whole when short, else cut at a word near 110 characters. */
function titleOf(first: string): string {
  if (first.length <= 120) return first;
  const cut = first.lastIndexOf(' ', 110);
  return `${first.slice(0, cut > 40 ? cut : 110)}…`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

type Draft = {
  id: string;
  type: string;
  language: string;
  date: string;
  /** Paragraphs; the first sentence of the first one becomes the title. */
  paragraphs: string[][];
  extra?: Record<string, string>;
};

function publication(draft: Draft): Publication | null {
  const paragraphs = draft.paragraphs
    .map((paragraph) => paragraph.map(clean).filter((s) => s.length > 0))
    .filter((paragraph) => paragraph.length > 0);
  const first = paragraphs[0]?.[0];
  if (!first || !/\p{L}{2}/u.test(paragraphs.flat().join(' '))) return null;
  const title = titleOf(first);
  // The title is the first sentence; the body holds everything (a record shows its whole text).
  const body = paragraphs.map((p) => `<p>${escape(p.join(' '))}</p>`).join('');
  return {
    id: draft.id,
    title,
    type: draft.type,
    organizations: [],
    date: draft.date,
    language: draft.language,
    body,
    ...draft.extra,
    // Extra fields (source, spelling) are allowed by the format; main() validates the whole file.
  } as Publication;
}

// --- Belarusian: UD_Belarusian-HSE -----------------------------------------------------------------
function telegramDate(timestamp: string | undefined): string | null {
  const match = /^(\d\d)\.(\d\d)\.(\d{4})/.exec(timestamp ?? '');
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

const BE_SOURCES: Record<string, string> = {
  'Радыё Свабода — Беларусь': 'svaboda',
  'Радыё Свабода': 'svaboda',
  'Абарона Курапатаў': 'kurapaty',
  'Арт Сядзіба': 'art-siadziba',
  'Belarus history': 'belarus-history',
  BelarusDocs: 'belarusdocs',
};

function belarusian(files: string[]): Draft[] {
  const drafts: Draft[] = [];
  let key = '';
  let author = '';
  let timestamp = '';
  let lawTitle = '';
  let lawDate = '';
  let pendingArticle = '';
  const open = (draft: Draft) => drafts.push(draft);
  /** Adds a sentence to the publication opened last. */
  const add = (text: string, newParagraph: boolean) => {
    const current = drafts.at(-1);
    if (!current) return;
    if (newParagraph || current.paragraphs.length === 0) current.paragraphs.push([text]);
    else current.paragraphs.at(-1)?.push(text);
  };
  for (const file of files) {
    for (const s of sentences(file)) {
      if (s.meta.author) author = s.meta.author;
      if (s.meta.timestamp) timestamp = s.meta.timestamp;
      const genre = s.meta.genre ?? '';
      const spelling = s.meta.spelling === 'tar' ? 'classical (taraškievica)' : 'official';
      const telegraf = /^telegraf-(\d{4})(\d\d)(\d\d)(\d\d)/.exec(s.id);
      if (telegraf) {
        const docKey = `telegraf-${telegraf.slice(1).join('')}`;
        if (docKey !== key) {
          key = docKey;
          open({
            id: `be-${docKey}`,
            type: 'news',
            language: 'be',
            date: `${telegraf[1]}-${telegraf[2]}-${telegraf[3]}`,
            paragraphs: [],
            extra: { source: 'telegraf.by via UD_Belarusian-HSE', spelling },
          });
        }
        add(s.text, s.newpar);
        continue;
      }
      if (s.meta.doc_id) {
        const sourceSlug = BE_SOURCES[author.replace(/ via .*/, '')] ?? slug(author);
        key = `post-${sourceSlug}-${s.meta.doc_id}`;
        open({
          id: `be-${sourceSlug}-${s.meta.doc_id}`,
          type: genre === 'news' ? 'news' : 'social-post',
          language: 'be',
          date: telegramDate(timestamp) ?? '2020',
          paragraphs: [],
          extra: { source: `Telegram: ${author} via UD_Belarusian-HSE`, spelling },
        });
        add(s.text, false);
        continue;
      }
      if (genre === 'legal') {
        const law = /^rnc-para-zakony-(\d+)/.exec(s.id)?.[1] ?? '0';
        if (/^Закон Рэспубл/.test(s.text)) {
          lawTitle = s.text;
          lawDate = '';
          key = `law-${law}-head`;
          open({
            id: `be-law-${law}-preamble`,
            type: 'law',
            language: 'be',
            date: '2002',
            paragraphs: [],
            extra: { source: 'Laws of the Republic of Belarus via UD_Belarusian-HSE', spelling },
          });
          add(s.text, false);
          continue;
        }
        const year = /(\d{4}) года/.exec(s.text)?.[1];
        if (year && !lawDate) lawDate = year;
        if (lawTitle === 'Закон Рэспублiкi Беларусь') {
          // The law's name on the line after "Закон Рэспублiкi Беларусь": both are the title.
          lawTitle = `${lawTitle} ${s.text}`;
          drafts.at(-1)?.paragraphs[0]?.splice(0, 1, lawTitle);
          continue;
        }
        const article = /^Артыкул (\d+)\./.exec(s.text);
        if (article) {
          key = `law-${law}-${article[1]}`;
          pendingArticle = s.text;
          open({
            id: `be-law-${law}-article-${article[1]}`,
            type: 'law',
            language: 'be',
            date: lawDate || '2002',
            paragraphs: [],
            extra: { source: 'Laws of the Republic of Belarus via UD_Belarusian-HSE', spelling },
          });
          continue;
        }
        if (pendingArticle) {
          // The article's heading follows its number: both, and the law's name, make the title.
          add(`${pendingArticle} ${s.text} (${lawTitle})`, true);
          pendingArticle = '';
          continue;
        }
        add(s.text, s.newpar);
        continue;
      }
      // The rest of a Telegram post (its first sentence carries `doc_id`).
      if (genre !== 'wiki' && drafts.length > 0 && key.startsWith('post-')) {
        add(s.text, s.newpar);
        continue;
      }
      // Wikipedia articles: one starts at a short line without final punctuation (its name).
      const heading = s.text.split(' ').length <= 6 && !/[.!?…:;»"]$/.test(s.text);
      if (drafts.length === 0 || heading || !key.startsWith(genre)) {
        key = `${genre}-${s.id}`;
        open({
          id: `be-${slug(s.id)}`,
          type: genre === 'wiki' ? 'encyclopedia' : genre === 'poetry' ? 'literature' : 'news',
          language: 'be',
          date: '2020',
          paragraphs: [],
          extra: { source: `${genre || 'text'} via UD_Belarusian-HSE`, spelling },
        });
      }
      add(s.text, false);
    }
  }
  return drafts;
}

// --- Russian: UD_Russian-GSD and UD_Russian-Taiga ---------------------------------------------------
function russianWikipedia(files: string[]): Draft[] {
  const drafts: Draft[] = [];
  for (const file of files) {
    for (const s of sentences(file)) {
      if (s.text.split(/\s+/).length < 10) continue;
      drafts.push({
        id: `ru-gsd-${slug(s.id)}`,
        type: 'encyclopedia',
        language: 'ru',
        date: '2016',
        paragraphs: [[s.text]],
        extra: { source: 'Russian Wikipedia via UD_Russian-GSD' },
      });
    }
  }
  return drafts;
}

function russianTaiga(files: string[]): Draft[] {
  const drafts: Draft[] = [];
  let key = '';
  let current: Draft | null = null;
  for (const file of files) {
    for (const s of sentences(file)) {
      // Social-media and poetry sentences are shuffled in the treebank: no documents to rebuild.
      if (/^\d+$/.test(s.id) || /^(instagram|poetry|social)/.test(s.id)) continue;
      const prefix = s.id.replace(/-\d+$/, '');
      if (prefix !== key || !current) {
        key = prefix;
        const genre = s.meta.genre ?? '';
        current = {
          id: `ru-taiga-${slug(s.id)}`,
          type: genre.startsWith('fiction') ? 'literature' : 'encyclopedia',
          language: 'ru',
          date: '2017',
          paragraphs: [[]],
          extra: { source: 'UD_Russian-Taiga' },
        };
        drafts.push(current);
      }
      if (s.newpar && (current.paragraphs.at(-1)?.length ?? 0) > 0) current.paragraphs.push([]);
      current.paragraphs.at(-1)?.push(s.text);
    }
  }
  return drafts;
}

// --- English: UD_English-EWT -----------------------------------------------------------------------
const EWT_TYPES: Record<string, string> = {
  weblog: 'blog-post',
  newsgroup: 'forum-post',
  email: 'email',
  reviews: 'review',
  answers: 'forum-post',
};

function english(files: string[]): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  for (const file of files) {
    for (const s of sentences(file)) {
      if (s.meta.newdoc || !current) {
        const doc = s.meta.newdoc ?? s.id.replace(/-\d+$/, '');
        const kind = doc.split('-')[0] ?? '';
        const stamp =
          /_(\d{4})(\d\d)(\d\d)\d*_ENG/.exec(doc) ?? /(20\d\d)(\d\d)(\d\d)\d{6}/.exec(doc);
        current = {
          id: `en-ewt-${slug(doc)}`,
          type: EWT_TYPES[kind] ?? 'forum-post',
          language: 'en',
          date: stamp ? `${stamp[1]}-${stamp[2]}-${stamp[3]}` : kind === 'email' ? '2001' : '2008',
          paragraphs: [[]],
          extra: { source: `${kind} via UD_English-EWT` },
        };
        drafts.push(current);
      }
      if (s.newpar && (current.paragraphs.at(-1)?.length ?? 0) > 0) current.paragraphs.push([]);
      current.paragraphs.at(-1)?.push(s.text);
    }
  }
  return drafts;
}

// --- Russian court cases: dataout-org/rf_court_cases -----------------------------------------------
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries((header ?? []).map((name, i) => [name, r[i] ?? ''])));
}

function courtCases(file: string): Draft[] {
  return parseCsv(readFileSync(file, 'utf8')).map((row, index) => {
    const tags = (row.crime_description_tags ?? '')
      .split(',')
      .map((tag) => tag.trim().replace(/_/g, ' '))
      .filter(Boolean);
    const place = row.crime_address || 'place not given';
    const [day, month, year] = (row.adm_date ?? '').split('.');
    const date = year ? `${year}-${month}-${day}` : row.crime_year || '2021';
    const line = (label: string, value: string | undefined) =>
      value && value.trim() ? `${label}: ${value.trim()}.` : '';
    return {
      id: `en-sogi-case-${index + 1}-${slug(row.case_id_text ?? '')}`,
      type: 'court-case',
      language: 'en',
      date,
      paragraphs: [
        [
          `Russian criminal case ${row.case_id_text} (${place}): ${tags.join(', ')}; Criminal Code ${row.articles}`,
        ],
        [
          line('Court', row.court_website),
          line('Received by the court', row.adm_date),
          line('Date of the crime', row.crime_date || row.crime_year),
          line('Place', place),
          line('Accused', row.accused_n),
          line('Committed by a group', row.crime_group === 'True' ? 'yes' : 'no'),
          line('Victims', row.victim_n),
          line('Victims who died', row.victim_n_dead),
          line('What happened', tags.join(', ')),
          line('Hate motive indicated', row.hate_motive === 'True' ? 'yes' : 'no'),
          line(
            "Markers of the victim's sexual orientation or gender identity",
            row.victim_sogi_markers,
          ),
          line('Who says so', row.victim_sogi_source),
          line('Notes', row.notes),
        ].filter(Boolean),
      ],
      extra: {
        source:
          'dataout-org/rf_court_cases, sogi_based_crimes_21_22.csv (CC BY-SA 4.0): crimes motivated by the sexual orientation or gender identity of the victim in Russian court decisions of 2021–2022',
      },
    };
  });
}

// --- The corpus --------------------------------------------------------------------------------------
const NEW_TYPES = [
  { id: 'social-post', label: 'Social media post', labels: { be: 'Допіс', ru: 'Пост' } },
  { id: 'law', label: 'Legal text', labels: { be: 'Прававы акт', ru: 'Правовой акт' } },
  {
    id: 'encyclopedia',
    label: 'Encyclopedia entry',
    labels: { be: 'Энцыклапедыя', ru: 'Энциклопедия' },
  },
  { id: 'literature', label: 'Literature', labels: { be: 'Літаратура', ru: 'Литература' } },
  { id: 'blog-post', label: 'Blog post', labels: { be: 'Блог', ru: 'Блог' } },
  { id: 'forum-post', label: 'Forum post', labels: { be: 'Форум', ru: 'Форум' } },
  { id: 'email', label: 'E-mail', labels: { be: 'Ліст', ru: 'Письмо' } },
  { id: 'review', label: 'Review', labels: { be: 'Водгук', ru: 'Отзыв' } },
  { id: 'court-case', label: 'Court case', labels: { be: 'Судовая справа', ru: 'Судебное дело' } },
];

function main() {
  const { values } = parseArgs({
    options: {
      sources: { type: 'string' },
      out: { type: 'string', default: 'bench/relevance/corpus.json.gz' },
    },
  });
  if (!values.sources) throw new Error('--sources DIR (the .conllu files and sogi.csv)');
  const dir = values.sources;
  const file = (name: string) => path.join(dir, name);
  const demo = JSON.parse(readFileSync('data/corpus.json', 'utf8')) as Corpus;
  const drafts = [
    ...belarusian([file('be_hse-ud-dev.conllu'), file('be_hse-ud-test.conllu')]),
    ...russianWikipedia([file('ru_gsd-ud-dev.conllu'), file('ru_gsd-ud-test.conllu')]),
    ...russianTaiga([file('ru_taiga-ud-dev.conllu'), file('ru_taiga-ud-test.conllu')]),
    ...english([file('en_ewt-ud-dev.conllu'), file('en_ewt-ud-test.conllu')]),
    ...courtCases(file('sogi.csv')),
  ];
  const seen = new Set(demo.publications.map((p) => p.id));
  const added: Publication[] = [];
  for (const draft of drafts) {
    const made = publication(draft);
    if (!made) continue;
    let id = made.id;
    for (let n = 2; seen.has(id); n++) id = `${made.id}-${n}`;
    seen.add(id);
    added.push({ ...made, id });
  }
  const corpus = {
    ...demo,
    name: 'Statement Explorer judged relevance bench',
    types: [...demo.types, ...NEW_TYPES.filter((t) => !demo.types.some((d) => d.id === t.id))],
    publications: [
      ...demo.publications.map((p) => ({ ...p, source: 'demo corpus (data/corpus.json)' })),
      ...added,
    ],
  };
  const text = JSON.stringify(corpus);
  const checked = readCorpusText(text);
  if (!checked.ok) {
    for (const problem of checked.problems.slice(0, 20))
      console.error(`${problem.path}: ${problem.message}`);
    throw new Error('the corpus is not valid');
  }
  writeFileSync(values.out, gzipSync(text, { level: 9 }));
  const counts = new Map<string, number>();
  for (const p of corpus.publications) {
    const k = `${p.language ?? 'en'} ${p.type}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  console.log(`${values.out}: ${corpus.publications.length} publications, ${text.length} bytes`);
  for (const [k, n] of [...counts].sort()) console.log(`  ${k}: ${n}`);
}

main();
