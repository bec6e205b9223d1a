import lunr from 'lunr';
import { analyze, stems } from './text.ts';
import { VocabularyTrie } from './vocabularyTrie.ts';

/**
 * A lunr-built index over documents whose fields are analysed by our own normalizer, compiled into
 * per-term postings in flat typed arrays (CSR: term → a slice of documents and weights).
 *
 * lunr's default search scores every document containing any query term through per-field vectors,
 * and its index costs ~2.4 GB at 50k passages. Here every BM25 field weight is computed as lunr's
 * builder computes it (its formula, defaults and rounding, from the corpus-wide statistics), so each
 * is the one a single lunr index would hold, without lunr's per-document objects; a document's
 * field weights for a term are summed into its posting. A query is then a handful of array walks
 * with top-k accumulation.
 */

/** A field of a document and how much a match in it counts. */
export interface FieldSpec {
  readonly name: string;
  readonly boost: number;
}

/** A document to index: a ref and each field's text, or its stems when they are analysed already. */
export interface IndexDoc {
  readonly ref: string;
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
}

/** A query term: a stem that is in the index, and how much it counts. */
export interface WeightedTerm {
  readonly stem: string;
  readonly weight: number;
}

/** A scored document, by its position in the indexed list. */
export interface Hit {
  readonly doc: number;
  readonly score: number;
}

/**
 * An index as plain arrays: what is saved to disk and passed between threads. The postings of
 * `terms[t]` are `docs`/`weights` from `offsets[t]` to `offsets[t + 1]`, documents ascending; a
 * weight is the sum over fields of lunr's BM25 field weight.
 */
export interface IndexData {
  /** Indexed stems, sorted as lunr sorts its vocabulary. */
  readonly terms: readonly string[];
  readonly offsets: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float32Array;
  /** The ref of each document, by position. */
  readonly refs: readonly string[];
}

/** The lunr index of a document list, compiled into postings. */
export class SearchIndex {
  private readonly scores: Float64Array;
  /** `seen[doc] === epoch` when `doc` was scored by the current search; saves clearing `scores`. */
  private readonly seen: Uint32Array;
  private readonly touched: Int32Array;
  private epoch = 0;

  private constructor(private readonly data: IndexData) {
    this.scores = new Float64Array(data.refs.length);
    this.seen = new Uint32Array(data.refs.length);
    this.touched = new Int32Array(data.refs.length);
  }

  /** Indexes documents with the given fields; refs must be unique. */
  static build(docs: Iterable<IndexDoc>, fields: readonly FieldSpec[]): SearchIndex {
    return new SearchIndex(compile(analyseAll(docs, fields), fields));
  }

  /**
   * An index from its arrays (a saved index, or one built in another thread).
   * @throws when the arrays are not a consistent index, so a damaged file is never trusted.
   */
  static fromData(data: IndexData): SearchIndex {
    checkData(data);
    return new SearchIndex(data);
  }

  /** The arrays of this index (shared, not copied). */
  toData(): IndexData {
    return this.data;
  }

  /** The ref of the document at a position. */
  ref(doc: number): string {
    return this.data.refs[doc] as string;
  }

  /** Number of documents. */
  get size(): number {
    return this.data.refs.length;
  }

  /** Number of documents that contain the stem, 0 when it is not in the index. */
  documentFrequency(stem: string): number {
    const t = this.termId(stem);
    return t === undefined ? 0 : (this.data.offsets[t + 1] as number) - (this.data.offsets[t] as number);
  }

  /** The documents that contain the stem, in index order (a view of the index's own array: not to be changed). */
  documentsWith(stem: string): Int32Array {
    const t = this.termId(stem);
    return t === undefined ? new Int32Array(0) : this.data.docs.subarray(this.data.offsets[t] as number, this.data.offsets[t + 1] as number);
  }

  /** Inverse document frequency of a stem, as lunr computes it; unknown stems get the highest value. */
  idf(stem: string): number {
    const df = this.documentFrequency(stem);
    return Math.log(1 + Math.abs((this.size - df + 0.5) / (df + 0.5)));
  }

  /** The idf of a stem no document contains: the most a term can weigh. */
  maxIdf(): number {
    return Math.log(1 + (this.size + 0.5) / 0.5);
  }

  /**
   * The indexed stems within `distance` edits of `stem` that begin with the same character (lunr's own
   * fuzzy matching, over the vocabulary seen as a trie). A typo rarely changes the first letter, and
   * allowing it turns real words into others ("prefer" → "refer").
   */
  similarTerms(stem: string, distance: number): string[] {
    const { TokenSet } = lunr as unknown as LunrTokenSets;
    const first = stem.charAt(0);
    if (first === '') return [];
    const { terms } = this.data;
    const vocabulary = new VocabularyTrie(terms, lowerBound(terms, first), lowerBound(terms, String.fromCharCode(first.charCodeAt(0) + 1)), 0);
    return TokenSet.prototype.intersect.call(vocabulary, TokenSet.fromFuzzyString(stem, distance)).toArray();
  }

  /**
   * The position of a stem in the sorted vocabulary. A binary search rather than a map: a map of a
   * large vocabulary takes a tenth of a second to build when an index is loaded, and a question
   * looks up a few dozen stems.
   */
  private termId(stem: string): number | undefined {
    const at = lowerBound(this.data.terms, stem);
    return this.data.terms[at] === stem ? at : undefined;
  }

  /** Scores documents by the weighted sum of their term weights; returns the best `k`, best first. */
  search(terms: readonly WeightedTerm[], k: number, filter?: (doc: number) => boolean): Hit[] {
    if (k < 1) return [];
    const { offsets, docs, weights } = this.data;
    const { scores, seen, touched } = this;
    if (this.epoch === 0xffffffff) {
      seen.fill(0);
      this.epoch = 0;
    }
    const epoch = ++this.epoch;
    let count = 0;
    for (const { stem, weight } of terms) {
      const t = this.termId(stem);
      if (t === undefined) continue;
      const end = offsets[t + 1] as number;
      for (let i = offsets[t] as number; i < end; i++) {
        const doc = docs[i] as number;
        const add = weight * (weights[i] as number);
        if (seen[doc] === epoch) {
          scores[doc] = (scores[doc] as number) + add;
        } else {
          seen[doc] = epoch;
          scores[doc] = add;
          touched[count++] = doc;
        }
      }
    }
    return topK(touched, count, scores, k, filter);
  }
}

/** The first position in sorted `terms` whose term is not below `value`. */
function lowerBound(terms: readonly string[], value: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((terms[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The parts of lunr's API that @types/lunr leaves out. */
interface LunrTokenSets {
  TokenSet: {
    fromFuzzyString(str: string, editDistance: number): lunr.TokenSet;
    /** Reads only `edges` and `final` of the token set it is called on, which may be a {@link VocabularyTrie}. */
    prototype: { intersect(this: lunr.TokenSet | VocabularyTrie, other: lunr.TokenSet): lunr.TokenSet };
  };
}

/**
 * A lunr builder configured as our index is: our analyzer does tokenizing, stop words, aliases and
 * stemming (the same for questions), so lunr's own pipelines are emptied. The reference for
 * benchmarks and tests: `builder.add(...)` then `builder.build()` gives lunr's complete index, whose
 * weights the postings hold.
 */
export function lunrBuilder(fields: readonly FieldSpec[]): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.tokenizer = tokens as typeof lunr.tokenizer;
  builder.ref('ref');
  for (const field of fields) builder.field(field.name, { boost: field.boost });
  return builder;
}

/** A field's text as lunr tokens, analysed by our analyzer. */
function tokens(value?: unknown): lunr.Token[] {
  return analyze(typeof value === 'string' ? value : '').map((t) => new lunr.Token(t.stem, {}));
}

/** Every document analysed once, with the corpus-wide statistics lunr's weights depend on. */
interface Analysed {
  readonly refs: string[];
  /** Terms by id, in first-seen order. */
  readonly terms: string[];
  /** The documents' fields as term ids, one field after another; `fieldStarts[d * F + f]` opens each. */
  readonly stream: Int32Array;
  readonly fieldStarts: Int32Array;
  /** Per term: (document, field) pairs that contain it, which is lunr's document frequency. */
  readonly fieldDocs: Int32Array;
  /** Per term: documents that contain it, the length of its postings. */
  readonly docFreq: Int32Array;
  /** Per field: average length in terms. */
  readonly averageLength: Record<string, number>;
}

function analyseAll(docs: Iterable<IndexDoc>, fields: readonly FieldSpec[]): Analysed {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const refs: string[] = [];
  const stream = new GrowableInts();
  const fieldStarts = new GrowableInts();
  const fieldDocs = new GrowableInts();
  const docFreq = new GrowableInts();
  const lastField = new GrowableInts();
  const lastDoc = new GrowableInts();
  const totals = fields.map(() => 0);
  for (const doc of docs) {
    const d = refs.length;
    refs.push(doc.ref);
    fields.forEach((field, f) => {
      fieldStarts.push(stream.length);
      const value = doc.fields[field.name];
      const fieldRef = d * fields.length + f + 1;
      for (const stem of typeof value === 'string' ? stems(value) : (value ?? [])) {
        let id = termIds.get(stem);
        if (id === undefined) {
          id = terms.length;
          termIds.set(stem, id);
          terms.push(stem);
          for (const counts of [fieldDocs, docFreq, lastField, lastDoc]) counts.push(0);
        }
        stream.push(id);
        if (lastField.at(id) !== fieldRef) {
          lastField.set(id, fieldRef);
          fieldDocs.set(id, fieldDocs.at(id) + 1);
        }
        if (lastDoc.at(id) !== d + 1) {
          lastDoc.set(id, d + 1);
          docFreq.set(id, docFreq.at(id) + 1);
        }
      }
      totals[f] = (totals[f] as number) + stream.length - fieldStarts.at(fieldStarts.length - 1);
    });
  }
  fieldStarts.push(stream.length);
  // lunr: total field length over the documents that have the field, which is all of them.
  const averageLength = Object.fromEntries(fields.map((field, f) => [field.name, (totals[f] as number) / refs.length]));
  return {
    refs,
    terms,
    stream: stream.values(),
    fieldStarts: fieldStarts.values(),
    fieldDocs: fieldDocs.values(),
    docFreq: docFreq.values(),
    averageLength,
  };
}

/** lunr.Builder's BM25 parameters, which `lunrBuilder` leaves at lunr's defaults. */
const LUNR_K1 = 1.2;
const LUNR_B = 0.75;

/**
 * Builds the postings. A term's weight in a document's field is computed operation for operation as
 * `lunr.Builder#createFieldVectors` and `lunr.idf` compute it (the test compares every weight with
 * lunr's own index): idf from the (document, field) pairs that hold the term, the term's count in
 * the field, the field's length against the average, the field's boost, rounded to three decimals.
 * A document's field weights for a term are summed in field order.
 */
function compile(a: Analysed, fields: readonly FieldSpec[]): IndexData {
  const n = a.refs.length;
  const order = a.terms.map((_, i) => i).sort((x, y) => (a.terms[x] as string) < (a.terms[y] as string) ? -1 : 1);
  const rankOf = new Int32Array(a.terms.length);
  const offsets = new Int32Array(a.terms.length + 1);
  order.forEach((id, rank) => {
    rankOf[id] = rank;
    offsets[rank + 1] = (offsets[rank] as number) + (a.docFreq[id] as number);
  });
  const idf = Float64Array.from(a.fieldDocs, (df) => Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5))));
  const total = offsets[a.terms.length] as number;
  const docs = new Int32Array(total);
  // Field weights are summed in double precision, then stored once as floats.
  const sums = new Float64Array(total);
  const cursor = offsets.slice(0, a.terms.length);
  // A field's term counts, and its terms in first-seen order, reset after each field.
  const counts = new Int32Array(a.terms.length);
  const inField = new Int32Array(a.terms.length);

  for (let d = 0; d < n; d++) {
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f] as FieldSpec;
      const from = a.fieldStarts[d * fields.length + f] as number;
      const to = a.fieldStarts[d * fields.length + f + 1] as number;
      let distinct = 0;
      for (let i = from; i < to; i++) {
        const id = a.stream[i] as number;
        if (counts[id] === 0) inField[distinct++] = id;
        counts[id] = (counts[id] as number) + 1;
      }
      const lengthNorm = LUNR_K1 * (1 - LUNR_B + LUNR_B * ((to - from) / (a.averageLength[field.name] as number)));
      const boost = field.boost || 1;
      for (let j = 0; j < distinct; j++) {
        const id = inField[j] as number;
        const tf = counts[id] as number;
        counts[id] = 0;
        const score = ((idf[id] as number) * ((LUNR_K1 + 1) * tf)) / (lengthNorm + tf) * boost;
        const weight = Math.round(score * 1000) / 1000;
        const rank = rankOf[id] as number;
        const at = cursor[rank] as number;
        if (at > (offsets[rank] as number) && docs[at - 1] === d) {
          sums[at - 1] = (sums[at - 1] as number) + weight;
        } else {
          docs[at] = d;
          sums[at] = weight;
          cursor[rank] = at + 1;
        }
      }
    }
  }
  return { terms: order.map((id) => a.terms[id] as string), offsets, docs, weights: Float32Array.from(sums), refs: a.refs };
}

/** Best `k` of the scored documents, ties broken by document order so results are stable. */
function topK(touched: Int32Array, count: number, scores: Float64Array, k: number, filter?: (doc: number) => boolean): Hit[] {
  const hits: Hit[] = [];
  for (let j = 0; j < count; j++) {
    const doc = touched[j] as number;
    const score = scores[doc] as number;
    if (hits.length === k && score <= (hits[k - 1] as Hit).score) continue;
    if (filter && !filter(doc)) continue;
    let i = hits.length < k ? hits.length : k - 1;
    while (i > 0 && ((hits[i - 1] as Hit).score < score || ((hits[i - 1] as Hit).score === score && (hits[i - 1] as Hit).doc > doc))) {
      hits[i] = hits[i - 1] as Hit;
      i--;
    }
    hits[i] = { doc, score };
  }
  return hits;
}

/** Checks the shape of index arrays: sizes agree, offsets ascend, documents are in range and ascend per term. */
function checkData(data: IndexData): void {
  const { terms, offsets, docs, weights, refs } = data;
  const fail = (what: string) => {
    throw new Error(`inconsistent index data: ${what}`);
  };
  if (offsets.length !== terms.length + 1 || offsets[0] !== 0) fail('offsets');
  if (offsets[terms.length] !== docs.length || weights.length !== docs.length) fail('postings length');
  for (let t = 0; t < terms.length; t++) {
    const from = offsets[t] as number;
    const to = offsets[t + 1] as number;
    if (to <= from) fail(`empty postings for "${terms[t]}"`);
    if (t > 0 && !((terms[t - 1] as string) < (terms[t] as string))) fail('vocabulary order');
    let last = -1;
    for (let i = from; i < to; i++) {
      const doc = docs[i] as number;
      if (doc <= last || doc >= refs.length) fail(`documents of "${terms[t]}"`);
      last = doc;
    }
  }
  for (let i = 0; i < weights.length; i++) if (!Number.isFinite(weights[i])) fail('weights');
}

/** An Int32Array that grows as values are pushed (a plain array of millions of numbers is far larger). */
class GrowableInts {
  private buffer = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Int32Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = value;
  }

  at(i: number): number {
    return this.buffer[i] as number;
  }

  set(i: number, value: number): void {
    this.buffer[i] = value;
  }

  /** The values, in an array of their own length. */
  values(): Int32Array {
    return this.buffer.slice(0, this.length);
  }
}
