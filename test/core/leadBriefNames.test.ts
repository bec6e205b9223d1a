import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

const deskCorpus = fileURLToPath(new URL('../fixtures/desk-corpus', import.meta.url));
let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir: deskCorpus });
});

describe('a name asked about must be in what the lead brief says', () => {
  // The desk corpus counts US measles cases, Canada's burned area and Arizona's river water: a unit of
  // one brief naming its place does not make another brief answer about that place.
  it.each(['how many measles cases were there in canada in 2025', 'how many acres burned in arizona in 2023'])(
    'declines "%s", though another brief\'s unit names the place',
    (question) => {
      const answer = knowledge.answer(question);
      expect(answer.answered, answer.answer).toBe(false);
      expect(answer.declineReason).toBe('not-covered');
    },
  );

  it('answers the same kind of question about the place the brief is on', () => {
    const answer = knowledge.answer('how many measles cases had the US confirmed in 2025');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain('1,431');
  });
});

describe('a name of several words is one name', () => {
  // desk6's brief on the drug's approval names Canada, and says "states" only in other senses.
  const desk6 = fileURLToPath(new URL('../fixtures/desk6-corpus', import.meta.url));
  let drugs: Knowledge;
  beforeAll(async () => {
    drugs = await openKnowledge({ seedsDir: desk6 });
  });

  it('is not said by one of its words alone: "the United States" is not in a brief on Canada', () => {
    const answer = drugs.answer('Has renquilimab been approved in the United States?');
    expect(answer.answered, answer.answer).toBe(false);
    expect(answer.declineReason).toBe('not-covered');
  });

  it('is said where the brief says it', () => {
    const answer = drugs.answer('When was renquilimab approved in Canada?');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain('September 26, 2024');
  });
});
