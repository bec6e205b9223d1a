import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBriefTexts, readQuestionSet } from '../../src/eval/readEvalInputs.ts';
import { normalizeForMatch } from '../../src/eval/score.ts';

// The set is only as good as its expectations: these checks keep it honest as the briefs change.
const items = readQuestionSet(fileURLToPath(new URL('./questions.jsonl', import.meta.url)));
const briefs = new Map(
  [...readBriefTexts(fileURLToPath(new URL('../../seeds/', import.meta.url)))].map(([doc, text]) => [doc, normalizeForMatch(text)]),
);
const factItems = items.filter((it) => it.kind === 'fact');

describe('the project question set', () => {
  it('holds at least 80 questions, about a quarter of them out of scope', () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    const share = (items.length - factItems.length) / items.length;
    expect(share).toBeGreaterThanOrEqual(0.2);
    expect(share).toBeLessThanOrEqual(0.35);
  });

  it('expects only briefs that exist and that contain one of the expected facts verbatim', () => {
    const wrong = factItems.flatMap((it) =>
      it.docs
        .filter((doc) => !it.facts.some((f) => briefs.get(doc)?.includes(normalizeForMatch(f))))
        .map((doc) => `${it.id}: ${doc}`),
    );
    expect(wrong).toEqual([]);
  });

  it('writes facts in lowercase, as the matcher compares them', () => {
    expect(factItems.filter((it) => it.facts.some((f) => f !== f.toLowerCase())).map((it) => it.id)).toEqual([]);
  });

  it('draws answers from every brief', () => {
    const cited = new Set(factItems.flatMap((it) => it.docs));
    expect([...briefs.keys()].filter((doc) => !cited.has(doc))).toEqual([]);
  });
});
