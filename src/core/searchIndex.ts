import lunr from 'lunr';
import { analyze } from './text.ts';

/**
 * A lunr index over documents whose fields are analysed by our own normalizer, plus the same index
 * flattened into per-term postings. lunr's default search scores every document containing any query
 * term through per-field vectors; the postings hold the same BM25 weights lunr computed, summed over
 * fields, so a query is a handful of array walks with top-k accumulation.
 */

/** A field of a document and how much a match in it counts. */
export interface FieldSpec {
  readonly name: string;
  readonly boost: number;
}

/** A document to index: a ref and the text of each field. */
export interface IndexDoc {
  readonly ref: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** The postings of one term: documents (by position) and their summed field weights. */
interface Postings {
  readonly docs: Int32Array;
  readonly weights: Float32Array;
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

/** The lunr index of a document list and its compiled postings. */
export class SearchIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly refs: readonly string[];

  private constructor(readonly lunrIndex: lunr.Index) {
    const refs: string[] = [];
    const position = new Map<string, number>();
    // lunr's field vectors hold, per field and document, [termIndex, weight, termIndex, weight, ...].
    const termByIndex: string[] = [];
    const inverted = (lunrIndex as unknown as { invertedIndex: Record<string, { _index: number }> }).invertedIndex;
    for (const [term, entry] of Object.entries(inverted)) termByIndex[entry._index] = term;
    const perTerm = new Map<string, Map<number, number>>();
    const fieldVectors = (lunrIndex as unknown as { fieldVectors: Record<string, { elements: number[] }> }).fieldVectors;
    for (const [key, vector] of Object.entries(fieldVectors)) {
      const ref = key.slice(key.indexOf('/') + 1);
      let doc = position.get(ref);
      if (doc === undefined) {
        doc = refs.length;
        refs.push(ref);
        position.set(ref, doc);
      }
      const el = vector.elements;
      for (let i = 0; i < el.length; i += 2) {
        const term = termByIndex[el[i] as number] as string;
        const docs = perTerm.get(term) ?? new Map<number, number>();
        docs.set(doc, (docs.get(doc) ?? 0) + (el[i + 1] as number));
        perTerm.set(term, docs);
      }
    }
    for (const [term, docs] of perTerm) {
      this.postings.set(term, {
        docs: Int32Array.from(docs.keys()),
        weights: Float32Array.from(docs.values()),
      });
    }
    this.refs = refs;
  }

  /** Indexes documents with the given fields; refs must be unique. */
  static build(docs: Iterable<IndexDoc>, fields: readonly FieldSpec[]): SearchIndex {
    const builder = new lunr.Builder();
    // Our analyzer does tokenizing, stop words, aliases and stemming, the same for questions.
    builder.pipeline.reset();
    builder.searchPipeline.reset();
    builder.tokenizer = analysedTokens as typeof lunr.tokenizer;
    builder.ref('ref');
    for (const field of fields) builder.field(field.name, { boost: field.boost });
    for (const doc of docs) builder.add({ ref: doc.ref, ...doc.fields });
    return new SearchIndex(builder.build());
  }

  /** Rebuilds from `lunr.Index#toJSON()` output (a saved index). */
  static load(serialized: object): SearchIndex {
    return new SearchIndex(lunr.Index.load(serialized));
  }

  /** The ref of the document at a position. */
  ref(doc: number): string {
    return this.refs[doc] as string;
  }

  /** Number of documents. */
  get size(): number {
    return this.refs.length;
  }

  /** Number of documents that contain the stem, 0 when it is not in the index. */
  documentFrequency(stem: string): number {
    return this.postings.get(stem)?.docs.length ?? 0;
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

  /** The indexed stems within `distance` edits of `stem` (lunr's own fuzzy matching over its token set). */
  similarTerms(stem: string, distance: number): string[] {
    const { TokenSet } = lunr as unknown as LunrTokenSets;
    const vocabulary = (this.lunrIndex as unknown as { tokenSet: lunr.TokenSet }).tokenSet;
    return vocabulary.intersect(TokenSet.fromFuzzyString(stem, distance)).toArray();
  }

  /** Scores documents by the weighted sum of their term weights; returns the best `k`, best first. */
  search(terms: readonly WeightedTerm[], k: number, filter?: (doc: number) => boolean): Hit[] {
    const scores = new Map<number, number>();
    for (const { stem, weight } of terms) {
      const p = this.postings.get(stem);
      if (!p) continue;
      for (let i = 0; i < p.docs.length; i++) {
        const doc = p.docs[i] as number;
        scores.set(doc, (scores.get(doc) ?? 0) + weight * (p.weights[i] as number));
      }
    }
    return topK(scores, k, filter);
  }
}

/** The parts of lunr's TokenSet API that @types/lunr leaves out. */
interface LunrTokenSets {
  TokenSet: { fromFuzzyString(str: string, editDistance: number): lunr.TokenSet };
}

/** Best `k` entries of a score map, ties broken by document order so results are stable. */
function topK(scores: Map<number, number>, k: number, filter?: (doc: number) => boolean): Hit[] {
  const hits: Hit[] = [];
  for (const [doc, score] of scores) {
    if (filter && !filter(doc)) continue;
    if (hits.length === k && score <= (hits[k - 1] as Hit).score) continue;
    let i = hits.length < k ? hits.length : k - 1;
    while (i > 0 && ((hits[i - 1] as Hit).score < score || ((hits[i - 1] as Hit).score === score && (hits[i - 1] as Hit).doc > doc))) {
      hits[i] = hits[i - 1] as Hit;
      i--;
    }
    hits[i] = { doc, score };
  }
  return hits;
}

function analysedTokens(value?: unknown): lunr.Token[] {
  const text = typeof value === 'string' ? value : '';
  return analyze(text).map((term, position) => new lunr.Token(term.stem, { position }));
}
