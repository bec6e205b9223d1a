import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answerer.ts';
import { parseBrief } from '../../src/core/corpus.ts';
import { buildEngine } from '../../src/core/engine.ts';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { expectWellFormed } from '../fixtures/answer-core/support.ts';

// The words set in bold are the figure that answers: a count with what it counts, never the word
// that happens to follow a number ("the 40 came from …"), and not a year for a count.
const text = `Fact check: "Dana Pruitt ate 40 pies to win the Harlow County Fair contest."
Checked on August 20, 2025
1. Summary of the results
- Mostly true. Dana Pruitt ate 38 pies in eight minutes at the Harlow County Fair on August 9, 2025, and won the contest.
- The 40 came from a fair poster printed before the contest, which rounded up a practice run.
2. Missing context/alternative viewpoints
- The runner-up, Kit Osei, ate 31 pies.
- In 2019 the fair's record was set at 44 pies by a contestant from out of state.
`;

describe('the words of a count set in bold', () => {
  const parsed = parseBrief('pies.txt', text);
  if (!parsed.ok) throw new Error(parsed.reason);
  const briefs = [parsed.brief];
  const answer = answerQuestion(buildEngine({ briefs, skipped: [] }), 'how many pies did pruitt eat', {}, loadLexicon());
  const keyOf = (words: string) => [...answer.units, ...answer.more].find((u) => u.text.includes(words))?.key;

  it('are the figure with the words for what is counted', () => {
    expectWellFormed(answer, briefs, () => text);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.text).toMatch(/^Mostly true\. Dana Pruitt ate 38 pies/);
    expect(answer.units[0]?.key).toBe('38 pies');
    expect(keyOf('Kit Osei')).toBe('31 pies');
  });

  it('are the figure alone when the next word is not what is counted, and never a year', () => {
    expect(keyOf('The 40 came')).toBe('40');
    expect(keyOf('In 2019')).toBe('44 pies');
  });
});
