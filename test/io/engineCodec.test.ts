import { describe, expect, it } from 'vitest';
import { buildEngine } from '../../src/core/engine.ts';
import { analyseClauses } from '../../src/core/passageStems.ts';
import { clauseStems, type SentenceStems } from '../../src/core/stemCache.ts';
import type { Brief, Corpus, Passage } from '../../src/core/types.ts';
import { decodeEngine, encodedArrays, encodeEngine, fromEncodedArrays } from '../../src/io/engineCodec.ts';
import { loadCorpus } from '../../src/io/seedLoader.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

/** Plain copies of briefs (their passages' sentences read), for comparing corpora. */
const plain = (briefs: readonly Brief[]) => JSON.parse(JSON.stringify(briefs)) as unknown;

/** Clause stems as arrays, in the analyzer's order. */
const ordered = (stems: readonly SentenceStems[]) =>
  stems.map(({ pieces, cuts }) => ({ pieces: pieces.map((p) => [...p]), cuts: [...cuts].map(([piece, s]) => [piece, [...s]]) }));

/** A corpus of `passages` one-sentence passages spread over briefs of ten, with non-ASCII text and citations. */
function manyPassages(passages: number): Corpus {
  const briefs: Brief[] = [];
  for (let b = 0; b * 10 < passages; b++) {
    const id = `brief-${b}.txt`;
    const count = Math.min(10, passages - b * 10);
    briefs.push({
      id,
      title: `Question ${b}?`,
      claim: null,
      verdict: null,
      checked: null,
      checkedLine: null,
      outdated: false,
      link: null,
      furniture: 0,
      truncated: false,
      prompts: [],
      names: [`Name ${b} Inc`],
      fingerprint: `f${b}`,
      passages: Array.from({ length: count }, (_, index) => ({
        id: `${id}#${index}`,
        doc: id,
        index,
        kind: 'section' as const,
        heading: `${index + 1}. Part ${index}`,
        sentences: [
          { text: `Passage ${b}.${index} says “café” costs €${b} [${index + 1}].`, citations: [index + 1], at: index * 40 },
          { text: `A second sentence 🙂 of ${b}.${index}.`, citations: [], at: index * 40 + 30, ...(index % 3 === 0 ? { bullet: true, label: `Label ${index}` } : {}) },
        ],
      })),
    });
  }
  return { briefs, skipped: [{ file: 'junk.bin', reason: 'is binary' }] };
}

describe('the engine codec', () => {
  it('decodes the seeds to the corpus and indexes that were encoded', async () => {
    const engine = buildEngine(await loadCorpus(seedsDir));
    const decoded = await decodeEngine(fromEncodedArrays(encodedArrays(encodeEngine(engine))));
    expect(plain(decoded.corpus.briefs)).toEqual(plain(engine.corpus.briefs));
    expect(decoded.corpus.skipped).toEqual(engine.corpus.skipped);
    expect(decoded.passageIndex.toData()).toEqual(engine.passageIndex.toData());
    expect(decoded.questionIndex.toData()).toEqual(engine.questionIndex.toData());
  });

  it("gives each passage's sentences the clause stems the analyzer gives them", async () => {
    const engine = buildEngine(await loadCorpus(seedsDir));
    const decoded = await decodeEngine(encodeEngine(engine));
    const cut = decoded.passages.flatMap((p) => clauseStems(p)).filter((s) => s.cuts.size > 0);
    expect(cut.length).toBeGreaterThan(0);
    decoded.passages.forEach((passage, i) => {
      expect(ordered(clauseStems(passage))).toEqual(ordered(engine.passages[i]?.sentences.map(analyseClauses) ?? []));
    });
  });

  it('gives the same sentences when a passage is read again after thousands of others', async () => {
    const corpus = manyPassages(5000);
    const decoded = await decodeEngine(encodeEngine(buildEngine(corpus)));
    const first = decoded.passages[0]?.sentences;
    for (const passage of decoded.passages) expect(passage.sentences.length).toBe(2);
    // Read again: the first passage's sentences were let go by now (a new list), and come back the same.
    const again = decoded.passages[0]?.sentences;
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    // A passage read recently is kept.
    expect(decoded.passages[4999]?.sentences).toBe(decoded.passages[4999]?.sentences);
    expect(plain(decoded.corpus.briefs)).toEqual(plain(corpus.briefs));
  });

  it('refuses arrays whose sentence lengths do not match the text', async () => {
    const encoded = encodeEngine(buildEngine(manyPassages(20)));
    const lengths = encoded.sentenceLengths.slice();
    lengths[3] = (lengths[3] as number) + 500;
    await expect(decodeEngine({ ...encoded, sentenceLengths: lengths })).rejects.toThrow(/sentence lengths/);
  });

  it('refuses clause stems that do not match the sentences', async () => {
    const encoded = encodeEngine(buildEngine(manyPassages(20)));
    const decoded = await decodeEngine({ ...encoded, clauseStems: Uint8Array.from(encoded.clauseStems, (x, i) => (i === 0 ? x + 1 : x)) });
    expect(() => clauseStems(decoded.passages[0] as Passage)).toThrow(/clause stems/);
  });

  it('refuses arrays with sentences left over', async () => {
    const encoded = encodeEngine(buildEngine(manyPassages(20)));
    await expect(decodeEngine({ ...encoded, citations: Int32Array.from([...encoded.citations, 0]) })).rejects.toThrow(/unused/);
  });
});
