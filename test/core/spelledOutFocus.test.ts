import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

const desk5 = fileURLToPath(new URL('../fixtures/desk5-corpus', import.meta.url));
let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir: desk5 });
});

describe('a short name asked about is said by the units that spell it out', () => {
  // The Norway briefs write "electric cars" and "value-added tax", never "EV" or "VAT".
  it.each([
    ['how big was the ev share of new cars in norway in 2024', '88.9 percent'],
    ["what was norway's ev share in 2023", '82.4 percent'],
  ])('answers "%s"', (question, fact) => {
    const answer = knowledge.answer(question);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain(fact);
  });
});
