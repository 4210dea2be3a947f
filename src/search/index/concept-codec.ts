import { VarintReader, VarintWriter } from './varint.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A glossary concept as the build writes it for the reader (`glossary/c<n>.bin`): each of its
 * terms, the stems of its words (stop words left out), and the publications holding every one of
 * those words, with where (FIELD bits, and IN_BODY). A query that names the concept in one term
 * finds, through the others, the publications that name it another way or in another language.
 */
export type ConceptTerm = {
  language: string;
  text: string;
  stems: string[];
  docs: Uint32Array;
  fields: Uint8Array;
};

const CONCEPT_VERSION = 1;

function writeString(out: VarintWriter, text: string) {
  const bytes = encoder.encode(text);
  out.write(bytes.length);
  out.writeBytes(bytes);
}

function readString(reader: VarintReader): string {
  return decoder.decode(reader.readBytes(reader.read()));
}

/** Per term: language, text, stems, then its publications as (gap × 16 + fields). */
export function encodeConcept(terms: readonly ConceptTerm[]): Uint8Array {
  const out = new VarintWriter(256);
  out.write(CONCEPT_VERSION);
  out.write(terms.length);
  for (const term of terms) {
    writeString(out, term.language);
    writeString(out, term.text);
    out.write(term.stems.length);
    for (const stem of term.stems) writeString(out, stem);
    out.write(term.docs.length);
    let previous = -1;
    term.docs.forEach((doc, index) => {
      out.write((doc - previous - 1) * 16 + (term.fields[index] ?? 0));
      previous = doc;
    });
  }
  return out.finish();
}

export function decodeConcept(bytes: Uint8Array): ConceptTerm[] {
  const reader = new VarintReader(bytes, 0);
  const version = reader.read();
  if (version !== CONCEPT_VERSION) throw new Error(`concept version ${version} is not known`);
  const count = reader.read();
  const terms: ConceptTerm[] = [];
  for (let t = 0; t < count; t++) {
    const language = readString(reader);
    const text = readString(reader);
    const stems = Array.from({ length: reader.read() }, () => readString(reader));
    const postings = reader.read();
    const docs = new Uint32Array(postings);
    const fields = new Uint8Array(postings);
    let previous = -1;
    for (let i = 0; i < postings; i++) {
      const value = reader.read();
      previous += Math.floor(value / 16) + 1;
      docs[i] = previous;
      fields[i] = value % 16;
    }
    terms.push({ language, text, stems, docs, fields });
  }
  if (!reader.done) throw new RangeError('concept: bytes left after the last term');
  return terms;
}
