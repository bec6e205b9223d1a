import { buildIndexes, loadEngine, saveIndexes, type Engine } from '../core/engine.ts';
import type { IndexData } from '../core/searchIndex.ts';
import { analyseClauses, analysePassage } from '../core/passageStems.ts';
import { storeClauseStems, type ClauseStems, type SentenceStems } from '../core/stemCache.ts';
import type { Brief, Corpus, Passage, Sentence, SkippedFile } from '../core/types.ts';

/**
 * An engine as a few flat arrays: what the saved index holds, and so what the build worker hands
 * over.
 *
 * Decoding is cheap and runs in slices: a few objects are made per passage, brief by brief, yielding
 * to the event loop between slices, so the thread that decodes a 50k-section engine keeps answering
 * meanwhile.
 */

/** An index's arrays, its strings as UTF-8 lines. */
export interface EncodedIndex {
  readonly terms: Uint8Array;
  readonly refs: Uint8Array;
  readonly offsets: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float32Array;
}

/** A corpus's briefs and sentences as flat arrays. */
export interface EncodedBriefs {
  /** One JSON line per brief, its sentences replaced by their count (their text is in `text`). */
  readonly briefs: Uint8Array;
  /** Byte offset in `briefs` where each brief's line ends. */
  readonly briefEnds: Int32Array;
  /** The sentences' texts, UTF-8, concatenated in corpus order. */
  readonly text: Uint8Array;
  /** Byte offset in `text` where each passage's sentences end, passages in corpus order. */
  readonly passageEnds: Int32Array;
  /** Length of each sentence in UTF-16 code units (JavaScript string length). */
  readonly sentenceLengths: Int32Array;
  /** Offset of each sentence in its brief's folded text (`Sentence.at`). */
  readonly sentenceAt: Int32Array;
  /** Per sentence: the number of citations, then the citations. */
  readonly citations: Int32Array;
  /** The corpus's skipped files, as JSON. */
  readonly skipped: Uint8Array;
}

/** The clause stems of a corpus's sentences as flat arrays. */
export interface EncodedClauseStems {
  /** The distinct stems of the sentences' clause pieces, as a JSON array. */
  readonly stems: Uint8Array;
  /**
   * Per sentence, what `analyseClauses` gave: the number of its clause pieces, then each piece's
   * stems; the number of its spans cut at a word, then each one's piece and stems. Stems as their
   * number, then their positions in `stems`, in the order the analyzer gave them. Every number is a
   * LEB128 varint: most take a byte or two, where 32 bits made the saved index a quarter larger.
   */
  readonly clauseStems: Uint8Array;
  /** The byte where each passage's sentences end in `clauseStems`, passages in corpus order. */
  readonly clauseStemEnds: Int32Array;
}

/** A corpus as flat arrays. */
export interface EncodedCorpus extends EncodedBriefs, EncodedClauseStems {}

/** An engine as flat arrays: its corpus and its two indexes. */
export interface EncodedEngine extends EncodedCorpus {
  readonly passageIndex: EncodedIndex;
  readonly questionIndex: EncodedIndex;
}

/** Names of the typed arrays of an encoded engine, in a fixed order (the saved file's layout). */
export const ENCODED_ARRAYS = [
  'briefs',
  'briefEnds',
  'text',
  'passageEnds',
  'sentenceLengths',
  'sentenceAt',
  'citations',
  'stems',
  'clauseStems',
  'clauseStemEnds',
  'skipped',
  'passageIndex.terms',
  'passageIndex.refs',
  'passageIndex.offsets',
  'passageIndex.docs',
  'passageIndex.weights',
  'questionIndex.terms',
  'questionIndex.refs',
  'questionIndex.offsets',
  'questionIndex.docs',
  'questionIndex.weights',
] as const;

export type EncodedArray = Uint8Array | Int32Array | Float32Array;

/** Briefs decoded between two yields to the event loop. */
const BRIEFS_PER_SLICE = 20;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Loads a corpus and builds its engine, encoded. The corpus is encoded first and its objects let go,
 * then streamed back brief by brief into the index build, so the build's heap holds flat arrays
 * rather than hundreds of thousands of sentence objects. The build analyses each passage's
 * sentences once for its body's stems and its clause stems, which are encoded as it goes.
 */
export async function buildEncoded(load: () => Promise<Corpus>): Promise<EncodedEngine> {
  const corpus = encodeBriefs(await load());
  const clauses = new ClauseStemWriter();
  const { passageIndex, questionIndex } = buildIndexes(decodeBriefs(corpus), (passage) => {
    const analysed = analysePassage(passage.sentences);
    clauses.add(analysed.clauses);
    return analysed.body;
  });
  return { ...corpus, ...clauses.encoded(), passageIndex: encodeIndex(passageIndex.toData()), questionIndex: encodeIndex(questionIndex.toData()) };
}

/** Encodes an engine. @throws when a sentence has fields this format does not carry (nothing is silently lost). */
export function encodeEngine(engine: Engine): EncodedEngine {
  const saved = saveIndexes(engine);
  const clauses = new ClauseStemWriter();
  for (const passage of engine.passages) clauses.add(passage.sentences.map(analyseClauses));
  return {
    ...encodeBriefs(engine.corpus),
    ...clauses.encoded(),
    passageIndex: encodeIndex(saved.passageIndex),
    questionIndex: encodeIndex(saved.questionIndex),
  };
}

function encodeBriefs(corpus: Corpus): EncodedBriefs {
  const lines: string[] = [];
  const texts: string[] = [];
  const briefEnds = new Int32Array(corpus.briefs.length);
  const passageEnds: number[] = [];
  const sentenceLengths: number[] = [];
  const sentenceAt: number[] = [];
  const citations: number[] = [];
  let lineBytes = 0;
  let textBytes = 0;
  corpus.briefs.forEach((brief, i) => {
    const passages = brief.passages.map((p) => {
      const marks = p.sentences.flatMap((sentence, i): Mark[] => (sentence.bullet ? [[i, sentence.label ?? '']] : []));
      return { ...p, sentences: p.sentences.length, ...(marks.length > 0 ? { marks } : {}) };
    });
    const line = `${JSON.stringify({ ...brief, passages })}\n`;
    lines.push(line);
    lineBytes += Buffer.byteLength(line);
    briefEnds[i] = lineBytes;
    for (const passage of brief.passages) {
      for (const sentence of passage.sentences) {
        checkSentence(sentence);
        texts.push(sentence.text);
        textBytes += Buffer.byteLength(sentence.text);
        sentenceLengths.push(sentence.text.length);
        sentenceAt.push(sentence.at);
        citations.push(sentence.citations.length, ...sentence.citations);
      }
      passageEnds.push(textBytes);
    }
  });
  return {
    briefs: utf8.encode(lines.join('')),
    briefEnds,
    text: utf8.encode(texts.join('')),
    passageEnds: Int32Array.from(passageEnds),
    sentenceLengths: Int32Array.from(sentenceLengths),
    sentenceAt: Int32Array.from(sentenceAt),
    citations: Int32Array.from(citations),
    skipped: utf8.encode(JSON.stringify(corpus.skipped)),
  };
}

/**
 * Decodes an engine, yielding to the event loop between slices of briefs.
 * @throws when the arrays do not hold a consistent engine.
 */
export async function decodeEngine(encoded: EncodedEngine): Promise<Engine> {
  const briefs: Brief[] = [];
  for (const brief of decodeBriefs(encoded, encoded)) {
    briefs.push(brief);
    if (briefs.length % BRIEFS_PER_SLICE === 0) await nextTurn();
  }
  const corpus: Corpus = { briefs, skipped: JSON.parse(fromUtf8.decode(encoded.skipped)) as SkippedFile[] };
  await nextTurn();
  const passageIndex = decodeIndex(encoded.passageIndex);
  await nextTurn();
  const questionIndex = decodeIndex(encoded.questionIndex);
  await nextTurn();
  return loadEngine(corpus, { passageIndex, questionIndex });
}

/** A bullet item of a passage: its sentence's position and its label ("" for none). */
type Mark = [number, string];
type PassageLine = Omit<Passage, 'sentences'> & { readonly sentences: number; readonly marks?: readonly Mark[] };
type BriefLine = Omit<Brief, 'passages'> & { readonly passages: readonly PassageLine[] };

/** Where the next passage's data starts in the arrays of an encoded corpus. */
interface Cursor {
  passage: number;
  sentence: number;
  citation: number;
}

/** A saved index's clause stems, and its table of stems, parsed when a passage's clause stems are first read. */
interface StoredClauses {
  readonly clauses: EncodedClauseStems;
  readonly stems: () => readonly string[];
}

/** Passages whose sentences are kept as objects once read; older ones go back to being read from bytes. */
const PASSAGES_KEPT = 4096;

/**
 * Keeps the sentences of the passages read most recently (first in, first out): a hot passage stays
 * read, and a long-running process does not end up holding every sentence of a large corpus.
 */
class RecentlyRead {
  private readonly forgets: ((() => void) | undefined)[];
  private next = 0;

  constructor(size: number) {
    this.forgets = new Array<undefined>(size).fill(undefined);
  }

  /** Keeps a passage read; `forget` drops its sentences when newer ones take its place. */
  keep(forget: () => void): void {
    this.forgets[this.next]?.();
    this.forgets[this.next] = forget;
    this.next = (this.next + 1) % this.forgets.length;
  }
}

/**
 * The briefs of an encoded corpus, one at a time, with their sentences' clause stems when given. A
 * passage's sentences stay bytes until they are read: the thread serving answers holds a few
 * objects per passage, not one per sentence and citation list, so its heap stays small and its
 * collector quick.
 * @throws when the arrays are inconsistent.
 */
function* decodeBriefs(encoded: EncodedBriefs, clauses?: EncodedClauseStems): Generator<Brief> {
  const cursor: Cursor = { passage: 0, sentence: 0, citation: 0 };
  const recent = new RecentlyRead(PASSAGES_KEPT);
  let table: readonly string[] | undefined;
  const stored = clauses && { clauses, stems: () => (table ??= JSON.parse(fromUtf8.decode(clauses.stems)) as string[]) };
  for (let i = 0; i < encoded.briefEnds.length; i++) {
    const line = fromUtf8.decode(encoded.briefs.subarray(i === 0 ? 0 : encoded.briefEnds[i - 1], encoded.briefEnds[i]));
    const brief = JSON.parse(line) as BriefLine;
    yield { ...brief, passages: brief.passages.map((p) => storedPassage(encoded, p, cursor, recent, stored)) };
  }
  const textEnd = encoded.passageEnds.length === 0 ? 0 : encoded.passageEnds[encoded.passageEnds.length - 1];
  if (textEnd !== encoded.text.length) throw new Error('encoded engine: text unused');
  if (
    cursor.passage !== encoded.passageEnds.length ||
    cursor.sentence !== encoded.sentenceLengths.length ||
    encoded.sentenceAt.length !== encoded.sentenceLengths.length ||
    cursor.citation !== encoded.citations.length ||
    (clauses !== undefined &&
      (clauses.clauseStemEnds.length !== encoded.passageEnds.length ||
        (clauses.clauseStemEnds[clauses.clauseStemEnds.length - 1] ?? 0) !== clauses.clauseStems.length))
  ) {
    throw new Error('encoded engine: unused sentences');
  }
}

/** A passage whose sentences are read from the arrays when used. @throws when its data is inconsistent. */
function storedPassage(encoded: EncodedBriefs, line: PassageLine, cursor: Cursor, recent: RecentlyRead, stored: StoredClauses | undefined): Passage {
  const { sentences: count, marks = [], ...fields } = line;
  const start = cursor.passage === 0 ? 0 : (encoded.passageEnds[cursor.passage - 1] as number);
  const clauseEnds = stored?.clauses.clauseStemEnds;
  const clausesStart = cursor.passage === 0 ? 0 : (clauseEnds?.[cursor.passage - 1] ?? 0);
  const clausesEnd = clauseEnds?.[cursor.passage] ?? 0;
  const end = encoded.passageEnds[cursor.passage++];
  const firstSentence = cursor.sentence;
  const firstCitation = cursor.citation;
  let length = 0;
  for (let s = 0; s < count; s++) {
    const sentenceLength = encoded.sentenceLengths[cursor.sentence++];
    const citationCount = encoded.citations[cursor.citation];
    if (sentenceLength === undefined || citationCount === undefined) throw new Error('encoded engine: sentences missing');
    length += sentenceLength;
    cursor.citation += 1 + citationCount;
  }
  if (end === undefined || end < start || end > encoded.text.length || length > end - start || end - start > 3 * length) {
    throw new Error('encoded engine: sentence lengths do not match the text');
  }
  let sentences: readonly Sentence[] | undefined;
  return {
    ...fields,
    get sentences() {
      if (!sentences) {
        sentences = readSentences(encoded, start, end, count, firstSentence, firstCitation, marks);
        if (stored) storeClauseStems(sentences, () => readClauseStems(stored.clauses.clauseStems, clausesStart, clausesEnd, count, stored.stems()));
        recent.keep(() => {
          sentences = undefined;
        });
      }
      return sentences;
    },
  };
}

function readSentences(
  encoded: EncodedBriefs,
  start: number,
  end: number,
  count: number,
  firstSentence: number,
  firstCitation: number,
  marks: readonly Mark[],
): Sentence[] {
  const text = fromUtf8.decode(encoded.text.subarray(start, end));
  const sentences: Sentence[] = [];
  let at = 0;
  let citation = firstCitation;
  for (let s = 0; s < count; s++) {
    const length = encoded.sentenceLengths[firstSentence + s] as number;
    const citations = encoded.citations[citation] as number;
    const mark = marks.find(([i]) => i === s);
    sentences.push({
      text: text.slice(at, at + length),
      citations: Array.from(encoded.citations.subarray(citation + 1, citation + 1 + citations)),
      at: encoded.sentenceAt[firstSentence + s] as number,
      ...(mark ? { bullet: true, ...(mark[1] !== '' ? { label: mark[1] } : {}) } : {}),
    });
    at += length;
    citation += 1 + citations;
  }
  // The lengths were written from these very texts; a mismatch is a build bug, not a user's problem.
  if (at !== text.length) throw new Error('encoded engine: sentence lengths do not match the text');
  return sentences;
}

/**
 * Encodes passages' clause stems, passage by passage in corpus order: each stem by its position in
 * a table of the stems seen, as `EncodedClauseStems` lays them out.
 */
class ClauseStemWriter {
  private readonly positions = new Map<string, number>();
  private readonly varints = new VarintWriter();
  private readonly ends: number[] = [];

  /** Adds the next passage's clause stems, sentence by sentence. */
  add(sentences: readonly SentenceStems[]): void {
    for (const { pieces, cuts } of sentences) {
      this.varints.push(pieces.length);
      for (const stems of pieces) this.pushStems(stems);
      this.varints.push(cuts.size);
      for (const [piece, stems] of cuts) {
        this.varints.push(piece);
        this.pushStems(stems);
      }
    }
    this.ends.push(this.varints.length);
  }

  encoded(): EncodedClauseStems {
    return {
      stems: utf8.encode(JSON.stringify([...this.positions.keys()])),
      clauseStems: this.varints.bytes(),
      clauseStemEnds: Int32Array.from(this.ends),
    };
  }

  private pushStems(stems: ReadonlySet<string>): void {
    this.varints.push(stems.size);
    for (const x of stems) {
      let position = this.positions.get(x);
      if (position === undefined) this.positions.set(x, (position = this.positions.size));
      this.varints.push(position);
    }
  }
}

/** Numbers (0 or more) as LEB128 varints, seven bits a byte and the high bit set on all but the last, in a buffer that grows. */
class VarintWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length + 5 > this.buffer.length) {
      const larger = new Uint8Array(this.buffer.length * 2);
      larger.set(this.buffer);
      this.buffer = larger;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.buffer[this.length++] = rest;
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Reads what a {@link VarintWriter} wrote, from byte `at` on; past the end it reads zeros. */
class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  next(): number {
    let byte = this.bytes[this.at++] ?? 0;
    let value = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = this.bytes[this.at++] ?? 0;
      value |= (byte & 0x7f) << shift;
    }
    return value;
  }
}

/** A passage's clause stems from `clauseStems[start..end)`. @throws when they are not `count` sentences' worth. */
function readClauseStems(clauseStems: Uint8Array, start: number, end: number, count: number, table: readonly string[]): ClauseStems {
  const sentences: SentenceStems[] = [];
  const reader = new VarintReader(clauseStems, start);
  const read = () => {
    const stems = new Set<string>();
    for (let n = reader.next(); n > 0; n--) stems.add(table[reader.next()] as string);
    return stems;
  };
  while (reader.at < end) {
    const pieces: Set<string>[] = [];
    for (let p = reader.next(); p > 0; p--) pieces.push(read());
    const cuts = new Map<number, Set<string>>();
    for (let c = reader.next(); c > 0; c--) cuts.set(reader.next(), read());
    sentences.push({ pieces, cuts });
  }
  if (reader.at !== end || sentences.length !== count) throw new Error('encoded engine: clause stems do not match the sentences');
  return sentences;
}

/** The typed arrays of an encoded engine, in `ENCODED_ARRAYS` order. */
export function encodedArrays(encoded: EncodedEngine): EncodedArray[] {
  return ENCODED_ARRAYS.map((name) => {
    const [head, tail] = name.split('.') as [string, string | undefined];
    const value = (encoded as unknown as Record<string, unknown>)[head];
    return (tail === undefined ? value : (value as Record<string, unknown>)[tail]) as EncodedArray;
  });
}

/** An encoded engine from its typed arrays in `ENCODED_ARRAYS` order. */
export function fromEncodedArrays(arrays: readonly EncodedArray[]): EncodedEngine {
  const out: Record<string, unknown> = { passageIndex: {}, questionIndex: {} };
  ENCODED_ARRAYS.forEach((name, i) => {
    const [head, tail] = name.split('.') as [string, string | undefined];
    if (tail === undefined) out[head] = arrays[i];
    else (out[head] as Record<string, unknown>)[tail] = arrays[i];
  });
  return out as unknown as EncodedEngine;
}

function encodeIndex(data: IndexData): EncodedIndex {
  return {
    terms: utf8.encode(data.terms.join('\n')),
    refs: utf8.encode(data.refs.join('\n')),
    offsets: data.offsets,
    docs: data.docs,
    weights: data.weights,
  };
}

function decodeIndex(encoded: EncodedIndex): IndexData {
  const lines = (bytes: Uint8Array) => (bytes.length === 0 ? [] : fromUtf8.decode(bytes).split('\n'));
  const refs = lines(encoded.refs);
  return { terms: lines(encoded.terms), refs, offsets: encoded.offsets, docs: encoded.docs, weights: encoded.weights };
}

const SENTENCE_FIELDS = new Set(['text', 'citations', 'at', 'bullet', 'label']);

function checkSentence(sentence: Sentence): void {
  const keys = Object.keys(sentence);
  if (keys.some((k) => !SENTENCE_FIELDS.has(k)) || sentence.label !== undefined && sentence.bullet !== true) {
    throw new Error(`cannot encode a sentence with fields ${keys.join(', ')}`);
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
