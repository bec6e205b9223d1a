import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { readBriefTexts, readQuestionSet } from '../../src/eval/readEvalInputs.ts';
import { rate, scoreAnswers } from '../../src/eval/score.ts';
import type { Bar, EvalReport, MissKind } from '../../src/eval/score.ts';
import type { Answer } from '../../src/core/types.ts';

// Holds the line the engine reaches on the project's own set, over the real seed corpus. Issue 2's
// bar (DONE_BAR in src/eval/score.ts: facts 90%, every abstain declined) is the product owner's, on a
// held-out set; this set was written to be harder (near-miss abstains such as "who founded palantir"),
// and `npm run eval` reports it against that bar. Raise LINE as the engine improves; never lower it.
const LINE: Bar = { facts: 0.88, source1: 0.85, abstain: 0.88, falseAbstain: 0.05 };
const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const items = readQuestionSet(fileURLToPath(new URL('./questions.jsonl', import.meta.url)));
/** Issue 2, item 5: an answer is at most ~900 characters. */
const MAX_ANSWER_CHARS = 900;

let answers: Answer[];
let report: EvalReport;
const missesOf = (...kinds: MissKind[]): string =>
  report.misses.filter((m) => kinds.includes(m.kind)).map((m) => `${m.id} ${m.kind}: ${m.detail}`).join('\n');

beforeAll(async () => {
  const knowledge = await openKnowledge({ seedsDir });
  answers = items.map((item) => knowledge.answer(item.q));
  report = scoreAnswers(items, answers, { corpus: readBriefTexts(seedsDir) });
});

describe('answers to the project question set', () => {
  it('contain an expected fact for at least 88% of in-scope questions', () => {
    expect(rate(report.facts), missesOf('fact', 'false-abstain')).toBeGreaterThanOrEqual(LINE.facts);
  });

  it('cite an expected brief first for at least 85% of in-scope questions', () => {
    expect(rate(report.source1), missesOf('source')).toBeGreaterThanOrEqual(LINE.source1);
  });

  it('decline at least 88% of the questions the briefs do not cover', () => {
    expect(rate(report.abstain), missesOf('abstain')).toBeGreaterThanOrEqual(LINE.abstain);
  });

  it('wrongly decline at most 1 in 20 in-scope questions', () => {
    expect(report.falseAbstain.hit, missesOf('false-abstain')).toBeLessThanOrEqual(report.falseAbstain.total * LINE.falseAbstain);
  });

  it('quote every sentence verbatim from a brief they cite', () => {
    expect(report.verbatim?.total, 'no answer sentences were checked').toBeGreaterThan(0);
    expect(missesOf('verbatim')).toBe('');
  });

  it(`stay within ${MAX_ANSWER_CHARS} characters`, () => {
    const long = answers.filter((a) => a.answered && a.answer.length > MAX_ANSWER_CHARS).map((a) => `${a.answer.length}: ${a.question}`);
    expect(long).toEqual([]);
  });

  it('cite at least one source whenever they answer', () => {
    expect(missesOf('unsourced')).toBe('');
  });
});
