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

describe('a yes/no question with a figure the brief never gives', () => {
  // The Death Valley brief checks "134 degrees last summer"; 130 degrees is in none of its sentences.
  it('is not answered by the verdict on the claim the brief checks', () => {
    const answer = knowledge.answer('is it true that death valley recorded 130 degrees back in 2020');
    expect(answer.answered, answer.answer).toBe(false);
  });

  it('still gets the verdict when the figure is the claim\'s own', () => {
    const answer = knowledge.answer('is it true death valley hit 134 degrees last summer');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.role).toBe('verdict');
  });
});
