import lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSAGE_FIELDS } from '../../src/core/engine.ts';
import { lunrBuilder, SearchIndex, type IndexDoc } from '../../src/core/searchIndex.ts';
import { loadCorpus } from '../../src/io/seedLoader.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

let docs: IndexDoc[];
beforeAll(async () => {
  const corpus = await loadCorpus(seedsDir);
  docs = corpus.briefs.flatMap((b) =>
    b.passages.map((p) => ({
      ref: p.id,
      fields: { title: b.title, heading: p.heading, body: p.sentences.map((s) => s.text).join(' ') },
    })),
  );
});

/** lunr's own complete index, flattened as the postings hold it: per term and document, field weights summed. */
function lunrPostings(index: lunr.Index, refs: readonly string[]): Map<string, Map<number, number>> {
  const { invertedIndex, fieldVectors } = index as unknown as {
    invertedIndex: Record<string, { _index: number }>;
    fieldVectors: Record<string, { elements: number[] }>;
  };
  const termOf: string[] = [];
  for (const [term, posting] of Object.entries(invertedIndex)) termOf[posting._index] = term;
  const out = new Map<string, Map<number, number>>();
  refs.forEach((ref, doc) => {
    for (const field of PASSAGE_FIELDS) {
      const el = (fieldVectors[`${field.name}/${ref}`] as { elements: number[] }).elements;
      for (let i = 0; i < el.length; i += 2) {
        const term = termOf[el[i] as number] as string;
        const docs = out.get(term) ?? new Map<number, number>();
        docs.set(doc, (docs.get(doc) ?? 0) + (el[i + 1] as number));
        out.set(term, docs);
      }
    }
  });
  return out;
}

describe('SearchIndex.documentsWith', () => {
  it('lists the documents holding a stem in document order, none for a stem no document has', () => {
    const index = SearchIndex.build(docs, PASSAGE_FIELDS);
    const holding = [...index.documentsWith('palantir')];
    expect(holding.length).toBe(index.documentFrequency('palantir'));
    expect(holding).toEqual([...holding].sort((a, b) => a - b));
    expect([...index.documentsWith('zzzz')]).toEqual([]);
  });
});

describe('SearchIndex.build', () => {
  it('holds exactly the weights of one lunr index over all documents', () => {
    const builder = lunrBuilder(PASSAGE_FIELDS);
    for (const doc of docs) builder.add({ ref: doc.ref, ...doc.fields });
    const expected = lunrPostings(builder.build(), docs.map((d) => d.ref));

    const data = SearchIndex.build(docs, PASSAGE_FIELDS).toData();
    expect(data.terms).toEqual([...expected.keys()].sort());
    data.terms.forEach((term, t) => {
      const postings = expected.get(term) as Map<number, number>;
      const from = data.offsets[t] as number;
      const to = data.offsets[t + 1] as number;
      expect([...data.docs.subarray(from, to)]).toEqual([...postings.keys()].sort((a, b) => a - b));
      for (let i = from; i < to; i++) {
        expect(data.weights[i]).toBe(Math.fround(postings.get(data.docs[i] as number) as number));
      }
    });
  });

  it('ranks by summed weight, best first, ties in document order, and applies the filter', () => {
    const index = SearchIndex.build(
      [
        { ref: 'a', fields: { body: 'palantir cloud' } },
        { ref: 'b', fields: { body: 'palantir palantir cloud' } },
        { ref: 'c', fields: { body: 'cloud' } },
        { ref: 'd', fields: { body: 'palantir cloud' } },
      ],
      [{ name: 'body', boost: 1 }],
    );
    const hits = index.search([{ stem: 'palantir', weight: 1 }, { stem: 'cloud', weight: 1 }], 3);
    expect(hits.map((h) => index.ref(h.doc))).toEqual(['b', 'a', 'd']);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score as number);
    const filtered = index.search([{ stem: 'cloud', weight: 1 }], 10, (doc) => index.ref(doc) !== 'c');
    expect(filtered.map((h) => index.ref(h.doc)).sort()).toEqual(['a', 'b', 'd']);
    expect(index.search([{ stem: 'unknown', weight: 1 }], 3)).toEqual([]);
  });

  it('finds small typos with lunr fuzzy matching over the vocabulary', () => {
    const index = SearchIndex.build(docs, PASSAGE_FIELDS);
    expect(index.similarTerms('palentir', 1)).toContain('palantir');
    expect(index.similarTerms('microsft', 1)).toContain('microsoft');
  });

  it('keeps the first letter of a typo: one edit away but starting differently is no match', () => {
    const index = SearchIndex.build(docs, PASSAGE_FIELDS);
    expect(index.similarTerms('balantir', 1)).toEqual([]);
    expect(index.similarTerms('palantirs', 1)).toEqual(['palantir']);
    expect(index.similarTerms('', 1)).toEqual([]);
  });

  it('knows the document frequency of indexed stems only', () => {
    const index = SearchIndex.build(docs, PASSAGE_FIELDS);
    expect(index.documentFrequency('palantir')).toBeGreaterThan(0);
    expect(index.documentFrequency('palantirx')).toBe(0);
    expect(index.documentFrequency('')).toBe(0);
  });
});

describe('SearchIndex.fromData', () => {
  it('gives back an index that searches as the original', () => {
    const index = SearchIndex.build(docs, PASSAGE_FIELDS);
    const copy = SearchIndex.fromData(structuredClone(index.toData()));
    const query = [{ stem: 'ice', weight: 1 }, { stem: 'contract', weight: 0.5 }];
    expect(copy.search(query, 5)).toEqual(index.search(query, 5));
  });

  it('refuses arrays that are not a consistent index', () => {
    const data = SearchIndex.build(docs, PASSAGE_FIELDS).toData();
    const docsOutOfRange = { ...data, docs: data.docs.map((d) => d + data.refs.length) };
    expect(() => SearchIndex.fromData(docsOutOfRange)).toThrow(/inconsistent/);
    expect(() => SearchIndex.fromData({ ...data, offsets: data.offsets.subarray(1) })).toThrow(/inconsistent/);
    expect(() => SearchIndex.fromData({ ...data, terms: [...data.terms].reverse() })).toThrow(/inconsistent/);
  });
});
