import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

const desk5 = fileURLToPath(new URL('../fixtures/desk5-corpus', import.meta.url));
let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir: desk5 });
});

describe('a sentence that denies the claim in its own words', () => {
  // The Iceland brief opens "Misleading. Iceland did not move the country to a four-day week.": the
  // second sentence repeats most of the claim's words, and says it is not so.
  it('completes a terse verdict, though it repeats the claim\'s words', () => {
    const answer = knowledge.answer('did iceland put the whole country on a four day week');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units.map((u) => u.text)).toEqual(expect.arrayContaining(['Misleading.', 'Iceland did not move the country to a four-day week.']));
    expect(answer.units[0]?.text).toBe('Misleading.');
  });
});
