import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

const deskCorpus = fileURLToPath(new URL('../fixtures/desk-corpus', import.meta.url));
let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir: deskCorpus });
});

describe('a question for an extreme is answered by the unit that names it', () => {
  // The myocarditis brief's verdict says the risk "falls mostly on adolescent boys and young men";
  // one sentence of its first section gives the peak and the group it falls on.
  it.each([
    'which age group has the highest risk of myocarditis from an mrna shot',
    'what age group is at the highest risk of heart inflammation from mrna shots',
  ])('quotes the peak for "%s"', (question) => {
    const answer = knowledge.answer(question);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain('boys aged 16 to 17');
  });

});
