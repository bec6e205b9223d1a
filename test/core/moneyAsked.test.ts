import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { asksForMoney, givesMoney } from '../../src/core/questionType.ts';
import type { Knowledge } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

const desk5 = fileURLToPath(new URL('../fixtures/desk5-corpus', import.meta.url));
let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir: desk5 });
});

describe('a question for a sum of money', () => {
  it('is told from a "how much" of anything else, and from a question about a payment', () => {
    const amount = (asked: string) => ({ whether: false, type: 'amount' as const, asked });
    expect(asksForMoney(amount('how much did the first shinkansen line cost to build'))).toBe(true);
    expect(asksForMoney(amount('how much water does arizona get from the river'))).toBe(false);
    expect(asksForMoney(amount('what was the DOJ trying to pay for'))).toBe(false);
    expect(givesMoney('Microsoft completed its purchase for $68.7 billion.')).toBe(true);
    expect(givesMoney('a fine of 4.3 billion euros')).toBe(true);
    expect(givesMoney('Tokyo and Shin-Osaka, about 515 kilometres apart')).toBe(false);
  });

  // The Shinkansen brief gives the first line's length and its opening date, never what it cost.
  // The Activision brief says Ubisoft got the cloud streaming rights, for 15 years, never for how much.
  it.each(['how much did the original tokaido shinkansen cost', "how much did ubisoft pay for activision's cloud streaming rights"])(
    'declines "%s": no unit gives a sum',
    (question) => {
      const answer = knowledge.answer(question);
      expect(answer.answered, answer.answer).toBe(false);
    },
  );

  it('is answered where a unit gives the sum', () => {
    const answer = knowledge.answer('how much was google fined over android');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain('€4.34 billion');
  });
});
