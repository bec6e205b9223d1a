import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answerer.ts';
import { briefFrom, engineOf, realLexicon } from '../fixtures/answer-core/support.ts';

const lexicon = realLexicon();
const engine = engineOf(
  briefFrom(
    'pay.txt',
    "How much was Norcorp's chief executive paid in 2024?",
    'Ann Lindqvist, who has led Norcorp since September 2021, received total pay of 14.6 million crowns for 2024 [1].',
    'Shareholders at the airline voted 38% against the pay report [2].',
  ),
);

describe('whose sum a "how much" question asks for', () => {
  it('need not stand beside it where the brief is about them, in other words ("CEO", "chief executive")', () => {
    const answer = answerQuestion(engine, 'how much did the norcorp ceo make in 2024', {}, lexicon);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.text).toContain('14.6 million crowns');
  });
});
